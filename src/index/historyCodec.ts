// A TimelineHistory as plain data for the cache folder, and back, so a warm start skips
// buildHistory: at 20,000 commits that rebuild (field changes, item blame, the family comparison of
// every commit) was about half of a restart. Roles are named by the page version they were read
// from — (path, blob, index in its family's roles) — and come back as the very objects the page
// store hands out, so a restored history shares its roles with the snapshots as a built one does.
// Blame entries and blames a version kept from an older one are named by number, so they stay
// shared objects too. Field changes are not stored: a restored version computes them on first
// read from the same two roles and paths the build compared (familyVersions.versionChanges).
// Pure: the page lookup and the timeline come in as arguments; the file is store/historyStore.ts.
import type { CommitInfo } from '../git';
import type { JobFamily, Role } from '../parse';
import type { FamilyLookup, TimelineHistory } from './history';
import { itemKeys, type ItemBlame, type RoleBlame } from './itemBlame';
import type { VersionOrigins } from './roleChains';
import { roleVersion } from './roleVersion';
import type { ChangeKind, RenameEvent, RoleVersion } from './types';

/** Bump when the history's shape, or how the build makes chains, blame or changes, changes. */
export const HISTORY_FORMAT = 'rg-history-1';

const CHANGES: readonly ChangeKind[] = ['ADDED', 'MODIFIED', 'MOVED', 'REMOVED'];
const RENAME_KINDS: ReadonlyArray<RenameEvent['kind']> = ['role', 'family'];

/** An entry kept from an older version (its number), or a new one: since, last changed, and its key when not the role's own. */
type EncodedItem = number | [since: number, lastChanged: number] | [since: number, lastChanged: number, key: number];
/** A blame an older version holds (its number: a REMOVED version keeps the one before), or a new one. */
type EncodedBlame = number | [responsibilities: EncodedItem[], requirements: EncodedItem[]];
/** Strings are ids into `strings`; -1 = absent (no previous id; no role before, for ADDED and REMOVED). */
type EncodedVersion = [
  position: number,
  change: number,
  path: number,
  blob: number,
  roleIndex: number,
  previousId: number,
  beforePath: number,
  beforeBlob: number,
  beforeIndex: number,
  blame: EncodedBlame,
];

export interface EncodedHistory {
  format: string;
  /** The last commit covered and how many commits that is: a restart checks its timeline still has it there. */
  head: string;
  length: number;
  strings: string[];
  /** Every version once, each chain oldest first, so anything a version keeps is named before it. */
  versions: EncodedVersion[];
  /** Distinct chains (several ids may share one), as version numbers newest first. */
  chains: number[][];
  roleVersions: Array<[id: number, chain: number]>;
  positionsBySlug: Array<[slug: number, positions: number[]]>;
  positionsByPath: Array<[path: number, positions: number[]]>;
  contentPositions: number[];
  renames: Array<[position: number, kind: number, from: number, to: number]>;
  blobByPath: Array<[path: number, blob: number]>;
  pathsBySlug: Array<[slug: number, paths: number[]]>;
  slugByPath: Array<[path: number, slug: number]>;
  formerIds: Array<[id: number, former: number[]]>;
}

/**
 * Versions per part of the text: each part is stringified and written before the next is encoded.
 * ~45 KB a part at 20k commits, under V8's large-object size, so its strings die young (as the
 * value table's parts, store/valueTable.ts).
 */
const VERSIONS_PER_PART = 256;

/** The JSON text of an EncodedHistory, in parts (what the store writes), and what it covers. */
export interface HistoryText {
  /** The last commit covered, and how many commits that is. */
  head: string;
  length: number;
  /** Lazy: a part is encoded when the writer asks for it; may throw HistoryEncodeError. */
  parts: Iterable<string>;
}

/** A version could not be named by its page: nothing is stored (the file written so far is dropped). */
export class HistoryEncodeError extends Error {
  readonly code = 'HISTORY_ENCODE';
}

/** The text of a history already encoded (read back from the file, or written by hand in a test). */
export function historyText(encoded: EncodedHistory): HistoryText {
  return { head: encoded.head, length: encoded.length, parts: [JSON.stringify(encoded)] };
}

/**
 * The stored form of `history` as JSON text, encoded as it is written: the versions (the bulk:
 * 40,865 at 20,000 commits) go out `versionsPerPart` at a time, so their arrays, the text and its
 * bytes are never held whole. Encoding them whole at the end of a cold build, with the build's
 * garbage not yet collected, added ~35-45 MB to its peak RSS (bench/ANALYSIS.md, issue 15 target 6).
 * Parsed, the text is the EncodedHistory `decodeHistory` takes (its versions come first).
 */
export function encodeHistoryText(history: TimelineHistory, timeline: readonly CommitInfo[], lookup: FamilyLookup, versionsPerPart = VERSIONS_PER_PART): HistoryText {
  const covered = history.length > 0 && history.length <= timeline.length;
  return {
    head: covered ? timeline[history.length - 1].sha : '',
    length: history.length,
    parts: {
      [Symbol.iterator]: () => {
        if (!covered) throw new HistoryEncodeError('history and timeline disagree');
        return encoderErrors(encodeParts(history, timeline[history.length - 1].sha, lookup, Math.max(1, versionsPerPart)));
      },
    },
  };
}

/** Whatever the encoder throws is a HistoryEncodeError, so the store tells it from a failed write. */
function* encoderErrors(parts: Generator<string>): Generator<string> {
  try {
    yield* parts;
  } catch (err) {
    throw err instanceof HistoryEncodeError ? err : new HistoryEncodeError(err instanceof Error ? err.message : String(err));
  }
}

/** About this many characters per part of the lists after the versions (as the versions' parts, under V8's large-object size). */
const LIST_PART_CHARS = 32 * 1024;

/** The numbers a blame was written with: its own, and its entries', list by list. */
interface BlameNumbers {
  blame: number;
  responsibilities: number[];
  requirements: number[];
}

/** A version as encoded, with its blame's numbers: what the next version of its chain is numbered against. */
interface EncodedAt {
  version: RoleVersion;
  numbers: BlameNumbers;
}

/**
 * Numbers every version the way encodeParts writes them: each distinct chain in turn, oldest first,
 * a version shared with an earlier chain numbered there. Also names the versions a later chain
 * continues from (its first new version's predecessor): the only ones whose blame numbers the
 * encoder must keep past their own chain.
 */
function numberVersions(history: TimelineHistory): { versionIds: Map<RoleVersion, number>; continued: Set<RoleVersion> } {
  const versionIds = new Map<RoleVersion, number>();
  const continued = new Set<RoleVersion>();
  const seen = new Set<readonly RoleVersion[]>();
  for (const chain of history.roleVersions.values()) {
    if (seen.has(chain)) continue;
    seen.add(chain);
    const before = versionIds.size;
    for (let at = chain.length - 1; at >= 0; at--) {
      if (versionIds.has(chain[at])) continue;
      const predecessor = chain[at + 1];
      if (predecessor && versionIds.get(predecessor)! < before) continued.add(predecessor);
      versionIds.set(chain[at], versionIds.size);
    }
  }
  return { versionIds, continued };
}

function* encodeParts(history: TimelineHistory, head: string, lookup: FamilyLookup, versionsPerPart: number): Generator<string> {
  const strings = new StringIds();
  const s = (text: string): number => strings.id(text);
  const { versionIds, continued } = numberVersions(history);
  // A blame continues the one of the version before it in its chain (roleChains.ts): a kept blame
  // is that version's, and a kept entry one of its entries. So entries and blames are numbered
  // against that version's numbers alone, not through maps of every entry (~100,000 at 20k commits,
  // which took ~10 MB at a cold build's peak; bench/ANALYSIS.md, issue 15 target 6).
  const continuedNumbers = new Map<RoleVersion, BlameNumbers>();
  let blameCount = 0;
  let itemCount = 0;
  /** Versions encoded and not yet written. */
  let pending: EncodedVersion[] = [];

  const roleIndex = (role: Role, path: string, blob: string): number => {
    const index = lookup(path, blob)?.roles.indexOf(role) ?? -1;
    if (index < 0) throw new HistoryEncodeError(`role ${role.id} is not a role of its page ${path}@${blob}`);
    return index;
  };
  const items = (list: readonly ItemBlame[], keys: readonly string[], kept: readonly ItemBlame[], keptNumbers: readonly number[], numbers: number[]): EncodedItem[] =>
    list.map((item, at): EncodedItem => {
      const k = kept.indexOf(item);
      if (k >= 0) {
        numbers.push(keptNumbers[k]);
        return keptNumbers[k];
      }
      numbers.push(itemCount++);
      const times: [number, number] = [item.since.position, item.lastChanged.position];
      return item.key === keys[at] ? times : [...times, s(item.key)];
    });
  /** The version's blame as written, and its numbers; `before` is the chain's version before it, when encoded. */
  const blame = (version: RoleVersion, before: EncodedAt | undefined): [EncodedBlame, BlameNumbers] => {
    if (before && version.blame === before.version.blame) return [before.numbers.blame, before.numbers];
    const keptBlame = before?.version.blame;
    const numbers: BlameNumbers = { blame: blameCount++, responsibilities: [], requirements: [] };
    const encoded: EncodedBlame = [
      items(version.blame.responsibilities, itemKeys(version.role.responsibilityItems), keptBlame?.responsibilities ?? [], before?.numbers.responsibilities ?? [], numbers.responsibilities),
      items(version.blame.requirements, itemKeys(version.role.requirementItems), keptBlame?.requirements ?? [], before?.numbers.requirements ?? [], numbers.requirements),
    ];
    return [encoded, numbers];
  };
  const encodeVersion = (version: RoleVersion, before: EncodedAt | undefined): BlameNumbers => {
    const origin = history.origins.get(version);
    if (!origin) throw new HistoryEncodeError(`a version of ${version.role.id} has no origin`);
    const { before: was } = origin;
    const row: EncodedVersion = [
      version.commit.position,
      CHANGES.indexOf(version.change),
      s(version.path),
      s(origin.blob),
      roleIndex(version.role, version.path, origin.blob),
      version.previousId === undefined ? -1 : s(version.previousId),
      was ? s(was.path) : -1,
      was ? s(was.blob) : -1,
      was ? roleIndex(was.role, was.path, was.blob) : -1,
      0,
    ];
    // The blame last, as it is written: its entries' keys take their string ids after the row's.
    const [encodedBlame, numbers] = blame(version, before);
    row[9] = encodedBlame;
    pending.push(row);
    if (continued.has(version)) continuedNumbers.set(version, numbers);
    return numbers;
  };
  let written = 0;
  /** The pending versions as the next stretch of the `versions` list. */
  const flush = (): string => {
    const json = JSON.stringify(pending);
    const part = `${written > 0 ? ',' : ''}${json.slice(1, -1)}`;
    written += pending.length;
    pending = [];
    return part;
  };

  yield `{"format":${JSON.stringify(HISTORY_FORMAT)},"head":${JSON.stringify(head)},"length":${history.length},"versions":[`;
  const chainIds = new Map<readonly RoleVersion[], number>();
  const chains: number[][] = [];
  const roleVersions: Array<[number, number]> = [];
  for (const [id, chain] of history.roleVersions) {
    let chainId = chainIds.get(chain);
    if (chainId === undefined) {
      // Oldest first: the version a blame continues is numbered before it.
      let before: EncodedAt | undefined;
      for (let at = chain.length - 1; at >= 0; at--) {
        const version = chain[at];
        if (versionIds.get(version)! < written + pending.length) {
          before = undefined;
          continue;
        }
        const predecessor = chain[at + 1];
        if (predecessor && before?.version !== predecessor) {
          const numbers = continuedNumbers.get(predecessor);
          before = numbers ? { version: predecessor, numbers } : undefined;
        }
        before = { version, numbers: encodeVersion(version, before) };
      }
      chainId = chains.push(chain.map((v) => versionIds.get(v)!)) - 1;
      chainIds.set(chain, chainId);
    }
    roleVersions.push([s(id), chainId]);
    if (pending.length >= versionsPerPart) yield flush();
  }
  if (pending.length > 0) yield flush();
  continuedNumbers.clear();
  const { state } = history;
  // The rest in the order decodeHistory's EncodedHistory lists it, each list in parts as it is
  // stringified; the strings last, as every list before them names some.
  yield '],';
  yield* jsonList('"chains":', chains);
  yield* jsonList(',"roleVersions":', roleVersions);
  yield* jsonList(',"positionsBySlug":', mapRows(history.positionsBySlug, (slug, list) => [s(slug), list]));
  yield* jsonList(',"positionsByPath":', mapRows(history.positionsByPath, (path, list) => [s(path), list]));
  yield* jsonList(',"contentPositions":', history.contentPositions);
  yield* jsonList(',"renames":', history.renames.map((r) => [r.position, RENAME_KINDS.indexOf(r.kind), s(r.from), s(r.to)]));
  yield* jsonList(',"blobByPath":', mapRows(state.blobByPath, (path, blob) => [s(path), s(blob)]));
  yield* jsonList(',"pathsBySlug":', mapRows(state.pathsBySlug, (slug, paths) => [s(slug), [...paths].map(s)]));
  yield* jsonList(',"slugByPath":', mapRows(state.slugByPath, (path, slug) => [s(path), s(slug)]));
  yield* jsonList(',"formerIds":', mapRows(state.formerIds, (id, former) => [s(id), former.map(s)]));
  yield* jsonList(',"strings":', strings.list);
  yield '}';
}

/** A map's entries as rows, made as they are read (so the ids they take come in the map's order). */
function* mapRows<K, V>(map: ReadonlyMap<K, V>, row: (key: K, value: V) => unknown): Generator<unknown> {
  for (const [key, value] of map) yield row(key, value);
}

/** `prefix` and the JSON array of `items`, in parts of about LIST_PART_CHARS: the text JSON.stringify gives the whole list. */
function* jsonList(prefix: string, items: Iterable<unknown>): Generator<string> {
  let part = `${prefix}[`;
  let first = true;
  for (const item of items) {
    part += first ? JSON.stringify(item) : `,${JSON.stringify(item)}`;
    first = false;
    if (part.length >= LIST_PART_CHARS) {
      yield part;
      part = '';
    }
  }
  yield `${part}]`;
}

/**
 * The history `encoded` holds, over `timeline` (whose first `encoded.length` commits it covers)
 * and the pages `lookup` serves. Throws, saying why, when the timeline no longer holds its head
 * there, a page it names is not in the store, or the data is malformed: the caller rebuilds.
 */
export function decodeHistory(encoded: EncodedHistory, timeline: readonly CommitInfo[], lookup: FamilyLookup): TimelineHistory {
  if (encoded.format !== HISTORY_FORMAT) throw new Error(`format ${String(encoded.format)}, not ${HISTORY_FORMAT}`);
  const length = encoded.length;
  if (!Number.isSafeInteger(length) || length < 1 || length > timeline.length || timeline[length - 1].sha !== encoded.head) {
    throw new Error('the timeline does not hold the head the history was saved at');
  }
  const strings = encoded.strings;
  const str = (id: number): string => {
    const text = strings[id];
    if (typeof text !== 'string') throw new Error('bad string id');
    return text;
  };
  const position = (p: number): number => {
    if (!Number.isSafeInteger(p) || p < 0 || p >= length) throw new Error('bad position');
    return p;
  };
  const commitAt = (p: number): CommitInfo => timeline[position(p)];
  // Versions come a few per page version (every role a commit changed there): each page is looked up once.
  const pages = new Map<number, JobFamily | undefined>();
  const roleAt = (pathId: number, blobId: number, index: number): Role => {
    const key = pathId * strings.length + blobId;
    let family = pages.get(key);
    if (family === undefined && !pages.has(key)) {
      family = lookup(str(pathId), str(blobId));
      pages.set(key, family);
    }
    const role = family?.roles[index];
    if (!role) throw new Error(`page ${str(pathId)}@${str(blobId)} is not in the page store`);
    return role;
  };

  const items: ItemBlame[] = [];
  const blames: RoleBlame[] = [];
  const decodeItems = (list: readonly EncodedItem[], keys: readonly string[]): ItemBlame[] =>
    list.map((entry, at) => {
      if (typeof entry === 'number') return known(items, entry);
      const key = entry.length > 2 ? str(entry[2]!) : keys[at];
      if (key === undefined) throw new Error('blame entry without a key');
      const item: ItemBlame = { key, since: commitAt(entry[0]), lastChanged: commitAt(entry[1]) };
      items.push(item);
      return item;
    });
  const decodeBlame = (encodedBlame: EncodedBlame, role: Role): RoleBlame => {
    if (typeof encodedBlame === 'number') return known(blames, encodedBlame);
    const blame: RoleBlame = {
      responsibilities: decodeItems(encodedBlame[0], itemKeys(role.responsibilityItems)),
      requirements: decodeItems(encodedBlame[1], itemKeys(role.requirementItems)),
    };
    blames.push(blame);
    return blame;
  };

  const origins: VersionOrigins = new Map();
  const versions = encoded.versions.map(([at, change, pathId, blobId, index, previousId, beforePath, beforeBlob, beforeIndex, blame]) => {
    const path = str(pathId);
    const role = roleAt(pathId, blobId, index);
    const kind = CHANGES[change];
    if (kind === undefined) throw new Error('bad change kind');
    const commit = commitAt(at);
    const before = beforePath >= 0 ? { path: str(beforePath), blob: str(beforeBlob), role: roleAt(beforePath, beforeBlob, beforeIndex) } : undefined;
    const version = roleVersion(commit, kind, role, path, previousId >= 0 ? str(previousId) : undefined, decodeBlame(blame, role), before);
    origins.set(version, before ? { blob: str(blobId), before } : { blob: str(blobId) });
    return version;
  });
  const chains = encoded.chains.map((list) => list.map((n) => known(versions, n)));

  const positions = (list: readonly number[]): number[] => list.map(position);
  const map = <V>(rows: ReadonlyArray<[number, V]>, value: (v: V) => unknown) => new Map(rows.map(([key, v]) => [str(key), value(v)]));
  return {
    roleVersions: map(encoded.roleVersions, (c) => known(chains, c)) as Map<string, readonly RoleVersion[]>,
    positionsBySlug: map(encoded.positionsBySlug, positions) as Map<string, number[]>,
    positionsByPath: map(encoded.positionsByPath, positions) as Map<string, number[]>,
    contentPositions: positions(encoded.contentPositions),
    renames: encoded.renames.map(([at, kind, from, to]): RenameEvent => {
      const name = RENAME_KINDS[kind];
      if (name === undefined) throw new Error('bad rename kind');
      return { position: position(at), kind: name, from: str(from), to: str(to) };
    }),
    length,
    state: {
      blobByPath: map(encoded.blobByPath, str) as Map<string, string>,
      pathsBySlug: map(encoded.pathsBySlug, (paths) => new Set(paths.map(str))) as Map<string, Set<string>>,
      slugByPath: map(encoded.slugByPath, str) as Map<string, string>,
      formerIds: map(encoded.formerIds, (ids) => ids.map(str)) as Map<string, string[]>,
    },
    origins,
  };
}

/** The element numbered `n` of what was decoded before it; anything else is a damaged file. */
function known<T>(list: readonly T[], n: number): T {
  const value = Number.isSafeInteger(n) ? list[n] : undefined;
  if (value === undefined) throw new Error('a reference to nothing decoded before it');
  return value;
}

class StringIds {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.list.push(text) - 1;
      this.ids.set(text, id);
    }
    return id;
  }
}
