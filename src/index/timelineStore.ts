// The last timeline read from git, kept in the cache folder so a warm restart with an unchanged
// head skips `git log` over the whole history. Only an exact match (same head, same content
// folder, same format) is reused; anything else reads the timeline again.
import path from 'node:path';
import type { TimelineStep } from '../git/types';
import { readChecksummed, writeChecksummed } from './checksummedFile';

const TIMELINE_FORMAT = 1;

interface StoredTimeline {
  format: number;
  contentDir: string;
  head: string;
  steps: TimelineStep[];
}

export function timelineFile(cacheDir: string): string {
  return path.join(cacheDir, 'index', 'timeline.json');
}

export async function loadTimeline(cacheDir: string, contentDir: string, head: string): Promise<TimelineStep[] | null> {
  const { body } = await readChecksummed(timelineFile(cacheDir));
  if (body === null) return null;
  try {
    const stored = JSON.parse(body) as StoredTimeline;
    const last = stored.steps?.[stored.steps.length - 1];
    if (stored.format !== TIMELINE_FORMAT || stored.contentDir !== contentDir || stored.head !== head) return null;
    if (!last || last.commit.sha !== head) return null;
    return stored.steps;
  } catch {
    return null;
  }
}

export async function saveTimeline(cacheDir: string, contentDir: string, head: string, steps: readonly TimelineStep[]): Promise<void> {
  const stored: StoredTimeline = { format: TIMELINE_FORMAT, contentDir, head, steps: [...steps] };
  await writeChecksummed(timelineFile(cacheDir), JSON.stringify(stored));
}
