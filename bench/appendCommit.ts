// Makes "one new commit pushed" happen in the bench's bare repository: the git layer's pushEdit
// adds one responsibility to one family page at the tip of main, as a push would.
import { listPaths, pushEdit } from '../src/git';

/** A bullet added in front of the page's first list item (a role's first responsibility), so a role changes. */
function withBullet(text: string, n: number): string {
  const bullet = `- Review the team's pipeline with finance every week (bench edit ${n}).\n`;
  const at = text.indexOf('\n- ');
  return at < 0 ? `${text}\n${bullet}` : `${text.slice(0, at + 1)}${bullet}${text.slice(at + 1)}`;
}

/** Appends a commit that adds one responsibility to the `n`-th page (by a fixed stride) of `contentDir`. Returns its sha. */
export async function appendCommit(gitDir: string, contentDir: string, n: number): Promise<string> {
  const pages = (await listPaths(gitDir, 'main', contentDir)).filter((p) => p.endsWith('.md'));
  if (pages.length === 0) throw new Error(`no pages under ${contentDir}`);
  const page = pages[(n * 7919) % pages.length]!;
  return pushEdit(gitDir, {
    branch: 'main',
    path: page,
    edit: (text) => withBullet(text, n),
    message: `Bench edit ${n} of ${page}`,
    date: new Date(Date.UTC(2030, 0, 1) + n * 60_000).toISOString(),
    author: { name: 'Bench Bot', email: 'bench@example.com' },
  });
}
