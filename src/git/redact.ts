// Credentials travel inside remote URLs (https://user:token@host/x.git). git echoes those URLs in
// its errors, so every message that leaves the git layer goes through here first.
import { GitCommandError } from './errors';

/** The userinfo part of a URL: `scheme://user:secret@` (also `user@` alone, which may be a token). */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^/@\s'"]*@/gi;

/**
 * The query string of a URL (`https://host/x.git?private_token=…&ref=main`): a remote has no
 * business carrying parameters, and forges accept tokens there, so every value is hidden, not only
 * the names we happen to know.
 */
const URL_QUERY = /([a-z][a-z0-9+.-]*:\/\/[^\s'"?#]*\?)([^\s'"#]*)/gi;

/** One `name=value` pair of a query string. */
const QUERY_PAIR = /([^&;=]*)=([^&;]*)/g;

/**
 * Tokens whose shape gives them away wherever they sit (a path segment, a header echoed in an
 * error): GitLab personal/project/deploy tokens (`glpat-`, `gldt-`, …) and GitHub's `ghp_`,
 * `gho_`, `ghu_`, `ghs_`, `ghr_` and fine-grained `github_pat_` tokens.
 */
const KNOWN_TOKEN = /\b(?:gl[a-z]{2,5}-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})/g;

/** Replaces credentials in every URL of `text` (userinfo, query values) and known token shapes with `***`. */
export function redactCredentials(text: string): string {
  return text
    .replace(URL_USERINFO, '$1***@')
    .replace(URL_QUERY, (_url, head: string, query: string) => head + query.replace(QUERY_PAIR, (_pair, name: string) => `${name}=***`))
    .replace(KNOWN_TOKEN, '***');
}

/** A GitCommandError for a failed `op` whose message (git's last stderr lines) and cause are redacted. */
export function gitFailure(op: string, detail: string, cause?: unknown): GitCommandError {
  const text = redactCredentials(detail.trim()).split('\n').filter(Boolean).slice(-3).join(' | ');
  return new GitCommandError(`git ${op} failed${text ? `: ${text}` : ''}`, {
    cause: cause === undefined ? undefined : redactCredentials(String(cause)),
  });
}
