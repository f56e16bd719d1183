// Credentials travel inside remote URLs (https://user:token@host/x.git). git echoes those URLs in
// its errors, so every message that leaves the git layer goes through here first.
import { GitCommandError } from './errors';

/** The userinfo part of a URL: `scheme://user:secret@` (also `user@` alone, which may be a token). */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^/@\s'"]*@/gi;

/** Replaces the userinfo of every URL in `text` with `***`. */
export function redactCredentials(text: string): string {
  return text.replace(URL_USERINFO, '$1***@');
}

/** A GitCommandError for a failed `op` whose message (git's last stderr lines) and cause are redacted. */
export function gitFailure(op: string, detail: string, cause?: unknown): GitCommandError {
  const text = redactCredentials(detail.trim()).split('\n').filter(Boolean).slice(-3).join(' | ');
  return new GitCommandError(`git ${op} failed${text ? `: ${text}` : ''}`, {
    cause: cause === undefined ? undefined : redactCredentials(String(cause)),
  });
}
