// The cache folder (clone, parse cache, sample repository) is the one place rolegraph must write.
// In Docker it runs as a non-root user, and a bind mount created by root is not writable by it:
// without this check that surfaced deep inside a clone as an EACCES stack trace. Checked once at
// startup, before any git work, so the user reads one line naming the folder and the owner it needs.
import { promises as fsPromises } from 'node:fs';
import path from 'node:path';
import { CodedError } from '../util';

export class CacheDirNotWritableError extends CodedError {
  readonly code = 'CACHE_DIR_NOT_WRITABLE';
}

/** The file operations the check performs; the real ones unless a test passes others. */
export type ProbeFs = Pick<typeof fsPromises, 'mkdir' | 'writeFile' | 'rm'>;

/** `uid 1000 gid 1000`, or a plain "this user" where the platform has no uids (Windows). */
function currentUser(): string {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  return uid === undefined || gid === undefined ? 'the user rolegraph runs as' : `uid ${uid} gid ${gid}`;
}

/**
 * Creates `dir` if needed and writes then removes a probe file in it. Any file-system refusal
 * becomes a CacheDirNotWritableError whose one-line message names the folder, the error code and
 * the uid/gid that needs write access; other errors pass through unchanged.
 */
export async function assertCacheDirWritable(dir: string, fs: ProbeFs = fsPromises): Promise<void> {
  const probe = path.join(dir, `.rolegraph-write-probe-${process.pid}`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(probe, '');
    await fs.rm(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    if (typeof code !== 'string') throw err;
    const user = currentUser();
    throw new CacheDirNotWritableError(
      `cache folder ${dir} is not writable (${code}): it must be a folder that ${user} can write (for a Docker bind mount: chown it on the host to that uid:gid, or use a named volume)`,
      { cause: err },
    );
  }
}
