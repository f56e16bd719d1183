// Client refs (`at`, `from`, `to`) reach git only after this: validated against the ref-name rules
// so they can never be read as an option, a revision expression or a path, then resolved with
// `rev-parse --end-of-options` to the commit they name.
import { BadRefError } from './errors';
import { withGit } from './gitClient';
import { isFullObjectId } from './validate';

export const MAX_REF_LENGTH = 256;

/**
 * An ISO-8601 date or date-time (`2021-03-04`, `2021-03-04T10:00:00Z`): the index resolves those
 * against the timeline, so they are not refs here.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/**
 * Characters `git check-ref-format` forbids anywhere, plus ones we forbid because they are revision
 * syntax (`~ ^ : ? * [ \`), whitespace and control characters (including NUL).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\x00-\x20\x7f~^:?*[\\]/;
/** A path component git refuses: empty (`a//b`), starting with a dot, or ending in `.lock`. */
const BAD_COMPONENT = /^(?:$|\.)|\.lock$/;

/** Why `ref` is not an acceptable client ref, or null when it may be passed to git. */
export function refProblem(ref: unknown): string | null {
  if (typeof ref !== 'string' || ref.length === 0) return 'empty ref';
  if (ref.length > MAX_REF_LENGTH) return `ref longer than ${MAX_REF_LENGTH} characters`;
  if (ref.startsWith('-')) return 'ref may not start with "-"';
  if (FORBIDDEN_CHARS.test(ref)) return 'ref contains a forbidden character';
  if (ref.includes('..')) return 'ref may not contain ".."';
  if (ref.includes('@{') || ref === '@') return 'reflog syntax is not accepted';
  if (ref.endsWith('.') || ref.endsWith('/')) return 'ref may not end with "." or "/"';
  if (ref.split('/').some((component) => BAD_COMPONENT.test(component))) return 'malformed ref name';
  if (ISO_DATE.test(ref)) return 'dates are resolved against the timeline, not as git refs';
  return null;
}

/**
 * Full commit sha of a client ref (full or abbreviated sha, branch, tag). Throws BadRefError when
 * the ref is malformed, unknown, ambiguous or not a commit.
 */
export async function resolveRef(gitDir: string, ref: string): Promise<string> {
  const problem = refProblem(ref);
  const shown = typeof ref === 'string' ? JSON.stringify(ref.slice(0, 80)) : 'ref';
  if (problem) throw new BadRefError(`bad ref ${shown}: ${problem}`);
  // An exit code (unknown, ambiguous, not a commit) answers '' here; a timeout still throws.
  // Not `--quiet`: git's complaint on stderr spares an unknown ref simple-git's 50 ms pause after
  // a command that printed nothing (gitClient.ts); it is never shown.
  const sha = await withGit(
    { gitDir, op: 'rev-parse' },
    (git) => git.revparse(['--verify', '--end-of-options', `${ref}^{commit}`]),
    () => '',
  );
  if (!isFullObjectId(sha)) {
    throw new BadRefError(`unknown ref ${shown}: no commit by that name`);
  }
  return sha;
}
