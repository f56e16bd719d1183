import { describe as describeLadder, gradeText, nodeLabel } from '../../../src/web/ladder/text';
import type { Ladder } from '../../../src/web/ladder/types';

const ladder: Ladder = {
  nodes: [{ id: 'sales/ae#ae', key: 'sales/ae#ae', title: 'Account Executive', grade: 9.5, family: { slug: 'sales/ae', title: 'AE' } }],
  edges: [],
  mermaid: '',
  dot: '',
};

it('labels a node "Title · grade N", or "no grade"', () => {
  expect(nodeLabel(ladder.nodes[0]!)).toBe('Account Executive · grade 9.5');
  expect(gradeText(null)).toBe('no grade');
});

it('describes what is drawn: the scope (role before department) and the ref', () => {
  expect(describeLadder({ department: 'sales', role: null, at: null }, ladder)).toBe('1 roles, 0 moves in sales at head. Tap a role for details.');
  expect(describeLadder({ department: 'sales', role: 'sales/ae#ae', at: 'v1' }, ladder)).toBe('1 roles, 0 moves around sales/ae#ae at v1. Tap a role for details.');
  expect(describeLadder({ department: null, role: null, at: null }, ladder)).toBe('1 roles, 0 moves in every department at head. Tap a role for details.');
});
