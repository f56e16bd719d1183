// The limits that keep one client from exhausting the server: how big, deep, wide and long an
// operation may be, and how large a request body. Read once at startup from the environment; a
// value that is not a sensible number stops startup, because a silently ignored limit is no limit.

export interface Limits {
  /** Deepest selection nesting an operation may have (introspection is exempt). */
  maxDepth: number;
  /** Highest static cost (graphql-armor's estimate: objects, scalars, depth, literal `first`). */
  maxCost: number;
  /** Aliases per operation: each alias re-runs its field, so aliases multiply work. */
  maxAliases: number;
  /** Directives per operation (`@include` spam is the same trick as alias spam). */
  maxDirectives: number;
  /** Lexical tokens per document; the parser stops counting here, before building a huge AST. */
  maxTokens: number;
  /** After this many milliseconds an operation's unfinished fields fail with TIMEOUT. */
  operationTimeoutMs: number;
  /** Whether `__schema`/`__type` queries are answered (GraphiQL needs them). */
  introspection: boolean;
  /** Largest request body accepted, in bytes; bigger bodies get 413 before any parsing. */
  maxBodyBytes: number;
  /** Most bytes of answers the HTTP answer cache keeps in all (it also keeps at most its entry count). */
  responseCacheBytes: number;
  /** Open WebSockets in all; one more is closed with 4429. */
  maxWsConnections: number;
  /** Open WebSockets from one remote address (behind a proxy: the proxy's); one more is closed with 4429. */
  maxWsConnectionsPerAddress: number;
  /** Live subscriptions on one WebSocket; one more closes that socket with 4429. */
  maxSubscriptionsPerConnection: number;
  /** Live subscriptions over all WebSockets; one more closes the socket asking with 4429. */
  maxSubscriptions: number;
  /** Milliseconds a new WebSocket may take to send `connection_init`; later, it is closed with 4408. */
  wsInitTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxDepth: 12,
  maxCost: 20000,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 5000,
  operationTimeoutMs: 10_000,
  introspection: true,
  maxBodyBytes: 1024 * 1024,
  // Answers run from a few hundred bytes (one role) to megabytes (whole families with their roles):
  // 64 MiB holds the default 1000 entries while they average 64 KB, and one answer may take at most
  // an eighth of it.
  responseCacheBytes: 64 * 1024 * 1024,
  // A browser tab holds one socket with one headChanged subscription; these leave room for many
  // tabs behind one NAT and for clients that subscribe per view, and bound a flood: at most
  // 1000 × 20 subscriptions would exist even without the total cap.
  maxWsConnections: 1000,
  maxWsConnectionsPerAddress: 50,
  maxSubscriptionsPerConnection: 20,
  maxSubscriptions: 5000,
  // graphql-ws's own default.
  wsInitTimeoutMs: 3000,
});

/** Environment variable for each numeric limit. */
const NUMERIC_ENV: ReadonlyArray<[keyof Limits, string, { min: number; max: number }]> = [
  ['maxDepth', 'ROLEGRAPH_MAX_DEPTH', { min: 1, max: 1000 }],
  ['maxCost', 'ROLEGRAPH_MAX_COST', { min: 1, max: 1e9 }],
  ['maxAliases', 'ROLEGRAPH_MAX_ALIASES', { min: 0, max: 100_000 }],
  ['maxDirectives', 'ROLEGRAPH_MAX_DIRECTIVES', { min: 0, max: 100_000 }],
  ['maxTokens', 'ROLEGRAPH_MAX_TOKENS', { min: 1, max: 10_000_000 }],
  ['operationTimeoutMs', 'ROLEGRAPH_OPERATION_TIMEOUT_MS', { min: 1, max: 3_600_000 }],
  ['maxBodyBytes', 'ROLEGRAPH_MAX_BODY_BYTES', { min: 1, max: 1024 * 1024 * 1024 }],
  ['responseCacheBytes', 'ROLEGRAPH_RESPONSE_CACHE_BYTES', { min: 1, max: 8 * 1024 * 1024 * 1024 }],
  ['maxWsConnections', 'ROLEGRAPH_MAX_WS_CONNECTIONS', { min: 1, max: 1_000_000 }],
  ['maxWsConnectionsPerAddress', 'ROLEGRAPH_MAX_WS_CONNECTIONS_PER_ADDRESS', { min: 1, max: 1_000_000 }],
  ['maxSubscriptionsPerConnection', 'ROLEGRAPH_MAX_SUBSCRIPTIONS_PER_CONNECTION', { min: 1, max: 100_000 }],
  ['maxSubscriptions', 'ROLEGRAPH_MAX_SUBSCRIPTIONS', { min: 1, max: 10_000_000 }],
  ['wsInitTimeoutMs', 'ROLEGRAPH_WS_INIT_TIMEOUT_MS', { min: 1, max: 600_000 }],
];

/** A plain decimal integer, as an operator writes it in an env file (`12`, `1048576`). */
const DECIMAL_INTEGER = /^\d{1,10}$/;
/** Spellings operators use for on/off switches (`ROLEGRAPH_INTROSPECTION=false`). */
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

export class LimitsConfigError extends Error {
  readonly code = 'BAD_CONFIG' as const;
}

/** Limits from `env`, defaults for what is unset or empty. Throws LimitsConfigError naming the bad variable. */
export function loadLimits(env: NodeJS.ProcessEnv = process.env): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [key, name, range] of NUMERIC_ENV) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const value = DECIMAL_INTEGER.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
      throw new LimitsConfigError(`${name} must be an integer from ${range.min} to ${range.max}, got ${JSON.stringify(raw.slice(0, 40))}`);
    }
    (limits[key] as number) = value;
  }
  const introspection = env.ROLEGRAPH_INTROSPECTION?.trim().toLowerCase();
  if (introspection) {
    if (TRUE_WORDS.has(introspection)) limits.introspection = true;
    else if (FALSE_WORDS.has(introspection)) limits.introspection = false;
    else throw new LimitsConfigError(`ROLEGRAPH_INTROSPECTION must be true or false, got ${JSON.stringify(introspection.slice(0, 40))}`);
  }
  return limits;
}
