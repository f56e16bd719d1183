// The words the page shows about roles and the ladder. Pure.
import type { Ladder, LadderNode, LadderParams } from './types';

export function gradeText(grade: number | null): string {
  return grade === null ? 'no grade' : `grade ${grade}`;
}

/** "Title · grade N", the label inside a node's box. */
export function nodeLabel(node: LadderNode): string {
  return `${node.title} · ${gradeText(node.grade)}`;
}

/** The status line once a non-empty ladder is drawn; compare mode adds what changed. */
export function describe(params: LadderParams, ladder: Ladder): string {
  const at = params.to ? ` at ${params.to}` : params.at ? ` at ${params.at}` : ' at head';
  const groups = ladder.groups ?? [];
  let text: string;
  if (ladder.level === 'DEPARTMENTS') text = `${groups.length} departments${at}. Open one to see its families.`;
  else if (ladder.level === 'FAMILIES') text = `${groups.length} job families in ${params.department}${at}. Open one to see its roles.`;
  else {
    const scope = params.role ? `around ${params.role}` : params.family ? `in ${params.family}` : params.department ? `in ${params.department}` : 'in every department';
    const collapsed = groups.length ? `, ${groups.length} more families collapsed (open one to expand it)` : '';
    text = `${ladder.nodes.length} roles, ${ladder.edges.length} moves ${scope}${at}${collapsed}. Tap a role for details.`;
  }
  if (params.from && ladder.changeSummary != null) text += ` Since ${params.from}: ${ladder.changeSummary}.`;
  return text;
}
