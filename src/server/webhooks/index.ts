// Public API of the webhook endpoints: the router the server mounts, and the verification and
// signing functions (the CLI and tests sign deliveries with the same code that checks them).
export { createWebhookRouter } from './router';
export type { PushInfo, Provider, WebhookOutcome, WebhookRouterOptions } from './router';
export {
  constantTimeEqual,
  decodeSigningSecret,
  DEFAULT_TOLERANCE_SECONDS,
  signGithub,
  signStandardWebhook,
  verifyGithubSignature,
  verifyGitlabToken,
  verifyStandardWebhook,
} from './verify';
export type { SignedMessage, StandardVerifyInput, StandardVerifyResult } from './verify';
