import { utf8Bytes } from '../../src/util';

describe('utf8Bytes', () => {
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['ASCII', '{"data":{"role":{"title":"Backend Engineer"}}}'],
    ['Latin-1 only (one-byte in V8)', 'Café, naïve, ±10%, ©'],
    ['curly quotes (two-byte)', 'willingness to “roll up your sleeves” and sell'],
    ['astral characters (surrogate pairs)', 'ship it 🚀 and 𝔾𝕣𝕒𝕕𝕖'],
    ['a long two-byte answer', `${'x'.repeat(20_000)}›${'é'.repeat(5_000)}“${'y'.repeat(20_000)}`],
    ['line and paragraph separators', 'a\u2028b\u2029c'],
    ['a lone high surrogate', 'before \ud83d after “'],
    ['a lone low surrogate at the end', '“quoted” \ude00'],
    ['a high surrogate at the very end', '“\ud800'],
    // Long enough for the converter (short texts are node's own), each of the cases above again.
    ['long: curly quotes and Latin-1', `${'Café “roll up your sleeves” '.repeat(300)}`],
    ['long: astral characters', `${'ship it 🚀 '.repeat(600)}𝔾`],
    ['long: a lone high surrogate in the middle', `${'“'.repeat(3000)}\ud83d${'x'.repeat(3000)}`],
    ['long: a lone low surrogate at the end', `${'”'.repeat(5000)}\ude00`],
  ];

  it.each(cases)('gives the same bytes as Buffer.from(text, "utf8"): %s', (_name, text) => {
    const expected = Buffer.from(text, 'utf8');
    const got = utf8Bytes(text);
    expect(got.equals(expected)).toBe(true);
    expect(got.toString('utf8')).toBe(expected.toString('utf8'));
  });

  it('writes a lone surrogate as U+FFFD, as node does', () => {
    expect([...utf8Bytes('“\ud800')]).toEqual([0xe2, 0x80, 0x9c, 0xef, 0xbf, 0xbd]);
  });
});
