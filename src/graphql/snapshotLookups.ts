// Lookups over one immutable snapshot the index does not offer (edges by their start, children by
// family, roles by title),
// built once per snapshot on first use and dropped with it. Snapshots never change, so the memo
// can never go stale.
import { titleKey } from '../index/lint';
import type { LadderEdge, Role, Snapshot, SnapshotFamily } from '../index/types';

export interface SnapshotLookups {
  /** Ladder edges by the role they start from (next/previous role ids come from index/careerPaths). */
  outgoing: ReadonlyMap<string, readonly LadderEdge[]>;
  childrenOf: ReadonlyMap<string, readonly SnapshotFamily[]>;
  /** titleKey (case, punctuation, articles, word order ignored) → roles, in snapshot order. */
  rolesByTitle: ReadonlyMap<string, readonly Role[]>;
}

const memo = new WeakMap<Snapshot, SnapshotLookups>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function lookupsFor(snapshot: Snapshot): SnapshotLookups {
  const known = memo.get(snapshot);
  if (known) return known;
  const outgoing = new Map<string, LadderEdge[]>();
  for (const edge of snapshot.ladderEdges) push(outgoing, edge.from, edge);
  const childrenOf = new Map<string, SnapshotFamily[]>();
  for (const family of snapshot.families) {
    if (family.parentSlug) push(childrenOf, family.parentSlug, family);
  }
  const rolesByTitle = new Map<string, Role[]>();
  for (const role of snapshot.roles) push(rolesByTitle, titleKey(role.title), role);
  const lookups: SnapshotLookups = { outgoing, childrenOf, rolesByTitle };
  memo.set(snapshot, lookups);
  return lookups;
}

/**
 * The role a prose title names ("extends the SMB Advocate role", "reports to the SMB Regional
 * Manager" = "Regional Manager, SMB"), compared the way the lint rules compare titles: one in the
 * same family first, else the only one in the snapshot; ambiguous → null.
 */
export function roleByTitle(snapshot: Snapshot, title: string, familySlug: string): Role | null {
  const candidates = lookupsFor(snapshot).rolesByTitle.get(titleKey(title)) ?? [];
  const sameFamily = candidates.find((role) => role.familySlug === familySlug);
  if (sameFamily) return sameFamily;
  return candidates.length === 1 ? candidates[0] : null;
}
