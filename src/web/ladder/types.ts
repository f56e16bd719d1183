// The shape of the `LadderPage` answer (schema/examples.graphql) as the page reads it.

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

export interface LadderEdge {
  from: { id: string };
  to: { id: string };
  kind: LadderEdgeKind;
}

export interface Ladder {
  nodes: LadderNode[];
  edges: LadderEdge[];
  mermaid: string;
  dot: string;
}

/** department / role / at from the address bar; null when absent or blank. */
export interface LadderParams {
  department: string | null;
  role: string | null;
  at: string | null;
}
