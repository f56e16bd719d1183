// GitLab's classic webhook secret: the configured token, sent as-is in `X-Gitlab-Token`.
import { constantTimeEqual } from './constantTime';

/** True when the header carries exactly the configured token. An empty token never matches. */
export function verifyGitlabToken(header: string | undefined, token: string): boolean {
  if (!token || header === undefined) return false;
  return constantTimeEqual(header, token);
}
