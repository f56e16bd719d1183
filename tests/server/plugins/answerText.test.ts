// The answer's text and bytes, each made once, and the hand-over of the bytes to the request's writer.
import { answerBytes, answerText, carryEncodedAnswer, ENCODE_AHEAD_MIN_CHARS, encodedOr, offerEncodedAnswer } from '../../../src/server/plugins/answerText';

describe('answerText and answerBytes', () => {
  const long = 'Team Lead › Senior '.repeat(Math.ceil(ENCODE_AHEAD_MIN_CHARS / 19));

  it('serialise as Apollo does (errors, data, extensions, then a newline), once per answer', () => {
    const data = { role: { title: long, grade: 9.5 } };
    const text = answerText({ data });
    expect(text).toBe(`{"data":{"role":{"title":"${long}","grade":9.5}}}\n`);
    // Apollo wraps the same data in a new object when it stringifies: the text is not made again.
    expect(answerText({ data })).toBe(text);
    const { text: same, bytes } = answerBytes({ data });
    expect(same).toBe(text);
    expect(bytes!.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(answerBytes({ data }).bytes).toBe(bytes);
  });

  it('encode a short answer only when it is written (no bytes ahead)', () => {
    const short = answerBytes({ data: { title: 'Team Lead › Senior' } });
    expect(short.text).toBe('{"data":{"title":"Team Lead › Senior"}}\n');
    expect(short.bytes).toBeNull();
  });

  it('make a new text when errors or extensions around the same data change', () => {
    const data = { a: long };
    const plain = answerBytes({ data });
    const extended = answerBytes({ data, extensions: { cost: 3 } });
    expect(extended.text).toBe(`{"data":{"a":"${long}"},"extensions":{"cost":3}}\n`);
    expect(extended.bytes!.toString('utf8')).toBe(extended.text);
    expect(plain.bytes!.toString('utf8')).toBe(`{"data":{"a":"${long}"}}\n`);
  });
});

describe('the encoded answer handed to the writer', () => {
  it('is written as bytes only for the very text that was encoded', () => {
    const { contextValue, encoded } = carryEncodedAnswer({ view: null });
    expect(encodedOr(encoded, 'x\n')).toBe('x\n');
    // Apollo hands plugins a shallow copy of the context: the link survives it.
    const copy = { ...contextValue };
    const bytes = Buffer.from('{"data":{"t":"’"}}\n', 'utf8');
    offerEncodedAnswer(copy, '{"data":{"t":"’"}}\n', bytes);
    expect(encodedOr(encoded, '{"data":{"t":"’"}}\n')).toBe(bytes);
    // A plugin that changed the answer after it was encoded: its own text goes out.
    expect(encodedOr(encoded, '{"data":{"t":"-"}}\n')).toBe('{"data":{"t":"-"}}\n');
    expect(encodedOr(null, 'y\n')).toBe('y\n');
  });

  it('is not kept for a context no writer listens on', () => {
    const context = { view: null };
    offerEncodedAnswer(context, 'z\n', Buffer.from('z\n'));
    expect(Object.getOwnPropertySymbols(context)).toEqual([]);
  });
});
