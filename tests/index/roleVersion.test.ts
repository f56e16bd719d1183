// Role versions as a build makes them (ChainBuilder over compareFamilies, the path a cold build and
// every refresh take): a MODIFIED version works out its changes on first read, through one getter
// every version shares (what keeps V8's fast layout), and then holds them as a plain property.
import { compareFamilies, versionChanges } from '../../src/index/familyVersions';
import { ChainBuilder, type VersionOrigins } from '../../src/index/roleChains';
import { commitAt, page } from './realPages';

const PATH = 'content/job-families/marketing/digital-experience.md';
const text = (grade: number, responsibilities: string) => `---
title: "Digital Experience"
---

## Director, Digital Experience

### Job Grade

The Director, Digital Experience is a grade ${grade}.

### Responsibilities

${responsibilities}
## Manager, Digital Experience

### Responsibilities

- Run the website
`;
const V0 = page(PATH, text(10, '- Own the roadmap\n- Lead the team\n'));
const V1 = page(PATH, text(11, '- Own the roadmap and the handbook\n- Lead the team\n'));
const V2 = page(PATH, text(11, '- Own the roadmap and the handbook\n- Lead the team\n- Hire\n'));

function build() {
  const chains = new ChainBuilder(new Map(), new Map(), new Map() as VersionOrigins);
  const steps = [
    compareFamilies(commitAt(0), undefined, V0),
    compareFamilies(commitAt(1), V0, V1),
    compareFamilies(commitAt(2), V1, V2),
  ];
  for (const drafts of steps) for (const draft of drafts) chains.add(draft);
  return chains.finish().roleVersions;
}

it('computes a modified version\'s changes on first read, with one getter for every version, then keeps them', () => {
  const [second, first, added] = build().get(V0.family.roles[0].id)!;
  expect([added.change, first.change, second.change]).toEqual(['ADDED', 'MODIFIED', 'MODIFIED']);
  expect(Object.getOwnPropertyDescriptor(added, 'changes')).toEqual({ value: [], writable: true, enumerable: true, configurable: true });
  const lazy = [first, second].map((v) => Object.getOwnPropertyDescriptor(v, 'changes')!);
  expect(lazy.map((d) => typeof d.get)).toEqual(['function', 'function']);
  expect(lazy[0].get).toBe(lazy[1].get);
  // Nothing but the record's own fields is visible: keys in the order ADDED versions have them.
  expect(Object.keys(first)).toEqual(['commit', 'change', 'role', 'path', 'changes', 'blame']);
  expect(Object.keys(added)).toEqual(Object.keys(first));

  const expected = versionChanges(added.role, first.role, PATH, PATH);
  expect(expected.map((c) => c.field)).toEqual(['grade', 'responsibilities']);
  expect(first.changes).toEqual(expected);
  expect(first.changes).toBe(first.changes);
  expect(Object.getOwnPropertyDescriptor(first, 'changes')).toEqual({ value: first.changes, writable: true, enumerable: true, configurable: true });
  expect(JSON.parse(JSON.stringify(second)).changes.map((c: { field: string }) => c.field)).toEqual(['responsibilities']);
});
