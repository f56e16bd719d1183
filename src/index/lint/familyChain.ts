import type { Snapshot, SnapshotFamily } from '../types';

/** Pages that describe jobs. Department pages (`sales/_index.md`, front matter only) have nothing to check. */
export function jobFamilies(snapshot: Snapshot): SnapshotFamily[] {
  return snapshot.families.filter((f) => f.kind === 'family');
}

/**
 * The family and the families whose folders enclose it (`alliances/technology-partner-manager/senior.md`
 * → its `_index.md` family). Shared sections (hiring process, performance indicators, requirements)
 * often live only on the enclosing page, so a level page that lacks them is not at fault.
 */
export function familyChain(snapshot: Snapshot, family: SnapshotFamily): SnapshotFamily[] {
  const chain = [family];
  const seen = new Set([family.slug]);
  let parent = family.parentSlug;
  while (parent !== null && !seen.has(parent)) {
    const page = snapshot.familyBySlug.get(parent);
    if (page === undefined) break;
    chain.push(page);
    seen.add(parent);
    parent = page.parentSlug;
  }
  return chain;
}
