// boxesOf: the one list of boxes the graph draws and the text alternative reads.
import { boxesOf, gradeRange, groupLabel } from '../../../src/web/ladder/boxes';
import type { Ladder, LadderGroup, LadderNode } from '../../../src/web/ladder/types';

const node = (key: string, title: string, grade: number | null): LadderNode => ({ id: `id:${key}`, key, title, grade, family: { slug: key.split('#')[0]!, title: 'Account Executive' } });
const family: LadderGroup = { id: 'family:sales/se', kind: 'FAMILY', key: 'sales/se', title: 'Sales Engineer', department: 'sales', lowestGrade: 5, highestGrade: 9, roleCount: 4, familyCount: 1, changeCount: 2 };

it('labels groups with their grade range and counts, and the changes inside in compare mode', () => {
  expect(groupLabel(family, false)).toBe('Sales Engineer · grades 5–9 · 4 roles');
  expect(groupLabel(family, true)).toBe('Sales Engineer · grades 5–9 · 4 roles · 2 changed');
  expect(groupLabel({ ...family, kind: 'DEPARTMENT', id: 'department:sales', title: 'sales', familyCount: 1, roleCount: 1 }, false)).toBe('sales · 1 family · 1 role');
  expect([gradeRange(7, 7), gradeRange(null, null)]).toEqual(['grade 7', 'no grade']);
});

it('draws roles, collapsed families and removed roles as ghosts, links by box id, each box saying what it opens', () => {
  const ae = node('sales/ae#ae', 'Account Executive', 7);
  const senior = node('sales/ae#senior', 'Senior Account Executive', 8);
  const gone = node('sales/ae#junior', 'Junior Account Executive', 6);
  const ladder: Ladder = {
    level: 'ROLES',
    nodes: [ae, senior],
    edges: [{ from: { id: ae.id }, to: { id: senior.id }, kind: 'LEVEL_ORDER' }],
    groups: [family],
    groupEdges: [{ from: 'sales/ae#senior', to: 'family:sales/se', kind: 'LADDER_LINK', count: 3 }],
    changes: [
      { role: senior, change: 'MOVED', aspects: ['RETITLED', 'REGRADED'], group: null },
      { role: gone, change: 'REMOVED', aspects: ['REMOVED'], group: null },
      { role: node('sales/se#x', 'X', 5), change: 'ADDED', aspects: ['ADDED'], group: 'family:sales/se' },
    ],
    changeSummary: '1 retitled, 1 regraded, 1 removed, 1 added',
    mermaid: '',
    dot: '',
  };
  const { boxes, links } = boxesOf(ladder);
  expect(boxes.map((b) => [b.id, b.kind, b.label, b.change, b.band])).toEqual([
    ['id:sales/ae#ae', 'role', 'Account Executive · grade 7', null, 'sales/ae'],
    ['id:sales/ae#senior', 'role', 'Senior Account Executive · grade 8 · retitled, regraded', 'MOVED', 'sales/ae'],
    ['id:sales/ae#junior', 'ghost', 'Junior Account Executive · grade 6 · removed', 'REMOVED', 'sales/ae'],
    ['family:sales/se', 'family', 'Sales Engineer · grades 5–9 · 4 roles · 2 changed', 'MODIFIED', 'family:sales/se'],
  ]);
  expect(boxes.map((b) => b.opens)).toEqual([{ role: 'sales/ae#ae' }, { role: 'sales/ae#senior' }, { family: 'sales/ae' }, { family: 'sales/se' }]);
  expect(links).toEqual([
    { id: 'edge-0', from: ae.id, to: senior.id, kind: 'LEVEL_ORDER', count: 1, summary: false },
    { id: 'group-edge-0', from: senior.id, to: 'family:sales/se', kind: 'LADDER_LINK', count: 3, summary: true },
  ]);
});
