// Branches and tags of the cache, name → commit sha (tags peeled to their commit).
import { runGit } from './runGit';
import type { RefEntry } from './types';

/** `for-each-ref` line: full ref name, object, and for annotated tags the peeled commit. */
const REF_FORMAT = '%(refname)%00%(objectname)%00%(*objectname)';

export async function listRefs(gitDir: string): Promise<RefEntry[]> {
  const { stdout } = await runGit(['for-each-ref', `--format=${REF_FORMAT}`, 'refs/heads/', 'refs/tags/'], {
    gitDir,
    op: 'for-each-ref',
  });
  const refs: RefEntry[] = [];
  for (const line of stdout.toString('utf8').split('\n')) {
    const [ref, object, peeled] = line.split('\0');
    if (!ref || !object) continue;
    const kind = ref.startsWith('refs/heads/') ? 'branch' : 'tag';
    refs.push({ name: ref.replace(/^refs\/(?:heads|tags)\//, ''), kind, sha: peeled || object });
  }
  return refs;
}
