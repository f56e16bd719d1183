// One polling leader among the replicas: a Redis key holding the leader's instance id with a TTL.
// The leader renews it every third of the TTL; a replica that dies stops renewing, the key expires,
// and the next follower's attempt takes it. Renewal and release only touch the key while it still
// names us (compare-and-set in a Lua script), so a leader that stalled past its TTL never extends or
// deletes its successor's lock.
import type { Redis } from 'ioredis';

/** Extends the TTL if the key still holds our id; 1 when it did. */
const RENEW_IF_OURS = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
/** Deletes the key if it still holds our id (a clean shutdown hands over at once, not after a TTL). */
const RELEASE_IF_OURS = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export type ElectionPhase = 'follower' | 'leader' | 'stopped';

export interface LeaderElectionOptions {
  redis: Pick<Redis, 'set' | 'eval'>;
  key: string;
  instanceId: string;
  ttlMs: number;
  /** Called whenever this replica becomes or stops being the leader. */
  onChange?: (leader: boolean) => void;
  log?: { info(obj: object, msg?: string): void };
}

export interface LeaderElection {
  isLeader(): boolean;
  /** Try now (at start, and when Redis comes back) instead of at the next tick. */
  campaign(): Promise<boolean>;
  /** Redis went away: the lock can no longer be proven ours, so stop acting as leader. */
  abdicate(): void;
  /** Stop campaigning; release the lock if we hold it (best effort: Redis may be down). */
  stop(): Promise<void>;
}

export function createLeaderElection(opts: LeaderElectionOptions): LeaderElection {
  const { redis, key, instanceId, ttlMs } = opts;
  let phase: ElectionPhase = 'follower';
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<boolean> | null = null;

  function become(next: 'follower' | 'leader'): void {
    if (phase === 'stopped' || phase === next) return;
    phase = next;
    opts.log?.info({ leader: next === 'leader', instance: instanceId }, next === 'leader' ? 'became polling leader' : 'no longer polling leader');
    opts.onChange?.(next === 'leader');
  }

  /** Renew if ours, else take it if free. Any Redis error counts as "not leader". */
  async function attempt(): Promise<boolean> {
    try {
      const renewed = (await redis.eval(RENEW_IF_OURS, 1, key, instanceId, String(ttlMs))) === 1;
      const won = renewed || (await redis.set(key, instanceId, 'PX', ttlMs, 'NX')) === 'OK';
      if (phase !== 'stopped') become(won ? 'leader' : 'follower');
    } catch {
      if (phase !== 'stopped') become('follower');
    }
    return phase === 'leader';
  }

  function schedule(): void {
    if (phase === 'stopped') return;
    if (timer) clearTimeout(timer);
    // A leader renews with two chances left before expiry; a follower looks more often, so a dead
    // leader's lock is taken soon after it expires.
    timer = setTimeout(() => void campaign(), phase === 'leader' ? ttlMs / 3 : ttlMs / 4);
    timer.unref();
  }

  function campaign(): Promise<boolean> {
    inFlight ??= attempt().finally(() => {
      inFlight = null;
      schedule();
    });
    return inFlight;
  }

  return {
    isLeader: () => phase === 'leader',
    campaign,
    abdicate: () => become('follower'),
    async stop() {
      await inFlight;
      const wasLeader = phase === 'leader';
      phase = 'stopped';
      if (timer) clearTimeout(timer);
      timer = null;
      if (wasLeader) await redis.eval(RELEASE_IF_OURS, 1, key, instanceId).catch(() => undefined);
    },
  };
}
