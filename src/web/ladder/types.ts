// The shape of the `LadderPage` answer (schema/examples.graphql) as the page reads it, and the
// page's own state, which the address bar holds.

export interface LadderNode {
  /** Global id: the role at the ladder's commit. */
  id: string;
  /** Readable role key, `<family slug>#<slug of title>`. */
  key: string;
  title: string;
  grade: number | null;
  family: { slug: string; title: string };
}

export type LadderEdgeKind = 'LADDER_LINK' | 'LEVEL_ORDER';
export type LadderLevel = 'DEPARTMENTS' | 'FAMILIES' | 'ROLES';
export type ChangeKind = 'ADDED' | 'REMOVED' | 'MODIFIED' | 'MOVED';
export type ChangeAspect = 'ADDED' | 'REMOVED' | 'RETITLED' | 'MOVED' | 'REGRADED' | 'RELINKED';

export interface LadderEdge {
  from: { id: string };
  to: { id: string };
  kind: LadderEdgeKind;
}

export interface LadderGroup {
  /** `department:<name>` or `family:<slug>`. */
  id: string;
  kind: 'DEPARTMENT' | 'FAMILY';
  /** Department name or family slug. */
  key: string;
  title: string;
  department: string;
  lowestGrade: number | null;
  highestGrade: number | null;
  roleCount: number;
  familyCount: number;
  changeCount: number;
}

export interface LadderGroupEdge {
  /** A group id, or a role key. */
  from: string;
  to: string;
  kind: LadderEdgeKind;
  count: number;
}

export interface LadderChange {
  role: LadderNode;
  change: ChangeKind;
  aspects: ChangeAspect[];
  /** The group it is counted in; null when the role is drawn itself (or as a ghost). */
  group: string | null;
}

export interface Ladder {
  level?: LadderLevel;
  nodes: LadderNode[];
  edges: LadderEdge[];
  groups?: LadderGroup[];
  groupEdges?: LadderGroupEdge[];
  changes?: LadderChange[];
  changeSummary?: string | null;
  mermaid: string;
  dot: string;
}

/** The page's state, from the address bar; null (or empty) when absent or blank. */
export interface LadderParams {
  department: string | null;
  /** A family slug: that family's roles. */
  family?: string | null;
  role: string | null;
  at: string | null;
  /** Compare mode: the older ref; the ladder is drawn at `to` (else `at`, else head). */
  from?: string | null;
  to?: string | null;
  /** `roles`: a department's roles rather than its families. */
  view?: string | null;
  /** Families drawn role by role in a collapsed ladder. */
  expand?: string[];
}
