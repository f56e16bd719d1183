// Single flight for identical GraphQL requests in flight at once. Ten clients opening the same page
// at the same moment used to make ten executions of the same answer — for a first-to-last diff at
// 20k commits, ten copies of a megabyte answer's result tree, 400 MB → 1.2 GB. Now the first one
// (the leader) executes; the others wait for its bytes and are sent them.
//
// Keyed like the HTTP answer cache (responseBytesCache.ts): the served head, Accept, Origin and the
// request body's bytes. Only plain public queries are candidates (the answer cache's rules:
// `POST /graphql`, JSON, no Authorization), and an answer is shared only when the same rule that
// lets the answer cache keep it holds (a query without live root fields, a clean result, 200, the
// head unchanged: cacheableAnswer.keepableAnswer). When the leader's operation turns out not to be
// shareable (a mutation, `repository`), the waiting requests are let go as soon as that is known
// and execute themselves, as they always did.
//
// It works whether or not the answer cache is on: in front of express, behind the answer cache,
// which hands it the body it already read and parsed, and its bytes.
import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { RolegraphContext } from '../../graphql';
import type { Metrics } from '../metrics';
import type { RequestListener } from '../routes';
import { answerVerdict, DEFAULT_UNCACHEABLE_ROOT_FIELDS, selectsAnyRootField, type AnswerVerdict } from './cacheableAnswer';
import { bodyBytesOf, eligibleLength, keepBodyBytes, NOT_STORED, parseJsonBody, readBody, refuseMalformed } from './responseBytesCache';
import { onWholeAnswer } from './wholeAnswer';

export interface SingleFlightOptions {
  /** The request body limit: a larger declared body is left to express.json to refuse. */
  maxBodyBytes: number;
  /** The head sha served right now, or null before the first index. */
  currentHead: () => string | null;
  metrics: Pick<Metrics, 'observeGraphqlRequest' | 'countSharedAnswer' | 'trackWaiting'>;
  /** Told of each answer sent from another request's execution (the request log notes it). */
  onShared?: (req: IncomingMessage, operationName: string | null) => void;
  uncacheableRootFields?: readonly string[];
  clock?: () => bigint;
}

export interface SingleFlight {
  /** A node:http request listener: leads, follows or passes each request on to `next`. */
  listener(next: RequestListener): RequestListener;
  /** Call from Apollo's context function: links a leader's context to its flight. */
  track<T extends object>(req: IncomingMessage, contextValue: T): T;
  /** Tells a flight whether its answer may be shared (add to the server's plugins). */
  readonly plugin: ApolloServerPlugin<RolegraphContext>;
}

/** The leader's answer as the waiting requests are sent it. */
interface Answer {
  headers: OutgoingHttpHeaders;
  body: Buffer;
  operationName: string | null;
}

interface Flight {
  head: string;
  /** Requests waiting for this one's answer: with none, its bytes are not copied. */
  waiting: number;
  /**
   * The leader's answer, or null: each waiting request executes itself. Settles once. Made by the
   * first request that waits, which also starts watching the leader's bytes: most flights have no
   * one waiting, and then cost no promise and no wrapped response.
   */
  wait(): Promise<Answer | null>;
  settle(answer: Answer | null): void;
  /** What the Apollo plugin found, set in willSendResponse. */
  verdict: AnswerVerdict | null;
}

const FLIGHT = Symbol('rolegraph.singleFlight');
type FlightRequest = IncomingMessage & { [FLIGHT]?: Flight; body?: unknown };
/** Apollo hands plugins a shallow copy of the context object, which keeps own symbol properties. */
type FlightContext = { [FLIGHT]?: Flight };

/**
 * The flight's key: the request's own bytes, as the answer cache keys them. Accept and Origin are
 * part of the answer (content type, CORS headers). Kept as text rather than hashed: a key lives only
 * while its request is in flight, and a Map compares the text exactly. No header value can hold a
 * NUL (node refuses it), so the parts cannot run into each other.
 */
function keyOf(head: string, req: IncomingMessage, bytes: Buffer): string {
  return `${head}\0${req.headers.accept ?? ''}\0${req.headers.origin ?? ''}\0${bytes.toString('latin1')}`;
}

function answerHeaders(res: ServerResponse, body: Buffer): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(res.getHeaders())) if (!NOT_STORED.has(name) && value !== undefined) out[name] = value;
  out['content-length'] = body.length;
  return out;
}

export function createSingleFlight(opts: SingleFlightOptions): SingleFlight {
  const uncacheable = new Set(opts.uncacheableRootFields ?? DEFAULT_UNCACHEABLE_ROOT_FIELDS);
  const clock = opts.clock ?? (() => process.hrtime.bigint());
  const flights = new Map<string, Flight>();

  /** Sees the leader's bytes as they go out; an answer written in several pieces is not shared. */
  const capture = (flight: Flight, res: ServerResponse): void => {
    onWholeAnswer(
      res,
      (body) => flight.settle(body ? { headers: answerHeaders(res, body), body, operationName: flight.verdict!.operationName } : null),
      // Copying a megabyte answer that nobody waits for would only add garbage.
      () => {
        const v = flight.verdict;
        return flight.waiting > 0 && v !== null && v.keepable && v.head === flight.head && res.statusCode === 200;
      },
    );
  };

  const open = (key: string, head: string, res: ServerResponse): Flight => {
    let settled = false;
    let done: Promise<Answer | null> | undefined;
    let resolve: ((answer: Answer | null) => void) | undefined;
    const flight: Flight = {
      head,
      waiting: 0,
      verdict: null,
      wait() {
        if (!done) {
          done = new Promise<Answer | null>((r) => (resolve = r));
          // A leader that has begun to write is not watched (part of its answer is gone): the
          // waiting requests execute themselves once it closes.
          if (!res.headersSent) capture(flight, res);
        }
        return done;
      },
      settle(answer) {
        if (settled) return;
        settled = true;
        // Later identical requests start a flight of their own.
        if (flights.get(key) === flight) flights.delete(key);
        resolve?.(answer);
      },
    };
    flights.set(key, flight);
    // The flight ends with the leader's response at the latest: answered unwatched (no one was
    // waiting when it went out), or its connection gone before it did; the others run themselves.
    res.once('close', () => flight.settle(null));
    return flight;
  };

  const follow = (flight: Flight, req: IncomingMessage, res: ServerResponse, next: RequestListener): void => {
    const startedAt = clock();
    flight.waiting += 1;
    opts.metrics.trackWaiting('singleFlight', 1);
    void flight.wait().then((answer) => {
      opts.metrics.trackWaiting('singleFlight', -1);
      if (!answer) {
        next(req, res);
        return;
      }
      opts.onShared?.(req, answer.operationName);
      opts.metrics.countSharedAnswer();
      res.writeHead(200, answer.headers);
      res.end(answer.body);
      opts.metrics.observeGraphqlRequest(answer.operationName, Number(clock() - startedAt) / 1e9);
    });
  };

  const route = (req: FlightRequest, res: ServerResponse, bytes: Buffer, next: RequestListener): void => {
    const head = opts.currentHead();
    if (head === null) {
      next(req, res);
      return;
    }
    const key = keyOf(head, req, bytes);
    const flight = flights.get(key);
    if (flight) {
      follow(flight, req, res, next);
      return;
    }
    req[FLIGHT] = open(key, head, res);
    next(req, res);
  };

  const listener =
    (next: RequestListener): RequestListener =>
    (req, res) => {
      const length = eligibleLength(req, opts.maxBodyBytes);
      if (length === null || opts.currentHead() === null) {
        next(req, res);
        return;
      }
      const r = req as FlightRequest;
      // The answer cache in front has read and parsed an eligible body already, and kept its bytes.
      if (r.body !== undefined) {
        // Read by someone who kept no bytes to key on: not a candidate (its stream is spent).
        const read = bodyBytesOf(req);
        if (read === undefined) next(req, res);
        else route(r, res, read, next);
        return;
      }
      readBody(req, length, (body) => {
        if (body === null) {
          res.destroy();
          return;
        }
        const parsed = parseJsonBody(body);
        if (!parsed) {
          refuseMalformed(res);
          return;
        }
        r.body = parsed.value;
        keepBodyBytes(req, body);
        route(r, res, body, next);
      });
    };

  const plugin: ApolloServerPlugin<RolegraphContext> = {
    async requestDidStart({ contextValue }) {
      const flight = (contextValue as FlightContext)[FLIGHT];
      if (!flight) return;
      return {
        async didResolveOperation({ operation, document }) {
          // Not a candidate (a mutation, live state): the waiting requests need not wait any longer.
          if (operation?.operation !== 'query' || selectsAnyRootField(operation, document, uncacheable)) flight.settle(null);
        },
        async willSendResponse(rc) {
          flight.verdict = answerVerdict(rc, uncacheable);
        },
      };
    },
  };

  return {
    listener,
    track(req, contextValue) {
      const flight = (req as FlightRequest)[FLIGHT];
      if (flight) (contextValue as FlightContext)[FLIGHT] = flight;
      return contextValue;
    },
    plugin,
  };
}
