// A request's loaders over a real index of the sample handbook: made on first use (loaders.ts), they
// must batch and memoise exactly as loaders made up front did — one snapshot per commit per request,
// the head never rebuilt, one node object per (commit, id).
import { createLoaders } from '../../src/graphql/loaders';
import type { CommitInfo, IndexView, Snapshot } from '../../src/index';
import type { Indexer } from '../../src/index/types';
import { ADVOCATE, makeIndexer, makeSampleHandbook, TEAM_LEAD, type SampleHandbook } from './sampleHandbook';

let handbook: SampleHandbook;
let indexer: Indexer;

beforeAll(async () => {
  handbook = makeSampleHandbook();
  indexer = makeIndexer(handbook);
  await indexer.refresh();
});

afterAll(async () => {
  await indexer?.close();
  handbook?.repo.cleanup();
});

/** The current view, with the snapshots it is asked to build counted by commit. */
function countingView(): { view: IndexView; built: string[] } {
  const view = indexer.current()!;
  const built: string[] = [];
  const counted: IndexView = Object.create(view) as IndexView;
  counted.snapshotAt = (commit: CommitInfo): Promise<Snapshot> => {
    built.push(commit.sha);
    return view.snapshotAt(commit);
  };
  return { view: counted, built };
}

describe('request loaders', () => {
  it('answers the head from the view without building it, and knows it as loaded from the start', async () => {
    const { view, built } = countingView();
    const loaders = createLoaders(view);
    expect(loaders.loadedSnapshot(view.head.commit)).toBe(view.head);
    expect(await loaders.snapshotByCommit.load(view.head.commit)).toBe(view.head);
    const role = await loaders.role.load({ at: view.head.commit, id: TEAM_LEAD });
    expect(role?.title).toBe('SMB Advocate Team Lead');
    expect(built).toEqual([]);
  });

  it('builds an older snapshot once for all the loads of one tick, and remembers it for the request', async () => {
    const { view, built } = countingView();
    const loaders = createLoaders(view);
    const first = await view.resolveRef(handbook.shas[0]!);
    expect(loaders.loadedSnapshot(first)).toBeUndefined();
    const [teamLead, advocate, family] = await Promise.all([
      loaders.role.load({ at: first, id: TEAM_LEAD }),
      loaders.role.load({ at: first, id: ADVOCATE }),
      loaders.family.load({ at: first, slug: 'sales/high-velocity-sales-and-first-orders' }),
    ]);
    expect(teamLead?.grade).toBe(5);
    expect(advocate).not.toBeNull();
    expect(family?.slug).toBe('sales/high-velocity-sales-and-first-orders');
    expect(built).toEqual([first.sha]);
    expect(loaders.loadedSnapshot(first)?.commit.sha).toBe(first.sha);
    // Later ticks of the same request: the same snapshot, the same node objects, nothing rebuilt.
    expect(await loaders.snapshotByRef(handbook.shas[0]!)).toBe(loaders.loadedSnapshot(first));
    expect(await loaders.role.load({ at: first, id: TEAM_LEAD })).toBe(teamLead);
    expect(built).toEqual([first.sha]);
  });

  it('keeps nothing between requests: each has loaders of its own', async () => {
    const { view, built } = countingView();
    const first = await view.resolveRef(handbook.shas[0]!);
    const a = await createLoaders(view).role.load({ at: first, id: TEAM_LEAD });
    const b = await createLoaders(view).role.load({ at: first, id: TEAM_LEAD });
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    expect(built).toEqual([first.sha, first.sha]);
  });
});
