import { ladderToDot, ladderToMermaid } from '../../src/index/ladderExport';
import type { LadderEdge } from '../../src/index/types';
import { edit, seedPage, snapshotOf } from '../helpers/snapshotOf';

const AE = seedPage('commercial-account-executive.md');
const HV = seedPage('high-velocity-sales-and-first-orders.md');
const MID = 'sales/account-executive#commercial-account-executive-mid-market';
const NAMED = 'sales/account-executive#commercial-account-executive-named';
const ADVOCATE = 'sales/high-velocity-sales-and-first-orders#smb-advocate';

/** The account-executive family and the SMB Advocate, who moves to it by the HV career ladder. */
function smallLadder(pages = [AE, HV]) {
  const snapshot = snapshotOf(pages);
  const nodes = [MID, NAMED, ADVOCATE].map((id) => snapshot.roleById.get(id)!);
  const edges = snapshot.ladderEdges.filter((e) => [e.from, e.to].every((id) => [MID, NAMED, ADVOCATE].includes(id)));
  return { nodes, edges };
}

describe('ladderToMermaid', () => {
  test('a flowchart with a subgraph per family, solid level order, dotted ladder links', () => {
    const { nodes, edges } = smallLadder();
    expect(edges).toEqual([
      { from: MID, to: NAMED, kind: 'LEVEL_ORDER' },
      { from: ADVOCATE, to: MID, kind: 'LADDER_LINK' },
    ]);
    expect(ladderToMermaid(nodes, edges)).toBe(
      [
        'flowchart TD',
        '  subgraph fSalesAccountExecutive["sales/account-executive"]',
        '    nSalesAccountExecutiveCommercialAccountExecutiveMidMarket["Commercial Account Executive - Mid-Market (grade 7)"]',
        '    nSalesAccountExecutiveCommercialAccountExecutiveNamed["Commercial Account Executive - Named (grade 7)"]',
        '  end',
        '  subgraph fSalesHighVelocitySalesAndFirstOrders["sales/high-velocity-sales-and-first-orders"]',
        '    nSalesHighVelocitySalesAndFirstOrdersSmbAdvocate["SMB Advocate (grade 6)"]',
        '  end',
        '  nSalesAccountExecutiveCommercialAccountExecutiveMidMarket --> nSalesAccountExecutiveCommercialAccountExecutiveNamed',
        '  nSalesHighVelocitySalesAndFirstOrdersSmbAdvocate -.-> nSalesAccountExecutiveCommercialAccountExecutiveMidMarket',
        '',
      ].join('\n'),
    );
  });

  test('node ids are alphanumeric and labels cannot break out of their quotes', () => {
    const page = edit(HV, '## SMB Advocate\n', '## SMB "Advocate" > #1\n');
    const snapshot = snapshotOf([page]);
    const out = ladderToMermaid(snapshot.roles, snapshot.ladderEdges);
    expect(out).toContain('["SMB #quot;Advocate#quot; #gt; #35;1 (grade 6)"]');
    for (const line of out.split('\n').slice(1)) {
      if (line.trim() === 'end' || line === '') continue;
      // Either `id["label"]`, `subgraph id["label"]` or `id arrow id`, with alphanumeric ids.
      expect(line).toMatch(/^\s+(?:(?:subgraph )?[A-Za-z0-9]+\["[^"]*"\]|[A-Za-z0-9]+ (?:-->|-\.->) [A-Za-z0-9]+)$/);
    }
  });

  test('ungraded roles show their title alone; edges to roles not drawn are left out; ids that sanitise alike stay distinct', () => {
    const snapshot = snapshotOf([seedPage('inside-sales-mid-market.md')]);
    const role = snapshot.roles[0];
    const dangling: LadderEdge[] = [{ from: role.id, to: 'sales/elsewhere#x', kind: 'LADDER_LINK' }];
    expect(ladderToMermaid([role], dangling)).toBe(
      [
        'flowchart TD',
        '  subgraph fSalesInsideSalesMidMarket["sales/inside-sales-mid-market"]',
        '    nSalesInsideSalesMidMarketInsideSalesMidMarket["Inside Sales, Mid-Market"]',
        '  end',
        '',
      ].join('\n'),
    );
    const twin = { ...role, id: 'sales/inside-sales-mid-market#inside-sales--mid-market' };
    const out = ladderToMermaid([role, twin], [{ from: role.id, to: twin.id, kind: 'LEVEL_ORDER' }]);
    expect(out).toContain('  nSalesInsideSalesMidMarketInsideSalesMidMarket --> nSalesInsideSalesMidMarketInsideSalesMidMarket2\n');
  });
});

describe('ladderToDot', () => {
  test('a digraph with quoted role ids, a cluster per family, dashed ladder links', () => {
    const { nodes, edges } = smallLadder();
    expect(ladderToDot(nodes, edges)).toBe(
      [
        'digraph ladder {',
        '  rankdir=TB;',
        '  node [shape=box];',
        '  subgraph cluster_0 {',
        '    label="sales/account-executive";',
        `    "${MID}" [label="Commercial Account Executive - Mid-Market (grade 7)"];`,
        `    "${NAMED}" [label="Commercial Account Executive - Named (grade 7)"];`,
        '  }',
        '  subgraph cluster_1 {',
        '    label="sales/high-velocity-sales-and-first-orders";',
        `    "${ADVOCATE}" [label="SMB Advocate (grade 6)"];`,
        '  }',
        `  "${MID}" -> "${NAMED}";`,
        `  "${ADVOCATE}" -> "${MID}" [style=dashed];`,
        '}',
        '',
      ].join('\n'),
    );
  });

  test('quotes and backslashes in titles are escaped', () => {
    const page = edit(HV, '## SMB Advocate\n', '## SMB "Advocate" \\ Lead\n');
    const snapshot = snapshotOf([page]);
    const role = snapshot.roles.find((r) => r.title.startsWith('SMB "Advocate"'))!;
    expect(ladderToDot([role], [])).toContain(`[label="SMB \\"Advocate\\" \\\\ Lead (grade 6)"];`);
  });
});

describe('exports of summary boxes and ghosts', () => {
  const group = { id: 'family:sales/account-executive', kind: 'FAMILY' as const, key: 'sales/account-executive', title: 'Account Executive', department: 'sales', lowestGrade: 7, highestGrade: 8, roleCount: 2, familyCount: 1, changeCount: 0 };

  test('Mermaid: a group is one captioned node, a step to it carries its count, a removed role is captioned so', () => {
    const { nodes } = smallLadder();
    const advocate = nodes.find((r) => r.id === ADVOCATE)!;
    const named = nodes.find((r) => r.id === NAMED)!;
    const text = ladderToMermaid([advocate], [], { groups: [group], groupEdges: [{ from: ADVOCATE, to: group.id, kind: 'LADDER_LINK', count: 2 }], ghosts: [named] });
    expect(text.split('\n')).toEqual([
      'flowchart TD',
      '  gFamilySalesAccountExecutive["Account Executive (grades 7–8, 2 roles)"]',
      '  subgraph fSalesHighVelocitySalesAndFirstOrders["sales/high-velocity-sales-and-first-orders"]',
      '    nSalesHighVelocitySalesAndFirstOrdersSmbAdvocate["SMB Advocate (grade 6)"]',
      '  end',
      '  subgraph fSalesAccountExecutive["sales/account-executive"]',
      '    nSalesAccountExecutiveCommercialAccountExecutiveNamed["Commercial Account Executive - Named (grade 7), removed"]',
      '  end',
      '  nSalesHighVelocitySalesAndFirstOrdersSmbAdvocate -.->|2| gFamilySalesAccountExecutive',
      '',
    ]);
  });

  test('DOT: the same picture, the ghost dashed', () => {
    const { nodes } = smallLadder();
    const advocate = nodes.find((r) => r.id === ADVOCATE)!;
    const named = nodes.find((r) => r.id === NAMED)!;
    const text = ladderToDot([advocate], [], { groups: [{ ...group, kind: 'DEPARTMENT', id: 'department:sales', title: 'sales', familyCount: 3 }], groupEdges: [{ from: 'department:sales', to: ADVOCATE, kind: 'LEVEL_ORDER', count: 1 }], ghosts: [named] });
    expect(text).toContain('  "department:sales" [label="sales (3 families, 2 roles)"];\n');
    expect(text).toContain(`    "${NAMED}" [label="Commercial Account Executive - Named (grade 7), removed", style=dashed];\n`);
    expect(text).toContain(`  "department:sales" -> "${ADVOCATE}";\n`);
  });
});
