// POST /webhooks/gitlab and /webhooks/github: authenticate the raw body, keep pushes to the
// tracked branch, answer 202 at once and let the refresher do the work in the background.
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { WatchLogger } from '../../watch';
import { authenticate, type WebhookSecrets } from './authenticate';
import { createDeliverySet } from './deliverySet';
import { classifyDelivery, parsePayload, type Provider } from './pushEvent';
import { decodeSigningSecret } from './standardWebhooks';

export type { Provider } from './pushEvent';

export interface PushInfo {
  provider: Provider;
  /** The forge's delivery id, when it sent one. */
  deliveryId: string | null;
  /** Head before and after the push, when well-formed: a hint for logs, never passed to git. */
  before?: string;
  after?: string;
}

/** Every answer a delivery can get; a small fixed set, so it can label a metric. */
export type WebhookOutcome =
  | 'accepted'
  | 'ignored'
  | 'duplicate'
  | 'ping'
  | 'unauthorized'
  | 'unconfigured'
  | 'bad_request'
  | 'too_large'
  | 'error';

export interface WebhookRouterOptions {
  /** The tracked branch: only pushes to `refs/heads/<branch>` trigger a refresh. */
  branch: string;
  gitlabToken?: string;
  /** GitLab signing token, `whsec_<base64>`. Malformed → createWebhookRouter throws. */
  gitlabSigningSecret?: string;
  githubSecret?: string;
  /** Accept deliveries for a provider with no credential configured (local development only). */
  allowUnauthenticated?: boolean;
  /** Called after the 202 is sent; wire it to `refresher.trigger`. */
  onPush: (info: PushInfo) => void;
  /** Called once per delivery with its outcome (metrics). */
  onOutcome?: (provider: Provider, outcome: WebhookOutcome) => void;
  log?: WatchLogger;
  /** Larger bodies get 413. Default 1 MiB; GitHub caps its payloads at 25 MB but pushes are small. */
  maxBodyBytes?: number;
  /** How many delivery ids to remember for deduplication. */
  dedupeCapacity?: number;
  /** Clock for the signed-webhook replay window. */
  nowSeconds?: () => number;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_DEDUPE_CAPACITY = 1000;
/** Delivery ids are UUIDs or short tokens; a longer header is cut so it cannot bloat the set. */
const MAX_DELIVERY_ID_LENGTH = 200;

/**
 * Where each provider puts its delivery id; GitLab's `webhook-id` equals its `Idempotency-Key`.
 * Nothing signs these headers, so they only recognise the forge's own retries.
 */
const DELIVERY_HEADERS: Record<Provider, readonly string[]> = {
  github: ['x-github-delivery'],
  gitlab: ['idempotency-key', 'webhook-id', 'x-gitlab-event-uuid'],
};
/**
 * The delivery id a GitLab signature covers (`<id>.<timestamp>.<body>`). When deliveries are
 * signed, it is the only id deduplicated on: a captured delivery replayed inside the signature
 * window with a fresh `Idempotency-Key` must still be the same delivery.
 */
const SIGNED_DELIVERY_HEADER = 'webhook-id';
const EVENT_HEADER: Record<Provider, string> = { github: 'x-github-event', gitlab: 'x-gitlab-event' };

export function createWebhookRouter(opts: WebhookRouterOptions): Router {
  const secrets: WebhookSecrets = {
    gitlabToken: opts.gitlabToken || undefined,
    gitlabSigningKey: opts.gitlabSigningSecret ? decodeSigningSecret(opts.gitlabSigningSecret) : undefined,
    githubSecret: opts.githubSecret || undefined,
    allowUnauthenticated: opts.allowUnauthenticated ?? false,
  };
  const deliveries = createDeliverySet(opts.dedupeCapacity ?? DEFAULT_DEDUPE_CAPACITY);
  const nowSeconds = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const router = express.Router();
  const rawBody = express.raw({ type: () => true, limit: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES });

  function finish(res: Response, provider: Provider, outcome: WebhookOutcome, status: number, body: object): void {
    res.status(status).json(body);
    try {
      opts.onOutcome?.(provider, outcome);
    } catch {
      // metrics must not break webhooks
    }
  }

  const handle = (provider: Provider) => (req: Request, res: Response) => {
    const header = (name: string) => req.get(name);
    if (req.body !== undefined && !Buffer.isBuffer(req.body)) {
      // Another body parser ran first and threw the raw bytes away: signatures cannot be checked.
      opts.log?.warn({ provider }, 'webhook body already parsed; mount the webhook router before body parsers');
      return finish(res, provider, 'error', 500, { error: 'webhook endpoint misconfigured' });
    }
    const body: Buffer = req.body ?? Buffer.alloc(0);
    const signed = provider === 'gitlab' && secrets.gitlabSigningKey !== undefined;
    const deliveryId = signed ? boundedId(header(SIGNED_DELIVERY_HEADER)) : deliveryIdOf(provider, header);

    const auth = authenticate(provider, header, body, secrets, nowSeconds());
    if (auth === 'unconfigured') {
      opts.log?.warn({ provider, deliveryId }, 'webhook refused: no secret configured');
      return finish(res, provider, 'unconfigured', 403, { error: `no ${provider} webhook secret configured` });
    }
    if (auth === 'unauthorized') {
      opts.log?.warn({ provider, deliveryId }, 'webhook refused: bad credentials');
      return finish(res, provider, 'unauthorized', 401, { error: 'invalid webhook credentials' });
    }

    const event = classifyDelivery(provider, header(EVENT_HEADER[provider]), () => parsePayload(body, header('content-type')), opts.branch);
    switch (event.kind) {
      case 'ping':
        return finish(res, provider, 'ping', 200, { status: 'pong' });
      case 'ignored':
        return finish(res, provider, 'ignored', 202, { status: 'ignored', reason: event.why });
      case 'malformed':
        return finish(res, provider, 'bad_request', 400, { error: event.why });
      case 'push': {
        if (deliveryId !== null && deliveries.checkAndAdd(`${provider}:${deliveryId}`)) {
          return finish(res, provider, 'duplicate', 202, { status: 'duplicate' });
        }
        finish(res, provider, 'accepted', 202, { status: 'accepted' });
        opts.log?.info({ provider, deliveryId, after: event.after }, 'push webhook accepted');
        try {
          opts.onPush({ provider, deliveryId, before: event.before, after: event.after });
        } catch (error) {
          opts.log?.warn({ provider, err: String(error) }, 'onPush threw');
        }
        return;
      }
      default: {
        const never: never = event;
        return never;
      }
    }
  };

  for (const provider of ['gitlab', 'github'] as const) {
    router.post(`/webhooks/${provider}`, rawBody, handle(provider), bodyErrors(provider));
  }
  return router;

  /** Errors from reading the body (too large, aborted, bad encoding) as plain 4xx answers. */
  function bodyErrors(provider: Provider) {
    return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(err);
      const e = err as { type?: string; status?: number };
      if (e.type === 'entity.too.large') return finish(res, provider, 'too_large', 413, { error: 'payload too large' });
      const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 400;
      return finish(res, provider, 'bad_request', status, { error: 'could not read request body' });
    };
  }
}

function boundedId(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, MAX_DELIVERY_ID_LENGTH) : null;
}

function deliveryIdOf(provider: Provider, header: (name: string) => string | undefined): string | null {
  for (const name of DELIVERY_HEADERS[provider]) {
    const id = boundedId(header(name));
    if (id !== null) return id;
  }
  return null;
}
