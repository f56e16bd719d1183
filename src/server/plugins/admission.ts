// An admission queue for the operations whose answers run to megabytes (a `diff` root field: every
// changed role with its field changes). graphql-js holds a whole result tree per execution until it
// is serialised, tens of megabytes for a first-to-last diff at 20k commits, so ten distinct diffs at
// once took the server from 400 MB to over 1.2 GB while answering no faster: execution is CPU work
// on one thread either way. At most `slots` of them execute at once, from the moment the operation is
// known (didResolveOperation) until its answer is about to be serialised (willSendResponse); the rest
// wait in arrival order. The wait counts against the operation's deadline like any other time.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import pLimit from 'p-limit';
import type { Metrics } from '../metrics';
import { selectsAnyRootField } from './cacheableAnswer';

/** Root fields whose answers grow with the history they compare. */
export const DEFAULT_LARGE_ROOT_FIELDS: readonly string[] = ['diff'];
/** Two: one answer being serialised and sent while the next executes. */
export const DEFAULT_LARGE_OPERATION_SLOTS = 2;

export interface AdmissionOptions {
  slots?: number;
  largeRootFields?: readonly string[];
  metrics?: Pick<Metrics, 'trackWaiting'>;
}

export function admissionPlugin<TContext extends BaseContext>(opts: AdmissionOptions = {}): ApolloServerPlugin<TContext> {
  const slots = opts.slots ?? DEFAULT_LARGE_OPERATION_SLOTS;
  if (!Number.isInteger(slots) || slots < 1) throw new RangeError('slots must be a positive integer');
  const large = new Set(opts.largeRootFields ?? DEFAULT_LARGE_ROOT_FIELDS);
  const limit = pLimit(slots);
  /** Resolves with the function that gives the slot back, once one is free. */
  const acquire = (): Promise<() => void> =>
    new Promise((granted) => {
      void limit(() => new Promise<void>((release) => granted(release)));
    });

  return {
    async requestDidStart() {
      let slot: Promise<() => void> | null = null;
      return {
        async didResolveOperation({ operation, document }) {
          if (!operation || !selectsAnyRootField(operation, document, large)) return;
          slot = acquire();
          opts.metrics?.trackWaiting('admission', 1);
          try {
            await slot;
          } finally {
            opts.metrics?.trackWaiting('admission', -1);
          }
        },
        async willSendResponse() {
          // Also when another plugin refused the operation while this one still waited: the slot
          // is given back as soon as it is granted.
          if (slot) void slot.then((release) => release());
          slot = null;
        },
      };
    },
  };
}
