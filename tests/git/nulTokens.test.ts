import { NulTokenizer } from '../../src/git/nulTokens';

describe('NulTokenizer', () => {
  it('joins tokens split across chunks, including a multi-byte character cut in half', () => {
    const tokens: string[] = [];
    const tokenizer = new NulTokenizer((t) => tokens.push(t));
    const bytes = Buffer.from('one\0tw\u00f6\0\0three-with-ü\0tail', 'utf8');
    for (let i = 0; i < bytes.length; i += 3) tokenizer.push(bytes.subarray(i, i + 3));
    tokenizer.end();
    expect(tokens).toEqual(['one', 'twö', '', 'three-with-ü', 'tail']);
  });
});
