// Configuration from command-line flags and environment variables. Pure: no fs, no process
// globals, so the precedence rules (flag > env > default) are testable with plain objects.
import path from 'node:path';
import { redactCredentials } from '../git';
import { CorsConfigError, parseCorsOrigins, type CorsOrigins } from './cors';
import { loadLimits, type Limits } from './limits';
import { loadTracingConfig, type TracingConfig } from './tracingConfig';

/** Flags as commander hands them over (strings; absent = undefined). */
export interface ConfigFlags {
  repo?: string;
  branch?: string;
  contentDir?: string;
  cacheDir?: string;
  port?: string | number;
  host?: string;
  pollSeconds?: string | number;
  redisUrl?: string;
}

export interface Config {
  /** URL or absolute path of the content repository; null = the embedded sample handbook. */
  repo: string | null;
  branch: string;
  /** Content folder inside the repository; null = auto-detect (content/job-families, ...). */
  contentDir: string | null;
  /** Absolute folder for the bare clone, the parse cache and the sample repository. */
  cacheDir: string;
  port: number;
  host: string;
  /** Seconds between polls of the remote; 0 disables polling. */
  pollSeconds: number;
  gitlabToken: string | null;
  /** GitLab's signed-webhook secret (`whsec_...`), an alternative to the plain token. */
  gitlabSigningSecret: string | null;
  githubSecret: string | null;
  /** Bearer token that unlocks admin operations (the `refresh` mutation). */
  adminToken: string | null;
  logLevel: string;
  /** Limit for one clone or fetch. */
  gitTimeoutMs: number;
  /** Query, time and body limits (ROLEGRAPH_MAX_DEPTH, ... — see src/server/limits.ts). */
  limits: Limits;
  /** Where OpenTelemetry spans go; null = tracing off (see tracingConfig.ts). */
  tracing: TracingConfig | null;
  /** Origins whose pages may read answers (ROLEGRAPH_CORS_ORIGINS; see src/server/cors.ts). */
  corsOrigins: CorsOrigins;
  /** `max-age` of answers that follow the head (ROLEGRAPH_HEAD_MAX_AGE_SECONDS; see plugins/httpCaching.ts). */
  headMaxAgeSeconds: number;
  /** Answers the HTTP answer cache keeps (ROLEGRAPH_ANSWER_CACHE_ENTRIES); 0 turns it off, so uncached numbers can be reproduced against `serve`. */
  responseCacheEntries: number;
  /** Queries run as graphql-jit compiled code (see src/server/jitPlugin.ts); ROLEGRAPH_JIT=0 leaves every one to graphql-js. */
  jit: boolean;
  /** Redis that coordinates several replicas (ROLEGRAPH_REDIS_URL, `--redis-url`); null = one process, no Redis code loaded. */
  redisUrl: string | null;
  /** How long the polling leader's lock lives without renewal (ROLEGRAPH_REDIS_LOCK_TTL_MS): a dead leader is replaced within about this long. */
  redisLockTtlMs: number;
  /** This replica's name in `repository { instance }` and the cluster's messages (ROLEGRAPH_INSTANCE_ID); null = host name and process id. */
  instanceId: string | null;
  /** Lifetime of a shared parse-cache entry in Redis (ROLEGRAPH_REDIS_CACHE_TTL_SECONDS). */
  redisCacheTtlSeconds: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULTS = {
  branch: 'main',
  cacheDir: './repo-cache',
  port: 4000,
  host: '0.0.0.0',
  pollSeconds: 60,
  logLevel: 'info',
  gitTimeoutMs: 5 * 60_000,
  // Short enough that a push is seen within seconds, long enough to absorb a page's burst of repeats.
  headMaxAgeSeconds: 5,
  responseCacheEntries: 1000,
  // Compiled queries answer lists ×1.5-1.8 faster than graphql-js here (bench/ANALYSIS.md).
  jit: true,
  // Long enough that a renewal every third of it survives a slow Redis, short enough that a dead
  // leader's polling is taken over well before the next default poll.
  redisLockTtlMs: 15_000,
  // 30 days: a parser bump or an abandoned repository leaves entries that expire; `maxmemory` bounds the rest.
  redisCacheTtlSeconds: 30 * 86_400,
} as const;

/** A decimal integer with nothing around it: `4000`, not `4e3`, `0x10` or `40 00`. */
const DECIMAL_INTEGER = /^\d+$/;
const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const SECRET_KEYS = ['gitlabToken', 'gitlabSigningSecret', 'githubSecret', 'adminToken'] as const;

/** An empty string counts as unset, so `ROLEGRAPH_REPO=` in a compose file means "not given". */
function pick(...values: Array<string | number | undefined>): string | undefined {
  for (const v of values) {
    if (v === undefined || v === null) continue;
    const s = String(v).trim();
    if (s !== '') return s;
  }
  return undefined;
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!DECIMAL_INTEGER.test(raw)) throw new ConfigError(`${name} must be a whole number, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

const ON_WORDS = new Set(['1', 'true', 'yes', 'on']);
const OFF_WORDS = new Set(['0', 'false', 'no', 'off']);

/** An on/off switch, spelled as operators do (`1`/`0`, `true`/`false`, `yes`/`no`, `on`/`off`). */
function onOff(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  const word = raw.toLowerCase();
  if (ON_WORDS.has(word)) return true;
  if (OFF_WORDS.has(word)) return false;
  throw new ConfigError(`${name} must be 1 or 0, got ${JSON.stringify(raw.slice(0, 40))}`);
}

/** URL schemes and scp-like `user@host:path`, which stay as given; anything else is a local path. */
const REMOTE_URL = /^[a-z][a-z0-9+.-]*:\/\/|^[^/\\\s]+@[^/\\\s:]+:/i;

function repository(raw: string | undefined, cwd: string): string | null {
  if (raw === undefined) return null;
  if (raw.startsWith('-')) throw new ConfigError(`repository must be a URL or a path, got ${JSON.stringify(redactCredentials(raw))}`);
  return REMOTE_URL.test(raw) ? raw : path.resolve(cwd, raw);
}

/** Git refuses these in branch names; a mistyped branch should fail here, at startup. */
const BAD_BRANCH = /(^[-/.])|\.\.|[\s~^:?*[\\\x00-\x1f\x7f]|@\{|\/\/|[./]$|\.lock$/;

function branchName(raw: string): string {
  if (raw.length > 200 || BAD_BRANCH.test(raw)) throw new ConfigError(`invalid branch name ${JSON.stringify(raw)}`);
  return raw;
}

/** A folder inside the repository: relative, without `..`. */
function contentDir(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const norm = raw.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (norm === '' || norm.startsWith('/') || norm.startsWith('-') || norm.split('/').includes('..')) {
    throw new ConfigError(`content dir must be a folder inside the repository, got ${JSON.stringify(raw)}`);
  }
  return norm;
}

export function loadConfig(flags: ConfigFlags, env: Record<string, string | undefined>, cwd: string = process.cwd()): Config {
  const logLevel = pick(env.LOG_LEVEL) ?? DEFAULTS.logLevel;
  if (!LOG_LEVELS.has(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${[...LOG_LEVELS].join(', ')}`);
  return {
    repo: repository(pick(flags.repo, env.ROLEGRAPH_REPO), cwd),
    branch: branchName(pick(flags.branch, env.ROLEGRAPH_BRANCH) ?? DEFAULTS.branch),
    contentDir: contentDir(pick(flags.contentDir, env.ROLEGRAPH_CONTENT_DIR)),
    cacheDir: path.resolve(cwd, pick(flags.cacheDir, env.ROLEGRAPH_CACHE_DIR) ?? DEFAULTS.cacheDir),
    port: integer('port', pick(flags.port, env.PORT), DEFAULTS.port, 0, 65535),
    host: pick(flags.host, env.ROLEGRAPH_HOST) ?? DEFAULTS.host,
    pollSeconds: integer('poll seconds', pick(flags.pollSeconds, env.ROLEGRAPH_POLL_SECONDS), DEFAULTS.pollSeconds, 0, 86_400),
    gitlabToken: pick(env.ROLEGRAPH_GITLAB_TOKEN) ?? null,
    gitlabSigningSecret: pick(env.ROLEGRAPH_GITLAB_SIGNING_SECRET) ?? null,
    githubSecret: pick(env.ROLEGRAPH_GITHUB_SECRET) ?? null,
    adminToken: pick(env.ROLEGRAPH_ADMIN_TOKEN) ?? null,
    logLevel,
    gitTimeoutMs: integer('ROLEGRAPH_GIT_TIMEOUT_SECONDS', pick(env.ROLEGRAPH_GIT_TIMEOUT_SECONDS), DEFAULTS.gitTimeoutMs / 1000, 1, 86_400) * 1000,
    limits: limitsFrom(env),
    tracing: tracingFrom(env),
    corsOrigins: corsOriginsFrom(env.ROLEGRAPH_CORS_ORIGINS),
    headMaxAgeSeconds: integer('ROLEGRAPH_HEAD_MAX_AGE_SECONDS', pick(env.ROLEGRAPH_HEAD_MAX_AGE_SECONDS), DEFAULTS.headMaxAgeSeconds, 0, 86_400),
    responseCacheEntries: integer('ROLEGRAPH_ANSWER_CACHE_ENTRIES', pick(env.ROLEGRAPH_ANSWER_CACHE_ENTRIES), DEFAULTS.responseCacheEntries, 0, 1_000_000),
    jit: onOff('ROLEGRAPH_JIT', pick(env.ROLEGRAPH_JIT), DEFAULTS.jit),
    redisUrl: redisUrl(pick(flags.redisUrl, env.ROLEGRAPH_REDIS_URL)),
    redisLockTtlMs: integer('ROLEGRAPH_REDIS_LOCK_TTL_MS', pick(env.ROLEGRAPH_REDIS_LOCK_TTL_MS), DEFAULTS.redisLockTtlMs, 500, 600_000),
    instanceId: instanceId(pick(env.ROLEGRAPH_INSTANCE_ID)),
    redisCacheTtlSeconds: integer('ROLEGRAPH_REDIS_CACHE_TTL_SECONDS', pick(env.ROLEGRAPH_REDIS_CACHE_TTL_SECONDS), DEFAULTS.redisCacheTtlSeconds, 1, 365 * 86_400),
  };
}

/** `redis://` or `rediss://` (TLS), as ioredis takes them; anything else is a mistake worth a startup error. */
const REDIS_URL = /^rediss?:\/\/[^\s]+$/i;

function redisUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (!REDIS_URL.test(raw)) throw new ConfigError(`redis URL must start with redis:// or rediss://, got ${JSON.stringify(redactCredentials(raw))}`);
  return raw;
}

/** Printable, short, no spaces: it appears in logs, metrics-free answers and Redis messages. */
const INSTANCE_ID = /^[A-Za-z0-9._:@-]{1,100}$/;

function instanceId(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (!INSTANCE_ID.test(raw)) throw new ConfigError(`ROLEGRAPH_INSTANCE_ID must be 1-100 letters, digits or . _ : @ -, got ${JSON.stringify(raw)}`);
  return raw;
}

function corsOriginsFrom(raw: string | undefined): CorsOrigins {
  try {
    return parseCorsOrigins(raw);
  } catch (err) {
    if (err instanceof CorsConfigError) throw new ConfigError(err.message);
    throw err;
  }
}

/** The limits, with a bad value reported like every other configuration mistake. */
function limitsFrom(env: Record<string, string | undefined>): Limits {
  try {
    return loadLimits(env);
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
}

/** The tracing settings, a bad endpoint reported like every other configuration mistake. */
function tracingFrom(env: Record<string, string | undefined>): TracingConfig | null {
  try {
    return loadTracingConfig(env);
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
}

/** The config as it may be logged: secrets replaced by whether they are set, URL credentials masked. */
export function redactConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...config,
    repo: config.repo === null ? null : redactCredentials(config.repo),
    redisUrl: config.redisUrl === null ? null : redactCredentials(config.redisUrl),
    tracing: config.tracing === null ? null : { ...config.tracing, url: redactCredentials(config.tracing.url) },
  };
  for (const key of SECRET_KEYS) out[key] = config[key] === null ? null : '[set]';
  return out;
}
