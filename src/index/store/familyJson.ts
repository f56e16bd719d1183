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
import type { JobFamily } from '../../parse';

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

export function familyJson(family: JobFamily): FamilyJson {
  const text = JSON.stringify({ ...family, roles: [] }); // spread keeps `roles` where it was
  const at = text.indexOf(EMPTY_ROLES);
  if (at < 0) throw new Error('familyJson: a family without its roles key');
  const cut = at + EMPTY_ROLES.length - 1;
  const roles = family.roles.map((role) => JSON.stringify(role));
  return { head: text.slice(0, cut), roles, roleKeys: roles.map(roleKey), tail: text.slice(cut) };
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
