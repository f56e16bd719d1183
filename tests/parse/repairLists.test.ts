import { repairLists } from '../../src/parse/repairLists';

describe('repairLists', () => {
  it('gives a lost marker back to a sentence between two bullets', () => {
    expect(repairLists('- One\nTwo is here\n- Three')).toBe('- One\n- Two is here\n- Three');
    expect(repairLists('* One\nTwo\n* Three')).toBe('* One\n* Two\n* Three');
  });

  it('mends "-Text" and "- - Text"', () => {
    expect(repairLists('- One\n-Two\n- - Three')).toBe('- One\n- Two\n- Three');
  });

  it('leaves alone what may be meant: a wrapped last line, lower-case continuations, emphasis, rules, code', () => {
    const kept = [
      '- One\nWrapped onto the next line',
      '- One that goes\non here\n- Two',
      '- One\n*Note:* the list ends here',
      '- One\n---\n',
      '```\n- One\nTwo\n- Three\n```',
      '  - Nested\nTwo\n  - Nested too',
      '\t```\n- One\n-Two\n\t```',
      ' ~~~\n- One\nTwo\n- Three\n ~~~',
    ];
    for (const text of kept) expect(repairLists(text)).toBe(text);
  });

  it('mends lines after a fence closes, at the page’s first and last line, and after a mended line', () => {
    expect(repairLists('```\ncode\n```\n- One\nTwo\n- Three')).toBe('```\ncode\n```\n- One\n- Two\n- Three');
    expect(repairLists('- One\n-Two')).toBe('- One\n- Two');
    // `-Two` mended is a bullet, so `Three` sits between two bullets.
    expect(repairLists('- One\n-Two\nThree\n- Four\n')).toBe('- One\n- Two\n- Three\n- Four\n');
    // A bullet marked `*` does not take in a sentence before a `-` bullet.
    expect(repairLists('* One\nTwo\n- Three')).toBe('* One\nTwo\n- Three');
  });

  it('keeps the line count, so positions stay right', () => {
    const text = '- One\nTwo\n- - Three\n-Four\n';
    expect(repairLists(text).split('\n')).toHaveLength(text.split('\n').length);
  });
});
