// Role version chains over a previous generation's, copy on write: what history.ts appends each
// commit's role versions to. A retitle (a version with `previousId`) moves the chain to the new id;
// each version gets the blame of its bullets, continued from the chain's version before it.
import { blameRole } from './itemBlame';
import type { Role } from '../parse';
import { roleVersion } from './roleVersion';
import type { RoleVersion } from './types';

/** A version as one commit's comparison produces it; the chain adds the blame, and its changes are worked out when read (roleVersion.ts). */
export type RoleVersionDraft = Omit<RoleVersion, 'blame' | 'changes'> & { origin: VersionOrigin };

/**
 * Which page versions a role version was read from: what persisting a history names instead of
 * the role objects (historyCodec.ts), and what its changes are computed from again after a restart.
 */
export interface VersionOrigin {
  /** Blob of the version's page (`version.path`); `version.role` is one of its family's roles. */
  blob: string;
  /** The role before the commit and its page (absent for ADDED and REMOVED, whose changes are empty). */
  before?: { path: string; blob: string; role: Role };
}

/**
 * Version → origin, shared by the generations of one build: versions are only added, and every
 * version stays in the newest generation's chains, so a WeakMap would free nothing early while
 * every collection traces its 40,000 entries (at 20k commits) as ephemerons.
 */
export type VersionOrigins = Map<RoleVersion, VersionOrigin>;

/**
 * Role chains over a previous generation's, copy on write. A chain is keyed by its current id; a
 * retitle moves the chain to the new id, and at the end every former id is pointed at the same
 * (new) array, unless that id has since been taken by another role.
 */
export class ChainBuilder {
  /** This extension's versions per chain, oldest first. */
  private readonly added = new Map<string, RoleVersion[]>();
  /** Chain → the id whose previous-generation list is its tail (null: a fresh chain). Absent: itself. */
  private readonly baseOf = new Map<string, string | null>();
  private readonly formerIds: Map<string, readonly string[]>;

  constructor(
    private readonly previous: ReadonlyMap<string, readonly RoleVersion[]>,
    formerIds: ReadonlyMap<string, readonly string[]>,
    private readonly origins: VersionOrigins,
  ) {
    this.formerIds = new Map(formerIds);
  }

  add(draft: RoleVersionDraft): void {
    const key = draft.role.id;
    if (draft.previousId !== undefined) {
      const old = draft.previousId;
      this.added.set(key, this.added.get(old) ?? []);
      this.added.delete(old);
      this.baseOf.set(key, this.baseOf.has(old) ? this.baseOf.get(old)! : old);
      this.baseOf.delete(old);
      this.formerIds.set(key, [...(this.formerIds.get(old) ?? []), old]);
      this.formerIds.delete(old);
    } else if (!this.added.has(key) && !this.baseOf.has(key)) {
      // An id that was retitled away and now names a new role starts a chain of its own.
      const tail = this.previous.get(key);
      if (tail && tail[0].role.id !== key) this.baseOf.set(key, null);
    }
    const last = this.lastOf(key);
    // A removal leaves the bullets' history as it was; anything else continues it.
    const blame = draft.change === 'REMOVED' && last ? last.blame : blameRole(draft.role, last?.blame, draft.commit);
    const version = roleVersion(draft.commit, draft.change, draft.role, draft.path, draft.previousId, blame, draft.origin.before);
    this.origins.set(version, draft.origin);
    const list = this.added.get(key);
    if (list) list.push(version);
    else this.added.set(key, [version]);
  }

  private tailOf(key: string): readonly RoleVersion[] {
    const base = this.baseOf.has(key) ? this.baseOf.get(key)! : key;
    return base === null ? [] : (this.previous.get(base) ?? []);
  }

  private lastOf(key: string): RoleVersion | undefined {
    const list = this.added.get(key);
    return list && list.length > 0 ? list[list.length - 1] : this.tailOf(key)[0];
  }

  finish(): { roleVersions: Map<string, readonly RoleVersion[]>; formerIds: ReadonlyMap<string, readonly string[]> } {
    const roleVersions = new Map(this.previous);
    for (const [key, list] of this.added) {
      const tail = this.tailOf(key);
      const chain = [...list.reverse(), ...tail];
      roleVersions.set(key, chain);
      for (const id of this.formerIds.get(key) ?? []) {
        if (this.added.has(id)) continue;
        const held = this.previous.get(id);
        // Still this chain (or no chain yet): follow it; another role's chain keeps its id.
        if (held === undefined || held === tail || held[0].role.id !== id) roleVersions.set(id, chain);
      }
    }
    return { roleVersions, formerIds: this.formerIds };
  }
}

