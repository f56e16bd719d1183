// What an error may say to the public (an unauthenticated /readyz, any GraphQL client): the same
// text without the server's file-system paths (cache folders, git's template folder), which tell an
// attacker how the host is laid out. The full text still goes to the log.

/**
 * An absolute path: a `/` that starts a token (not inside a URL, after `:`, `/`, `.` or a word
 * character) followed by at least one more segment, `/srv/cache/repo.git`, `/usr/share/git-core/templates`.
 */
const ABSOLUTE_PATH = /(?<![\w:/.~-])\/(?:[^\s'"`:/]+\/)+[^\s'"`:/]*|(?<![\w:/.~-])\/[^\s'"`:/]+(?=[\s'"`:]|$)/g;

export const HIDDEN_PATH = '[path]';

/** `text` with every absolute file-system path replaced by `[path]`; URLs are left as they are. */
export function publicMessage(text: string): string {
  return text.replace(ABSOLUTE_PATH, HIDDEN_PATH);
}
