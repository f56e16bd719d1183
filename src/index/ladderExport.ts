// Text exports of a ladder graph (the nodes and edges `ladder(...)` returns) for docs and chat:
// Mermaid for handbook pages and GitLab/GitHub markdown, DOT for Graphviz. Pure string building.
// They draw what the page draws: summary boxes (departments, collapsed families) and, in compare
// mode, removed roles as ghosts, besides the roles and their steps.
import type { LadderGroup, LadderGroupEdge } from './ladderPicture';
import type { LadderEdge, Role } from './types';

/** What an export draws besides roles: summary boxes, the steps touching them, removed roles. */
export interface ExportExtras {
  groups?: readonly LadderGroup[];
  groupEdges?: readonly LadderGroupEdge[];
  /** Roles removed since the compared ref: drawn in their family, captioned as removed. */
  ghosts?: readonly Role[];
}

/** "Sales Engineering (grades 5–9, 12 roles)", "sales (62 families, 250 roles)". */
export function groupCaption(group: LadderGroup): string {
  const roles = `${group.roleCount} role${group.roleCount === 1 ? '' : 's'}`;
  if (group.kind === 'DEPARTMENT') return `${group.title} (${group.familyCount} famil${group.familyCount === 1 ? 'y' : 'ies'}, ${roles})`;
  const grades = group.lowestGrade === null ? 'no grade' : group.lowestGrade === group.highestGrade ? `grade ${group.lowestGrade}` : `grades ${group.lowestGrade}–${group.highestGrade}`;
  return `${group.title} (${grades}, ${roles})`;
}

/** Runs of anything a Mermaid node id cannot hold; ids are kept alphanumeric. */
const NON_ALNUM = /[^A-Za-z0-9]+/;

/** "SMB Advocate (grade 6)"; a role without a grade shows its title only. */
function caption(role: Role): string {
  return role.grade === null ? role.title : `${role.title} (grade ${role.grade})`;
}

/** Nodes grouped by family, families in order of first appearance, nodes in the given order. */
function byFamily(nodes: readonly Role[]): Map<string, Role[]> {
  const groups = new Map<string, Role[]>();
  for (const role of nodes) {
    const group = groups.get(role.familySlug);
    if (group) group.push(role);
    else groups.set(role.familySlug, [role]);
  }
  return groups;
}

/** Edges whose two ends are among the nodes, each pair once: an edge to a role not drawn cannot be labelled. */
function drawnEdges(known: ReadonlySet<string>, edges: readonly LadderEdge[]): LadderEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}\0${e.to}`;
    if (!known.has(e.from) || !known.has(e.to) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `sales/high-velocity-sales-and-first-orders#smb-advocate` → `nSalesHighVelocitySalesAndFirstOrdersSmbAdvocate`.
 * The `n` prefix keeps ids off Mermaid's keywords (`end`) and its edge shorthands (`o`, `x` right after `--`).
 * Distinct ids that sanitise alike get a numeric suffix.
 */
function mermaidIds(keys: readonly string[], prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    if (out.has(key)) continue;
    const base = prefix + key.split(NON_ALNUM).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}${n}`;
    used.add(id);
    out.set(key, id);
  }
  return out;
}

/** Inside a quoted Mermaid label `"` ends the string and `<`/`>` are HTML; Mermaid's `#name;` entities stand in. */
function mermaidText(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/**
 * A Mermaid flowchart, top to bottom: one subgraph per family, level order as solid arrows, career
 * ladder links between families as dotted arrows.
 */
export function ladderToMermaid(nodes: readonly Role[], edges: readonly LadderEdge[], extras: ExportExtras = {}): string {
  const ghosts = new Set(extras.ghosts ?? []);
  const all = [...nodes, ...ghosts];
  const groups = byFamily(all);
  const nodeIds = mermaidIds(all.map((r) => r.id), 'n');
  const familyIds = mermaidIds([...groups.keys()], 'f');
  const boxIds = mermaidIds((extras.groups ?? []).map((g) => g.id), 'g');
  const lines = ['flowchart TD'];
  for (const group of extras.groups ?? []) lines.push(`  ${boxIds.get(group.id)}["${mermaidText(groupCaption(group))}"]`);
  for (const [slug, roles] of groups) {
    lines.push(`  subgraph ${familyIds.get(slug)}["${mermaidText(slug)}"]`);
    for (const role of roles) lines.push(`    ${nodeIds.get(role.id)}["${mermaidText(ghosts.has(role) ? `${caption(role)}, removed` : caption(role))}"]`);
    lines.push('  end');
  }
  for (const e of drawnEdges(new Set(nodes.map((r) => r.id)), edges)) {
    const arrow = e.kind === 'LADDER_LINK' ? '-.->' : '-->';
    lines.push(`  ${nodeIds.get(e.from)} ${arrow} ${nodeIds.get(e.to)}`);
  }
  const boxId = (id: string): string => boxIds.get(id) ?? nodeIds.get(id)!;
  for (const e of extras.groupEdges ?? []) {
    const arrow = e.kind === 'LADDER_LINK' ? '-.->' : '-->';
    lines.push(`  ${boxId(e.from)} ${arrow}${e.count > 1 ? `|${e.count}|` : ''} ${boxId(e.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A DOT double-quoted string: any text, with `\` and `"` escaped and line breaks as `\n`. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/**
 * A Graphviz digraph: role ids as (quoted) node ids, one cluster per family, level order solid,
 * career ladder links dashed.
 */
export function ladderToDot(nodes: readonly Role[], edges: readonly LadderEdge[], extras: ExportExtras = {}): string {
  const ghosts = new Set(extras.ghosts ?? []);
  const groups = byFamily([...nodes, ...ghosts]);
  const lines = ['digraph ladder {', '  rankdir=TB;', '  node [shape=box];'];
  for (const group of extras.groups ?? []) lines.push(`  ${dotString(group.id)} [label=${dotString(groupCaption(group))}];`);
  let cluster = 0;
  for (const [slug, roles] of groups) {
    lines.push(`  subgraph cluster_${cluster++} {`, `    label=${dotString(slug)};`);
    for (const role of roles) {
      const style = ghosts.has(role) ? ', style=dashed' : '';
      lines.push(`    ${dotString(role.id)} [label=${dotString(ghosts.has(role) ? `${caption(role)}, removed` : caption(role))}${style}];`);
    }
    lines.push('  }');
  }
  for (const e of drawnEdges(new Set(nodes.map((r) => r.id)), edges)) {
    const style = e.kind === 'LADDER_LINK' ? ' [style=dashed]' : '';
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)}${style};`);
  }
  for (const e of extras.groupEdges ?? []) {
    const attrs = [...(e.kind === 'LADDER_LINK' ? ['style=dashed'] : []), ...(e.count > 1 ? [`label=${dotString(String(e.count))}`] : [])];
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
