// Branches and tags of the cache, name → commit sha (tags peeled to their commit).
import { withGit } from './gitClient';
import type { RefEntry } from './types';

/** `for-each-ref` line: full ref name, object, and for annotated tags the peeled commit. */
const REF_FORMAT = '%(refname)%00%(objectname)%00%(*objectname)';

export async function listRefs(gitDir: string): Promise<RefEntry[]> {
  const listed = await withGit({ gitDir, op: 'for-each-ref' }, (git) =>
    git.raw(['for-each-ref', `--format=${REF_FORMAT}`, 'refs/heads/', 'refs/tags/']),
  );
  const refs: RefEntry[] = [];
  for (const line of listed.split('\n')) {
    const [ref, object, peeled] = line.split('\0');
    if (!ref || !object) continue;
    const kind = ref.startsWith('refs/heads/') ? 'branch' : 'tag';
    refs.push({ name: ref.replace(/^refs\/(?:heads|tags)\//, ''), kind, sha: peeled || object });
  }
  return refs;
}
