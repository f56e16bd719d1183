import { bestSnippet, SNIPPET_MAX, trimAround } from '../../src/index/search';

// A real 235-character bullet (seed high-velocity-sales-and-first-orders.md, SMB Advocate).
const LONG =
  "Build strong understanding of customers' business needs, organizational goals and GitLab utilization to assist them in achieving them and make recommendations at each stage of the lifecycle - onboarding, adoption, renewal and expansion";

describe('snippets', () => {
  test('short text is returned whole', () => {
    expect(trimAround('Ability to use GitLab', 14)).toBe('Ability to use GitLab');
  });

  test('long text is cut on word boundaries around the match, with ellipses', () => {
    const at = LONG.indexOf('lifecycle');
    const out = trimAround(LONG, at);
    expect(out.length).toBeLessThanOrEqual(SNIPPET_MAX);
    expect(out).toContain('lifecycle');
    expect(out.startsWith('…')).toBe(true);
    // The cut falls between words: what follows the ellipsis is the start of a word of the original.
    expect(LONG).toContain(out.replace(/^…/, '').replace(/…$/, ''));
    expect(LONG.charAt(LONG.indexOf(out.slice(1)) - 1)).toBe(' ');
  });

  test('the piece with the most distinct matched terms wins; first on a tie; none → null', () => {
    const pieces = ['Ability to use GitLab', 'Ability to travel if needed', 'Ability to travel and use GitLab'];
    expect(bestSnippet(pieces, ['travel', 'gitlab'])).toBe('Ability to travel and use GitLab');
    expect(bestSnippet(pieces, ['ability'])).toBe('Ability to use GitLab');
    expect(bestSnippet(pieces, ['salesforce'])).toBeNull();
  });

  test('HTML tags and runs of spaces are dropped from the snippet', () => {
    expect(bestSnippet(['Provide positive customer interactions.  Collaborate<br>with individuals'], ['collaborate'])).toBe(
      'Provide positive customer interactions. Collaborate with individuals',
    );
  });
});
