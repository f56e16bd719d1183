// A parsed family as JSON text cut at its roles: what the parser hands the interner (parsePool.ts,
// blobCache.ts). Joined, the pieces are exactly JSON.stringify(family), the pack record. Apart, each
// role's text lets the interner take a role it has seen verbatim in one lookup (HashCons.shareListed)
// instead of parsing and re-keying it: a commit edits one or two roles of a page, so most roles of
// the next version are the same text.
//
// Each role also carries a digest of its text, computed where the text is made (the parse worker,
// which has idle time): the interner's memo is keyed by it, so the main thread never hashes a long
// role text itself (a Map keyed by the text cost the cold 20k build ~1.8 s of main-thread time in
// V8's string hashing; bench/ANALYSIS.md, wt/intern).
import { hash } from 'node:crypto';
import type { JobFamily, Role } from '../../parse';

export interface FamilyJson {
  /** The family's JSON up to and including `"roles":[`. */
  head: string;
  /** Each role's JSON, in order. */
  roles: string[];
  /** `roleKey` of each of `roles`, in the same order. */
  roleKeys: string[];
  /** The rest, from the `]` that closes the roles. */
  tail: string;
}

/**
 * The roles key with an empty list. JSON escapes every `"` inside a string, so this text cannot
 * occur inside a value; `roles` is the only key spelt so before `frontMatter`, the one object with
 * keys the page chooses, which comes after it.
 */
const EMPTY_ROLES = '"roles":[]';

/** One family's JSON, cut at its roles: a writer with nothing to remember makes every piece. */
export function familyJson(family: JobFamily): FamilyJson {
  return createFamilyJsonWriter()(family);
}

/** The family's JSON without its roles, cut where they go. `shell.roles` is empty. */
function shellJson(shell: JobFamily): { head: string; tail: string } {
  const text = JSON.stringify(shell); // the spread that made `shell` kept `roles` where it was
  const at = text.indexOf(EMPTY_ROLES);
  if (at < 0) throw new Error('familyJson: a family without its roles key');
  const cut = at + EMPTY_ROLES.length - 1;
  return { head: text.slice(0, cut), tail: text.slice(cut) };
}

/**
 * `familyJson` with a memory of the last family it wrote: a role equal to the role of the same id in
 * the previous version of the same page takes that version's text and key instead of making them
 * again, and so does the rest of the family. A cold build parses a page's versions one after
 * another (parseOrder.ts) and a commit edits one or two roles of a page, so most roles are equal to
 * the last version's; stringifying and hashing them again was 15% of a parse worker's time (20k
 * profile). Comparing is walking the values, which makes no strings (`sameJson`).
 * The output is exactly `familyJson`'s.
 */
export function createFamilyJsonWriter(): (family: JobFamily) => FamilyJson {
  let last: { path: string; shell: JobFamily; head: string; tail: string; roles: Map<string, RoleJson> } | null = null;
  return (family) => {
    const previous = last?.path === family.path ? last : null;
    const shell: JobFamily = { ...family, roles: [] };
    const { head, tail } = previous !== null && sameJson(shell, previous.shell) ? previous : shellJson(shell);
    const roles: string[] = [];
    const roleKeys: string[] = [];
    const written = new Map<string, RoleJson>();
    for (const role of family.roles) {
      const before = previous?.roles.get(role.id);
      const entry = before !== undefined && sameJson(role, before.role) ? { role, text: before.text, key: before.key } : textOf(role);
      roles.push(entry.text);
      roleKeys.push(entry.key);
      written.set(role.id, entry);
    }
    last = { path: family.path, shell, head, tail, roles: written };
    return { head, roles, roleKeys, tail };
  };
}

interface RoleJson {
  role: Role;
  text: string;
  key: string;
}

function textOf(role: Role): RoleJson {
  const text = JSON.stringify(role);
  return { role, text, key: roleKey(text) };
}

/**
 * Whether `a` and `b` have the same JSON text, told without making it: the same value, or the same
 * primitives, arrays of the same length, and plain objects with the same keys in the same order.
 * Two distinct objects of any other kind (a Date, a class) count as different, so a true answer is
 * always right.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== other[i] || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !('toJSON' in value);
}

/**
 * A role text's memo key: SHA-256 of the whole text. Two different texts with one key would be
 * served as one role, so the key must be collision-resistant, not merely well spread (a length or a
 * fast non-cryptographic hash could be matched by a page's author); with SHA extensions it costs
 * about as much as SHA-1 (~4 µs for a 2.5 kB role).
 */
export function roleKey(text: string): string {
  return hash('sha256', text, 'base64');
}

/** The family's JSON text: JSON.stringify(family) of the family the pieces were cut from. */
export function familyText(json: FamilyJson): string {
  return familyTextParts(json).join('');
}

/** `familyText` as the pieces it is made of, never joined (for writing them one after another). */
export function familyTextParts(json: FamilyJson): string[] {
  const parts = [json.head];
  // The comma apart: prepended, it would make each role a new string to flatten.
  json.roles.forEach((role, i) => (i === 0 ? parts.push(role) : parts.push(',', role)));
  parts.push(json.tail);
  return parts;
}

/** The family without its roles, parsed: `shareListed`'s input. */
export function familyShell(json: FamilyJson): Record<string, unknown> {
  return JSON.parse(json.head + json.tail) as Record<string, unknown>;
}
