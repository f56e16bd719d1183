// Checks on values that reach git as arguments but do not come from a client ref (those go
// through resolveRef): object ids we pass around and the configured content folder.
import { BadRefError, GitCommandError } from './errors';

/** A full object id: 40 hex digits (SHA-1) or 64 (SHA-256 repositories). */
const FULL_OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function isFullObjectId(value: string): boolean {
  return FULL_OBJECT_ID.test(value);
}

/** Commit ids handed to tree()/commitInfo() must already be resolved; anything else is a bad ref. */
export function assertCommitId(value: string): string {
  if (typeof value !== 'string' || !isFullObjectId(value)) {
    throw new BadRefError('expected a full commit id (resolve the ref first)');
  }
  return value;
}

/** One path segment that would climb out of the repository or name git's own folder. */
const UNSAFE_SEGMENT = /^(?:\.|\.\.|\.git)$/i;

/**
 * `content/job-families/` → `content/job-families`. Rejects absolute paths, `..`, empty segments
 * and control characters: the folder is a repository-relative pathspec, nothing more.
 */
export function normalizeContentDir(dir: string): string {
  const trimmed = String(dir).replace(/^\.\/+/, '').replace(/\/+$/, '');
  const segments = trimmed.split('/');
  if (
    trimmed === '' ||
    trimmed.startsWith('/') ||
    // eslint-disable-next-line no-control-regex
    /[\x00-\x1f\x7f\\]/.test(trimmed) ||
    segments.some((s) => s === '' || UNSAFE_SEGMENT.test(s))
  ) {
    throw new GitCommandError(`invalid content folder: ${JSON.stringify(dir)}`);
  }
  return trimmed;
}
