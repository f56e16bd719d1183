// Orders candidate career paths the way a person planning a career would: a path that never steps
// down a grade beats one that does, a path whose grades are all known beats one with blind steps,
// and among equals the smoother climb (smaller largest jump) comes first. Pure.
import type { Snapshot } from './types';

export interface RankedCareerPath {
  ids: string[];
  /** 1 = best. */
  rank: number;
  /** Moves to a lower grade. */
  gradeDrops: number;
  /** Moves where either end has no grade. */
  ungradedSteps: number;
  /** Grade of the last role minus the first; null when either has none. */
  gradeGain: number | null;
  /** Largest single grade increase along the path (0 when none is known). */
  largestJump: number;
}

function measure(snapshot: Snapshot, ids: string[]): Omit<RankedCareerPath, 'rank'> {
  const grades = ids.map((id) => snapshot.roleById.get(id)?.grade ?? null);
  let gradeDrops = 0;
  let ungradedSteps = 0;
  let largestJump = 0;
  for (let i = 1; i < grades.length; i += 1) {
    const before = grades[i - 1];
    const after = grades[i];
    if (before === null || after === null) {
      ungradedSteps += 1;
      continue;
    }
    if (after < before) gradeDrops += 1;
    largestJump = Math.max(largestJump, after - before);
  }
  const first = grades[0];
  const last = grades[grades.length - 1];
  const gradeGain = first !== null && last !== null && grades.length > 0 ? last - first : null;
  return { ids, gradeDrops, ungradedSteps, gradeGain, largestJump };
}

function compare(a: Omit<RankedCareerPath, 'rank'>, b: Omit<RankedCareerPath, 'rank'>): number {
  return (
    a.gradeDrops - b.gradeDrops ||
    a.ungradedSteps - b.ungradedSteps ||
    a.ids.length - b.ids.length ||
    a.largestJump - b.largestJump ||
    a.ids.join('\n').localeCompare(b.ids.join('\n'))
  );
}

/** Ranks paths (lists of role ids in one snapshot) best first. */
export function rankCareerPaths(snapshot: Snapshot, paths: readonly string[][]): RankedCareerPath[] {
  return paths
    .map((ids) => measure(snapshot, ids))
    .sort(compare)
    .map((path, i) => ({ ...path, rank: i + 1 }));
}
