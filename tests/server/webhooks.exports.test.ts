// Pins the public API of the webhook endpoints: the server and the CLI build against these names.
import * as webhooks from '../../src/server/webhooks';

describe('src/server/webhooks public exports', () => {
  it('exports the router factory and the verify/sign functions', () => {
    expect(Object.keys(webhooks).sort()).toEqual([
      'DEFAULT_TOLERANCE_SECONDS',
      'constantTimeEqual',
      'createWebhookRouter',
      'decodeSigningSecret',
      'signGithub',
      'signStandardWebhook',
      'verifyGithubSignature',
      'verifyGitlabToken',
      'verifyStandardWebhook',
    ]);
    expect(webhooks.DEFAULT_TOLERANCE_SECONDS).toBe(300);
  });
});
