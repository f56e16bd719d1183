// Webhook authentication, one provider scheme per file; all pure and constant-time.
export { constantTimeEqual } from './constantTime';
export { verifyGitlabToken } from './gitlabToken';
export { signGithub, verifyGithubSignature } from './githubSignature';
export {
  decodeSigningSecret,
  DEFAULT_TOLERANCE_SECONDS,
  signStandardWebhook,
  verifyStandardWebhook,
} from './standardWebhooks';
export type { SignedMessage, StandardVerifyInput, StandardVerifyResult } from './standardWebhooks';
