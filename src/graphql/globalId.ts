// Global object ids (Relay `Node`). A versioned object's id names it AT ITS COMMIT, so a normalised
// client cache (Apollo's InMemoryCache, Relay's store) never merges two states of one role:
//   base64url(`Role:<role key>@<sha>`)            the role in the snapshot at <sha>
//   base64url(`JobFamily:<slug>@<sha>`)           the page in the snapshot at <sha>
//   base64url(`RoleVersion:<role key>@<sha>`)     the version of the role that <sha> made
//   base64url(`RoleChange:<role key>@<from>..<to>`) the role's change in diff(from, to)
//   base64url(`Commit:<sha>`)
// The sha is always the full one, so two requests for the same state get the same id, and the id
// is opaque to clients: they keep it, compare it and hand it back to `node(id:)`.
import { BadUserInputError } from '../index';

export type GlobalRef =
  | { type: 'Role'; key: string; sha: string }
  | { type: 'JobFamily'; slug: string; sha: string }
  | { type: 'RoleVersion'; key: string; sha: string }
  | { type: 'RoleChange'; key: string; from: string; to: string }
  | { type: 'Commit'; sha: string };

export type NodeTypeName = GlobalRef['type'];

/** A full object id: 40 hex digits (SHA-1) or 64 (SHA-256 repositories), as git prints it. */
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** What base64url without padding may contain; Buffer's decoder would skip anything else silently. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** `<type>:<rest>`: the type is a bare word, the rest anything. */
const TYPED = /^([A-Za-z]+):(.+)$/s;
/** Longest id accepted: a long key and two sha-256 ids fit several times over. */
const MAX_ID_LENGTH = 2048;

function encode(plain: string): string {
  return Buffer.from(plain, 'utf8').toString('base64url');
}

/** Ids of one type remembered before the memo starts over: ~3 MB at most of ~100-character ids. */
export const REMEMBERED_IDS_PER_TYPE = 16_384;

/**
 * The ids of one type already encoded, by commit and then by name. Buffer's base64url costs
 * ~0.4–0.7 µs an id (two crossings into C++), and a 50-role page encoded 50 per request, ~19% of its
 * compiled execution (bench/ANALYSIS.md, issue 15); the same page or history asked again looks them
 * up by the same two strings, whose hashes V8 keeps, for ~40 ns. Bounded: it starts over when full.
 */
class EncodedIds {
  private readonly byCommit = new Map<string, Map<string, string>>();
  private size = 0;

  constructor(private readonly type: 'Role' | 'JobFamily' | 'RoleVersion') {}

  get(name: string, sha: string): string {
    let byName = this.byCommit.get(sha);
    let id = byName?.get(name);
    if (id !== undefined) return id;
    id = encode(`${this.type}:${name}@${sha}`);
    if (this.size >= REMEMBERED_IDS_PER_TYPE) {
      this.byCommit.clear();
      this.size = 0;
      byName = undefined;
    }
    if (byName === undefined) {
      byName = new Map();
      this.byCommit.set(sha, byName);
    }
    byName.set(name, id);
    this.size += 1;
    return id;
  }
}

const roleIds = new EncodedIds('Role');
const familyIds = new EncodedIds('JobFamily');
const roleVersionIds = new EncodedIds('RoleVersion');

export function roleGlobalId(key: string, sha: string): string {
  return roleIds.get(key, sha);
}

export function familyGlobalId(slug: string, sha: string): string {
  return familyIds.get(slug, sha);
}

export function roleVersionGlobalId(key: string, sha: string): string {
  return roleVersionIds.get(key, sha);
}

export function roleChangeGlobalId(key: string, from: string, to: string): string {
  return encode(`RoleChange:${key}@${from}..${to}`);
}

export function commitGlobalId(sha: string): string {
  return encode(`Commit:${sha}`);
}

/** The global id's parts, or null when it is not one this server makes (never throws). */
export function parseGlobalId(id: string): GlobalRef | null {
  if (typeof id !== 'string' || id.length > MAX_ID_LENGTH || !BASE64URL.test(id)) return null;
  const plain = Buffer.from(id, 'base64url').toString('utf8');
  // Round trip: refuses ids with stray bits, so each object has exactly one spelling.
  if (encode(plain) !== id) return null;
  const typed = TYPED.exec(plain);
  if (!typed) return null;
  const [, type, rest] = typed;
  if (type === 'Commit') return FULL_SHA.test(rest) ? { type, sha: rest } : null;
  // Keys and slugs come from paths and may hold `@`; the commit part never does.
  const at = rest.lastIndexOf('@');
  if (at <= 0) return null;
  const name = rest.slice(0, at);
  const commit = rest.slice(at + 1);
  switch (type) {
    case 'Role':
    case 'RoleVersion':
      return FULL_SHA.test(commit) ? { type, key: name, sha: commit } : null;
    case 'JobFamily':
      return FULL_SHA.test(commit) ? { type, slug: name, sha: commit } : null;
    case 'RoleChange': {
      const [from, to, ...extra] = commit.split('..');
      return extra.length === 0 && FULL_SHA.test(from) && FULL_SHA.test(to ?? '') ? { type, key: name, from, to } : null;
    }
    default:
      return null;
  }
}

/** Like parseGlobalId, for `node(id:)`: an id this server did not make is the client's mistake. */
export function decodeGlobalId(id: string): GlobalRef {
  const ref = parseGlobalId(id);
  if (!ref) throw new BadUserInputError(`Not a rolegraph object id: ${JSON.stringify(String(id).slice(0, 40))}`);
  return ref;
}

/**
 * The readable role key an `id`/`from`/`to`/`role` argument names: a key as is
 * (`sales/x#team-lead`), or the key inside a global Role id (its commit is not used: `at` says
 * where to read; `node(id:)` reads the role at the id's own commit).
 */
export function roleKeyOf(arg: string): string {
  const ref = parseGlobalId(arg);
  return ref?.type === 'Role' ? ref.key : arg;
}
