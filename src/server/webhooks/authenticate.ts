// Who may trigger a refresh: per provider, every configured credential must verify.
import { verifyGithubSignature } from './githubSignature';
import { verifyGitlabToken } from './gitlabToken';
import type { Provider } from './pushEvent';
import { verifyStandardWebhook } from './standardWebhooks';

export interface WebhookSecrets {
  gitlabToken?: string;
  /** Already decoded from `whsec_<base64>`. */
  gitlabSigningKey?: Buffer;
  githubSecret?: string;
  allowUnauthenticated?: boolean;
}

/** `unconfigured`: no credential is set for this provider, and unauthenticated use was not allowed. */
export type AuthOutcome = 'ok' | 'unauthorized' | 'unconfigured';

export type HeaderReader = (name: string) => string | undefined;

export function authenticate(
  provider: Provider,
  header: HeaderReader,
  body: Buffer,
  secrets: WebhookSecrets,
  nowSeconds: number,
): AuthOutcome {
  if (provider === 'github') {
    if (!secrets.githubSecret) return secrets.allowUnauthenticated ? 'ok' : 'unconfigured';
    return verifyGithubSignature(body, header('x-hub-signature-256'), secrets.githubSecret) ? 'ok' : 'unauthorized';
  }
  if (!secrets.gitlabToken && !secrets.gitlabSigningKey) return secrets.allowUnauthenticated ? 'ok' : 'unconfigured';
  // Both configured means GitLab was set up with both, and sends both: require both, so adding a
  // signing key never weakens what the token already guaranteed.
  if (secrets.gitlabToken && !verifyGitlabToken(header('x-gitlab-token'), secrets.gitlabToken)) return 'unauthorized';
  if (secrets.gitlabSigningKey) {
    const result = verifyStandardWebhook(
      { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), body },
      secrets.gitlabSigningKey,
      { nowSeconds },
    );
    if (!result.ok) return 'unauthorized';
  }
  return 'ok';
}
