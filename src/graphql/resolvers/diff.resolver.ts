import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { familyNode, roleNode, type FamilyNode, type RoleNode } from '../nodes';
import { DiffArgs } from '../args/diff.args';
import { SnapshotDiff } from '../types/snapshotDiff.type';
import { diff } from '../../index/diff';
import type { CommitInfo, FamilyChange, IndexView, RoleChange, Snapshot } from '../../index/types';

interface RoleChangeData extends Omit<RoleChange, 'before' | 'after'> {
  before: RoleNode | null;
  after: RoleNode | null;
}

interface FamilyChangeData extends FamilyChange {
  before: FamilyNode | null;
  after: FamilyNode | null;
}

interface SnapshotDiffData {
  from: CommitInfo;
  to: CommitInfo;
  families: FamilyChangeData[];
  roles: RoleChangeData[];
}

/**
 * At most this many diffs resolve their snapshots and build their nodes at once; the rest queue.
 * Ten concurrent uncached first-to-last diffs at 20k commits once grew the server from 1.1 GB to
 * 2.66 GB: an off-timeline snapshot and thousands of role changes with their nodes per request.
 */
export const DIFF_CONCURRENCY = 2;
/** Built answers kept per view for identical (from, to) pairs, so repeats share one set of nodes. */
const BUILT_PER_VIEW = 4;

let running = 0;
const waiting: Array<() => void> = [];

async function gated<T>(work: () => Promise<T>): Promise<T> {
  if (running >= DIFF_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

// Keyed by the pinned view: a snapshot is a pure function of its commit within one view, and a
// replaced view (after a refresh) lets its built answers go with it.
const builtByView = new WeakMap<IndexView, Map<string, SnapshotDiffData>>();

function build(view: IndexView, from: Snapshot, to: Snapshot): SnapshotDiffData {
  // The view remembers recent diffs per commit pair (a first-to-last diff is costly and repeats).
  const result = view.diff ? view.diff(from, to) : diff(from, to);
  // Each side links into its own snapshot, so `before { family { title } }` reads the old family.
  return {
    from: result.from,
    to: result.to,
    roles: result.roles.map((change) => ({
      ...change,
      before: change.before && roleNode(change.before, from.commit),
      after: change.after && roleNode(change.after, to.commit),
    })),
    families: result.families.map((change) => {
      const before = from.familyBySlug.get(change.slug);
      const after = to.familyBySlug.get(change.slug);
      return {
        ...change,
        before: before ? familyNode(before, from.commit) : null,
        after: after ? familyNode(after, to.commit) : null,
      };
    }),
  };
}

function builtFor(view: IndexView, from: Snapshot, to: Snapshot): SnapshotDiffData {
  let built = builtByView.get(view);
  if (!built) builtByView.set(view, (built = new Map()));
  const key = `${from.commit.sha}..${to.commit.sha}`;
  let data = built.get(key);
  if (!data) {
    data = build(view, from, to);
    if (built.size >= BUILT_PER_VIEW) built.delete(built.keys().next().value as string);
  } else {
    built.delete(key); // re-inserted below as the most recent
  }
  built.set(key, data);
  return data;
}

@Resolver(() => SnapshotDiff)
export class DiffResolver {
  @Query(() => SnapshotDiff, { description: 'What changed between two refs: families and roles, field by field.' })
  async diff(@Args(() => DiffArgs) args: DiffArgs, @Ctx() ctx: RolegraphContext): Promise<SnapshotDiffData> {
    const { view, loaders } = pinned(ctx);
    return gated(async () => {
      const [from, to] = await Promise.all([loaders.snapshotByRef(args.from), loaders.snapshotByRef(args.to)]);
      return builtFor(view, from, to);
    });
  }
}
