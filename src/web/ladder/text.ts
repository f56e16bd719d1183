// The words the page shows about roles and the ladder. Pure.
import type { Ladder, LadderNode, LadderParams } from './types';

export function gradeText(grade: number | null): string {
  return grade === null ? 'no grade' : `grade ${grade}`;
}

/** "Title · grade N", the label inside a node's box. */
export function nodeLabel(node: LadderNode): string {
  return `${node.title} · ${gradeText(node.grade)}`;
}

/** The status line once a non-empty ladder is drawn. */
export function describe(params: LadderParams, ladder: Ladder): string {
  const scope = params.role ? `around ${params.role}` : params.department ? `in ${params.department}` : 'in every department';
  const at = params.at ? ` at ${params.at}` : ' at head';
  return `${ladder.nodes.length} roles, ${ladder.edges.length} moves ${scope}${at}. Tap a role for details.`;
}
