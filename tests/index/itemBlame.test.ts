// Bullet blame from one version to the next, on a parsed page with nested bullets.
import { blameRole, itemKeys } from '../../src/index/itemBlame';
import { commitAt, page } from './realPages';

const PATH = 'content/job-families/marketing/digital-experience.md';
const text = (responsibilities: string) => `---
title: "Digital Experience"
---

## Director, Digital Experience

### Job Grade

The Director, Digital Experience is a grade 10.

### Responsibilities

${responsibilities}
### Requirements

- Share our values, and work in accordance with those values
`;
const roleOf = (responsibilities: string) => page(PATH, text(responsibilities)).family.roles[0];

const V0 = roleOf('- Own the roadmap for the marketing website\n  - Publish it every quarter\n- Lead the team\n- Lead the team\n');
const V1 = roleOf('- Own the roadmap for the marketing website and the handbook\n  - Publish it every quarter\n- Lead the team\n- Hire engineers and designers\n');

it('keys nested bullets as `parent › child`, in page order', () => {
  expect(itemKeys(V0.responsibilityItems)).toEqual([
    'Own the roadmap for the marketing website',
    'Own the roadmap for the marketing website › Publish it every quarter',
    'Lead the team',
    'Lead the team',
  ]);
});

it('keeps the commits of unchanged bullets, dates an edit to its commit and a new bullet to its own', () => {
  const first = blameRole(V0, undefined, commitAt(0));
  expect(first.responsibilities.every((b) => b.since.position === 0 && b.lastChanged.position === 0)).toBe(true);
  const next = blameRole(V1, first, commitAt(1));
  expect(next.responsibilities.map((b) => [b.key, b.since.position, b.lastChanged.position])).toEqual([
    // Reworded (more than half its words kept): the same bullet, edited.
    ['Own the roadmap for the marketing website and the handbook', 0, 1],
    // Its parent's text changed, so the nested line is an edit too.
    ['Own the roadmap for the marketing website and the handbook › Publish it every quarter', 0, 1],
    // One copy of a duplicated bullet stays; the other left, and a new bullet shares too little with it.
    ['Lead the team', 0, 0],
    ['Hire engineers and designers', 1, 1],
  ]);
  // An unchanged bullet shares its entry with the version before (chains stay small), and a list
  // whose bullets all stayed is the list before.
  expect(next.requirements[0]).toBe(first.requirements[0]);
  expect(next.requirements).toBe(first.requirements);
  expect(next.responsibilities).not.toBe(first.responsibilities);
  // A version that left every bullet as it was has the blame of the version before, not a copy.
  expect(blameRole(V1, next, commitAt(2))).toBe(next);
  // A bullet moved is not the same list: the order is the page's.
  const reordered = roleOf('- Lead the team\n- Own the roadmap for the marketing website and the handbook\n  - Publish it every quarter\n- Hire engineers and designers\n');
  const moved = blameRole(reordered, next, commitAt(2));
  expect(moved).not.toBe(next);
  expect(moved.responsibilities.map((b) => [b.key, b.lastChanged.position])).toEqual([
    ['Lead the team', 0],
    ['Own the roadmap for the marketing website and the handbook', 1],
    ['Own the roadmap for the marketing website and the handbook › Publish it every quarter', 1],
    ['Hire engineers and designers', 1],
  ]);
  expect(moved.requirements).toBe(next.requirements);
});

it('matches several edited bullets each to its own old bullet, in page order', () => {
  const before = roleOf('- Write the quarterly marketing plan\n- Review campaign budgets with finance\n');
  const after = roleOf('- Write the quarterly marketing plan for the board\n- Review campaign budgets with finance each month\n');
  const next = blameRole(after, blameRole(before, undefined, commitAt(0)), commitAt(1));
  expect(next.responsibilities.map((b) => [b.key, b.since.position, b.lastChanged.position])).toEqual([
    ['Write the quarterly marketing plan for the board', 0, 1],
    ['Review campaign budgets with finance each month', 0, 1],
  ]);
});
