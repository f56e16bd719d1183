// Apollo Server plugin: an operation that runs past its deadline answers with a TIMEOUT error
// instead of holding the connection (and a share of two CPU cores) until it finishes.
//
// GraphQL execution cannot be cancelled from outside, so the deadline is enforced where control
// passes through our code: every field that has a resolver is wrapped once, at server start.
// After the deadline a wrapped field throws TIMEOUT without running; a resolver still awaiting
// (an old snapshot being built, a slow search) is raced against the deadline, so the answer goes
// out on time while the abandoned work finishes in the background and is dropped. Subscriptions
// never pass through Apollo's request pipeline, so they have no deadline and are unaffected.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { CodedError } from '../../util';

export const TIMEOUT_CODE = 'TIMEOUT';

export class OperationTimeoutError extends CodedError {
  readonly code = TIMEOUT_CODE;
  constructor(readonly timeoutMs: number) {
    super(`The operation took longer than ${timeoutMs} ms and was stopped; ask for less at once`);
  }
}

/**
 * Per-request deadline, on the request's context object (the one resolvers receive) under a symbol:
 * every wrapped field reads it, and a property read is a tenth of a WeakMap lookup.
 */
const DEADLINE = Symbol('rolegraph.deadline');
type WithDeadline = { [DEADLINE]?: Deadline };
/** Marks a schema whose resolvers are already wrapped, so two servers on one schema wrap once. */
const WRAPPED = Symbol('rolegraphDeadlineWrapped');

/**
 * Wrapped fields that run between two readings of the clock. Date.now() costs ~55 ns on these
 * machines, and the bench's 50-role page runs 102 wrapped fields: read at every field, the clock
 * was ~2% of the page's server CPU (bench/ANALYSIS.md, issue 15).
 * A field that awaits is raced against the deadline's timer, which marks it passed when it fires;
 * synchronous fields notice within this many.
 */
export const FIELDS_PER_CLOCK_READING = 16;

/** One request's deadline (exported for its tests). */
export class Deadline {
  private timer: NodeJS.Timeout | null = null;
  private gate: Promise<never> | null = null;
  private expired = false;
  /** Fields left before the clock is read again; the first field reads it. */
  private untilReading = 0;

  constructor(
    private readonly at: number,
    readonly timeoutMs: number,
  ) {}

  passed(): boolean {
    if (this.expired) return true;
    if (--this.untilReading > 0) return false;
    this.untilReading = FIELDS_PER_CLOCK_READING;
    this.expired = Date.now() >= this.at;
    return this.expired;
  }

  /** `value`, or a TIMEOUT rejection if the deadline comes first. One timer per request, made lazily. */
  race<T>(value: PromiseLike<T>): Promise<T> {
    if (!this.gate) {
      this.gate = new Promise<never>((_, reject) => {
        // Node's timers count whole milliseconds and fire up to 1 ms early: one that fires before
        // the deadline waits out the rest, so no field answers TIMEOUT before its time.
        const arm = (): void => {
          const left = this.at - Date.now();
          if (left <= 0) {
            this.expired = true;
            reject(new OperationTimeoutError(this.timeoutMs));
            return;
          }
          this.timer = setTimeout(arm, left);
          // A request's deadline never keeps a process alive on its own (a server closing, a test's worker exiting).
          this.timer.unref();
        };
        arm();
      });
      this.gate.catch(() => undefined); // nobody may be racing when it fires
    }
    return Promise.race([value, this.gate]);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Wraps, in place and once, every field resolver of `schema` with the deadline check. */
export function enforceDeadlines(schema: GraphQLSchema): void {
  const marked = schema as unknown as Record<symbol, boolean>;
  if (marked[WRAPPED]) return;
  Object.defineProperty(schema, WRAPPED, { value: true });
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      // A field without a resolver reads a property: synchronous and cheap, nothing to bound.
      if (!resolve) continue;
      const guarded: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
        const deadline = typeof context === 'object' && context !== null ? (context as WithDeadline)[DEADLINE] : undefined;
        if (!deadline) return resolve(source, args, context, info);
        if (deadline.passed()) throw new OperationTimeoutError(deadline.timeoutMs);
        const result = resolve(source, args, context, info);
        return isPromiseLike(result) ? deadline.race(result) : result;
      };
      field.resolve = guarded;
    }
  }
}

function isTimeout(error: GraphQLFormattedError): boolean {
  return error.extensions?.code === TIMEOUT_CODE;
}

export interface OperationTimeoutOptions {
  timeoutMs: number;
}

export function operationTimeoutPlugin(opts: OperationTimeoutOptions): ApolloServerPlugin {
  return {
    async serverWillStart({ schema }) {
      enforceDeadlines(schema);
    },
    async requestDidStart({ contextValue }) {
      const deadline = new Deadline(Date.now() + opts.timeoutMs, opts.timeoutMs);
      (contextValue as WithDeadline)[DEADLINE] = deadline;
      return {
        async willSendResponse({ response }) {
          deadline.dispose();
          (contextValue as WithDeadline)[DEADLINE] = undefined;
          // Once the deadline passes, every remaining field fails alike; one error says it all.
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors || errors.filter(isTimeout).length < 2) return;
          const firstTimeout = errors.find(isTimeout);
          response.body.singleResult.errors = errors.filter((e) => !isTimeout(e) || e === firstTimeout);
        },
      };
    },
  };
}
