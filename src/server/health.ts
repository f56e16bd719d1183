// /healthz and /readyz. Liveness says the process answers; readiness says it serves an index, so a
// load balancer holds traffic back during the first clone and keeps it flowing while a refresh
// fails (the last good index still answers; the body says `phase: "stale"`, how stale, and why).
import type { Request, Response, Router } from 'express';
import express from 'express';
import type { IndexStatus } from '../index';
import { publicMessage } from '../util';

/**
 * The indexer's phase, or `stale`: an index serves while the last refresh (or, at a restart with the
 * remote gone, the first) failed — traffic is fine, the content may be behind the remote.
 */
export type ReadinessPhase = IndexStatus['phase'] | 'stale';

/** The Redis that coordinates replicas: `off` when none is configured; `down` still serves (degraded, not out). */
export type RedisReadiness = 'up' | 'down' | 'off';

/** What /readyz says of the cluster; without Redis, `{ redis: 'off', leader: null }`. */
export interface ClusterReadiness {
  redis: RedisReadiness;
  /** Whether this replica is the polling leader; null without Redis (every single process polls). */
  leader: boolean | null;
}

export const NO_CLUSTER: ClusterReadiness = { redis: 'off', leader: null };

export interface Readiness {
  httpStatus: 200 | 503;
  body: {
    /** Whether an index serves (the HTTP status says the same). */
    status: 'ready' | 'not_ready';
    phase: ReadinessPhase;
    head: string | null;
    headDate: string | null;
    lastRefreshAt: string | null;
    /** Seconds since the served index was last confirmed current with the remote; null before that. */
    stalenessSeconds: number | null;
    lastError: string | null;
    progress: IndexStatus['progress'];
    /** Failed writes to the cache folder (a full disk): the index serves from memory, a restart re-parses. */
    cache: { writeFailures: number; lastWriteError: string | null };
    /** Never turns the answer to 503: a replica without Redis keeps serving and polls on its own. */
    redis: RedisReadiness;
    leader: boolean | null;
    /** Where the page versions came from: a replica that joined through the shared parse cache shows `parsed: 0`. */
    pages: IndexStatus['pages'];
  };
}

/** Pure: the answer for an indexer status at `nowMs`. */
export function readiness(status: IndexStatus, serving: boolean, nowMs: number, cluster: ClusterReadiness = NO_CLUSTER): Readiness {
  const refreshed = status.lastRefreshAt ? Date.parse(status.lastRefreshAt) : Number.NaN;
  return {
    httpStatus: serving ? 200 : 503,
    body: {
      status: serving ? 'ready' : 'not_ready',
      phase: serving && status.lastError !== null ? 'stale' : status.phase,
      head: status.head?.sha ?? null,
      headDate: status.head?.date ?? null,
      lastRefreshAt: status.lastRefreshAt,
      stalenessSeconds: Number.isNaN(refreshed) ? null : Math.max(0, Math.round((nowMs - refreshed) / 1000)),
      // /readyz is public: the reason without server paths (the log has the full text).
      lastError: status.lastError === null ? null : publicMessage(status.lastError),
      progress: status.progress,
      cache: {
        writeFailures: status.cacheWriteFailures,
        lastWriteError: status.cacheLastWriteError === null ? null : publicMessage(status.cacheLastWriteError),
      },
      redis: cluster.redis,
      leader: cluster.leader,
      pages: status.pages,
    },
  };
}

export interface HealthSource {
  status(): IndexStatus;
  current(): unknown;
}

export function createHealthRouter(indexer: HealthSource, now: () => number = Date.now, cluster: () => ClusterReadiness = () => NO_CLUSTER): Router {
  const router = express.Router();
  const noStore = (res: Response): void => {
    res.setHeader('Cache-Control', 'no-store');
  };
  router.get('/healthz', (_req: Request, res: Response) => {
    noStore(res);
    res.status(200).json({ status: 'ok' });
  });
  router.get('/readyz', (_req: Request, res: Response) => {
    const { httpStatus, body } = readiness(indexer.status(), indexer.current() !== null, now(), cluster());
    noStore(res);
    res.status(httpStatus).json(body);
  });
  return router;
}
