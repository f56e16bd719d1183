// Several replicas of one rolegraph, coordinated through Redis. Each replica keeps its own index and
// its own refresher (single flight, coalescing, backoff as in src/watch); Redis only tells them
// when to use it:
// - push fan-out: a webhook any replica accepts is announced on a channel; every replica (the one
//   that took it too) refreshes, so all converge on the same head;
// - one poller: the elected leader alone polls the forge, and announces a head that moved;
// - Redis away: degraded, not down: every replica polls on its own again and webhooks refresh
//   locally, until the connections come back (then resubscribe, re-elect, catch up on the head).
import { createHash } from 'node:crypto';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Refresher, WatchLogger } from '../watch';
import { decodeAnnouncement, encodeAnnouncement, type HeadAnnouncement } from './headAnnouncement';
import { createLeaderElection } from './leaderElection';
import { createPersistedQueryCache } from './persistedQueryCache';
import { createRedisClient, type RedisClientOptions, type RedisStatus } from './redisClient';

export interface ClusterOptions {
  redisUrl: string;
  /** This replica's id: the lock's value, the announcements' origin, `repository { instance }`. */
  instanceId: string;
  /** The configured repository (as every replica is given it) and branch: keys and channel are scoped to them. */
  repository: string;
  branch: string;
  /** Leader lock TTL: a dead leader is replaced within about this long. */
  lockTtlMs: number;
  /** Seconds between polls of the leader (or of every replica while Redis is away); 0 = never poll. */
  pollSeconds: number;
  /** The replica's refresher, created without polling of its own: the cluster decides who polls. */
  refresher: Pick<Refresher, 'trigger' | 'onRefresh'>;
  /** The head this replica serves, to skip announcements it already has. */
  currentHead: () => string | null;
  log: WatchLogger;
  /** Client tuning (timeouts, reconnect cap); the defaults suit production. */
  client?: Pick<RedisClientOptions, 'commandTimeoutMs' | 'connectTimeoutMs' | 'maxReconnectDelayMs'>;
}

export interface Cluster {
  readonly instanceId: string;
  /** `up` when both connections work and the channel is subscribed; `down` otherwise. */
  redis(): RedisStatus;
  isLeader(): boolean;
  /** The newest head announced on the channel (or stored there) that this replica has seen; null before any. */
  clusterHead(): string | null;
  /** A push this replica's webhook accepted: tell every replica, or refresh locally when Redis is away. */
  announcePush(push: { provider: 'gitlab' | 'github'; after?: string }): void;
  /** Apollo's persisted-query cache, shared through Redis. */
  readonly persistedQueries: KeyValueCache<string>;
  close(): Promise<void>;
}

/** Keys and channel of one deployment: replicas of another repository or branch on the same Redis never mix. */
export function clusterNamespace(repository: string, branch: string): string {
  return `rolegraph:${createHash('sha256').update(`${repository}\n${branch}`).digest('hex').slice(0, 16)}`;
}

/** The refresher's own reasons for a fetch nobody asked for: what the leader announces. */
const LEADER_REASONS: ReadonlySet<string> = new Set(['poll', 'retry']);

export function startCluster(opts: ClusterOptions): Cluster {
  const { instanceId, refresher, log } = opts;
  const ns = clusterNamespace(opts.repository, opts.branch);
  const keys = { channel: `${ns}:heads`, head: `${ns}:head`, leader: `${ns}:leader`, persistedQueries: `${ns}:apq:` };
  const command = createRedisClient(opts.redisUrl, { ...opts.client, connectionName: `rolegraph-${instanceId}`, log });
  const subscriber = createRedisClient(opts.redisUrl, { ...opts.client, connectionName: `rolegraph-${instanceId}-sub`, log });
  const election = createLeaderElection({ redis: command.client, key: keys.leader, instanceId, ttlMs: opts.lockTtlMs, log });
  let subscribed = false;
  let clusterHead: string | null = null;
  let closed = false;

  const status = (): RedisStatus => (command.status() === 'up' && subscribed ? 'up' : 'down');

  /** An announcement (or the stored head at rejoin) reached us: refresh unless we already serve it. */
  function heard(head: string | null, reason: string): void {
    if (head !== null) clusterHead = head;
    if (head !== null && head === opts.currentHead()) return;
    void refresher.trigger(reason);
  }

  subscriber.client.on('message', (channel: string, text: string) => {
    if (channel !== keys.channel) return;
    const announcement = decodeAnnouncement(text);
    if (announcement === null || announcement.branch !== opts.branch) return;
    // Webhook causes keep their reason, so each replica's webhook window coalesces them as today.
    heard(announcement.head, announcement.cause === 'poll' ? 'announced' : announcement.cause);
  });

  subscriber.onStatus((next) => {
    if (next === 'down') {
      subscribed = false;
      return;
    }
    subscriber.client.subscribe(keys.channel).then(
      async () => {
        // Catch up on what was announced while we were away (or before we started), before saying
        // `up`: an announcement after that is heard on the channel, not read back here as well.
        const stored = await command.client.get(keys.head).catch(() => null);
        if (stored !== null && !closed) heard(stored, 'rejoin');
        subscribed = true;
      },
      (err: unknown) => log.warn({ err: String(err) }, 'redis subscribe failed; retried on reconnect'),
    );
  });

  command.onStatus((next) => {
    if (next === 'up') void election.campaign();
    else election.abdicate();
  });

  async function publish(announcement: HeadAnnouncement): Promise<boolean> {
    if (status() !== 'up') return false;
    try {
      if (announcement.head !== null) await command.client.set(keys.head, announcement.head);
      await command.client.publish(keys.channel, encodeAnnouncement(announcement));
      return true;
    } catch (err) {
      log.warn({ err: String(err) }, 'redis publish failed');
      return false;
    }
  }

  // One poller: the leader, or everyone while Redis is away (each replica then fends for itself).
  const pollTimer =
    opts.pollSeconds > 0
      ? setInterval(() => {
          if (status() === 'down' || election.isLeader()) void refresher.trigger('poll');
        }, opts.pollSeconds * 1000)
      : null;
  pollTimer?.unref();

  // The leader tells the others when its poll (or the backoff retry of a failed poll) moved the head.
  const unlisten = refresher.onRefresh((event) => {
    if (!event.ok || event.result === null || !LEADER_REASONS.has(event.reason) || !election.isLeader()) return;
    const head = event.result.head.sha;
    if (head === clusterHead) return;
    clusterHead = head;
    void publish({ head, branch: opts.branch, origin: instanceId, cause: 'poll' });
  });

  return {
    instanceId,
    redis: status,
    isLeader: () => election.isLeader(),
    clusterHead: () => clusterHead,
    announcePush(push) {
      const reason = `webhook:${push.provider}` as const;
      // A push's `after` names the new head; all zeros (a deleted branch) names none.
      const head = push.after !== undefined && /[1-9a-f]/.test(push.after) ? push.after : null;
      void publish({ head, branch: opts.branch, origin: instanceId, cause: reason }).then((sent) => {
        if (!sent) void refresher.trigger(reason);
      });
    },
    persistedQueries: createPersistedQueryCache(command.client, keys.persistedQueries),
    async close() {
      if (closed) return;
      closed = true;
      if (pollTimer) clearInterval(pollTimer);
      unlisten();
      await election.stop();
      await Promise.all([subscriber.close(), command.close()]);
    },
  };
}
