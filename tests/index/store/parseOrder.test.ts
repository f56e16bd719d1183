// The order a build reads and parses page versions: by path within windows of the history.
import { BlobCache } from '../../../src/index/store/blobCache';
import { parseOrder, PARSE_WINDOW_PAGES, sliceAtPaths } from '../../../src/index/store/parseOrder';
import { seed } from '../../helpers/makeRepo';

const v = (path: string, n: number) => ({ path, blob: `${path}@${n}` });
const blobs = (pages: ReadonlyArray<{ blob: string }>) => pages.map((p) => p.blob);

describe('parseOrder', () => {
  const history = [v('b', 1), v('a', 1), v('c', 1), v('a', 2), v('b', 2), v('a', 3), v('c', 2)];

  it('groups a path’s versions in one window, keeping their order in the history', () => {
    expect(blobs(parseOrder(history, 100))).toEqual(['a@1', 'a@2', 'a@3', 'b@1', 'b@2', 'c@1', 'c@2']);
  });

  it('sorts each window by path and keeps the windows in the history’s order', () => {
    expect(blobs(parseOrder(history, 3))).toEqual(['a@1', 'b@1', 'c@1', 'a@2', 'a@3', 'b@2', 'c@2']);
    expect(blobs(parseOrder(history, 1))).toEqual(blobs(history));
  });

  it('loses and repeats nothing, and leaves its input alone', () => {
    const input = Array.from({ length: 2 * PARSE_WINDOW_PAGES + 7 }, (_, i) => v(`p${i % 13}`, i));
    const before = blobs(input);
    const out = parseOrder(input);
    expect(blobs(input)).toEqual(before);
    expect([...blobs(out)].sort()).toEqual([...before].sort());
    // The last window holds the history's last pages, sorted by path.
    const tail = input.slice(2 * PARSE_WINDOW_PAGES).map((p) => p.path);
    expect(out.slice(2 * PARSE_WINDOW_PAGES).map((p) => p.path)).toEqual([...tail].sort());
  });

  it('refuses a window without pages', () => {
    expect(() => parseOrder(history, 0)).toThrow(RangeError);
  });
});

describe('sliceAtPaths', () => {
  const run = (path: string, n: number) => Array.from({ length: n }, (_, i) => v(path, i));
  const sizes = (slices: unknown[][]) => slices.map((s) => s.length);

  it('ends a slice before the run of versions that would cross its end', () => {
    const pages = [...run('a', 4), ...run('b', 5), ...run('c', 3)];
    expect(sizes(sliceAtPaths(pages, 6))).toEqual([4, 5, 3]);
    expect(sliceAtPaths(pages, 6).map((s) => new Set(s.map((p) => p.path)).size)).toEqual([1, 1, 1]);
    expect(sizes(sliceAtPaths(pages, 10))).toEqual([9, 3]);
  });

  it('cuts a run longer than a slice, and never makes a slice under half its size for a run', () => {
    expect(sizes(sliceAtPaths(run('a', 25), 10))).toEqual([10, 10, 5]);
    // Backing up to the start of `b` would leave 2 of 10: cut inside `b` instead.
    expect(sizes(sliceAtPaths([...run('a', 2), ...run('b', 12)], 10))).toEqual([10, 4]);
  });

  it('keeps every page once, in order', () => {
    const pages = Array.from({ length: 1000 }, (_, i) => v(`p${Math.floor(i / (1 + (i % 7)))}`, i));
    const slices = sliceAtPaths(pages, 100);
    expect(slices.flat()).toEqual(pages);
    for (const s of slices) expect(s.length).toBeGreaterThanOrEqual(1);
    for (const s of slices) expect(s.length).toBeLessThanOrEqual(100);
    expect(() => sliceAtPaths(pages, 0)).toThrow(RangeError);
  });
});

it('a build asks git for the blobs in that order', async () => {
  const text = Buffer.from(seed('high-velocity-sales-and-first-orders.md'), 'utf8');
  const asked: string[] = [];
  const read = async (ids: string[]): Promise<Map<string, Buffer | null>> => {
    asked.push(...ids);
    return new Map(ids.map((id) => [id, text] as const));
  };
  const page = (name: string, n: number) => ({ path: `content/job-families/sales/${name}.md`, blob: `${name}${n}`.padEnd(40, '0') });
  const history = [page('b', 1), page('a', 1), page('b', 2), page('a', 2)];
  const cache = new BlobCache({ dir: null, contentDir: 'content/job-families', pool: false, parseWindowPages: 2 });
  await cache.ensure(history, read);
  expect(asked).toEqual(['a1', 'b1', 'a2', 'b2'].map((b) => b.padEnd(40, '0')));
  expect(cache.stats()).toMatchObject({ parsed: 4 });
  await cache.close();
});
