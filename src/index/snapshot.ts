// Everything visible at one commit, from the parsed pages present there. Pure: the caller finds
// the pages (path → blob → parsed family); this links them (parents, roles, ladder graph).
import type { CommitInfo } from '../git';
import type { JobFamily, Role } from '../parse';
import { buildLadderEdges } from './ladder';
import type { Snapshot, SnapshotFamily } from './types';

export interface PageVersion {
  path: string;
  blob: string;
  family: JobFamily;
}

/**
 * Two pages with one slug (`x.md` and `x/index.md` both present mid-migration) cannot both be the
 * family: the first path in byte order wins, so every snapshot and history picks the same one.
 */
export function pickBySlug<T extends { path: string }>(pages: Iterable<T>, slugOf: (page: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const page of pages) {
    const slug = slugOf(page);
    const held = out.get(slug);
    if (!held || page.path < held.path) out.set(slug, page);
  }
  return out;
}

/**
 * `previous` (optional, e.g. the last head) lends its SnapshotFamily objects to families whose page
 * (path, blob) and parent are unchanged, so a snapshot one commit later shares almost everything
 * with the one before and equal families stay `===`.
 */
export function buildSnapshot(commit: CommitInfo, pages: Iterable<PageVersion>, previous?: Snapshot): Snapshot {
  const chosen = pickBySlug(pages, (p) => p.family.slug);
  const slugs = [...chosen.keys()].sort();
  const parsedBySlug = new Map<string, JobFamily>();
  for (const [slug, page] of chosen) parsedBySlug.set(slug, page.family);

  const families: SnapshotFamily[] = slugs.map((slug) => {
    const page = chosen.get(slug)!;
    const parentSlug = parentSlugOf(page.family, parsedBySlug);
    const held = previous?.familyBySlug.get(slug);
    if (held && held.blob === page.blob && held.path === page.path && held.parentSlug === parentSlug) return held;
    return Object.freeze({ ...page.family, parentSlug, blob: page.blob });
  });
  const familyBySlug = new Map(families.map((f) => [f.slug, f] as const));

  const roles: Role[] = [];
  const roleById = new Map<string, Role>();
  for (const family of families) {
    for (const role of [...family.roles].sort((a, b) => a.order - b.order)) {
      // Two headings with one title make one id; the first keeps it so lookups are unambiguous.
      if (roleById.has(role.id)) continue;
      roleById.set(role.id, role);
      roles.push(role);
    }
  }
  return Object.freeze({
    commit,
    families: Object.freeze(families),
    familyBySlug,
    roles: Object.freeze(roles),
    roleById,
    ladderEdges: Object.freeze(buildLadderEdges(families, familyBySlug)),
  });
}

/**
 * The nearest enclosing folder whose own page is a family (`alliances/technology-partner-manager`
 * for `.../senior.md`). Walks up `folderSlug` one segment at a time; department pages do not count.
 */
export function parentSlugOf(family: JobFamily, bySlug: ReadonlyMap<string, JobFamily>): string | null {
  let folder = family.folderSlug;
  while (folder) {
    const page = bySlug.get(folder);
    if (page && page.kind === 'family' && page.slug !== family.slug) return page.slug;
    const cut = folder.lastIndexOf('/');
    folder = cut > 0 ? folder.slice(0, cut) : null;
  }
  return null;
}
