// graphql-ws over `ws` on the GraphQL path: our own adapter on graphql-ws's `makeServer` (its
// documented way to bring a transport) instead of its `useServer`, which reports a client's broken
// frame (2 MB over maxPayload, invalid UTF-8, a bad opcode) with `console.error(…, err)`: a
// multi-line stack with node_modules paths on stderr, where the log must be JSON lines only. Here
// every socket problem is one log line through the server's logger, and a frame's failure closes
// the socket with graphql-ws's own close codes.
//
// It also bounds what one client can hold (limits.ts): sockets in all and per remote address,
// live subscriptions per socket and in all, and the wait for `connection_init`. Going over a cap
// closes the socket with 4429 (graphql-ws's "too many requests", which its client does not retry);
// frames still in flight on a closing socket are dropped unread. Without these, one socket's
// 20,000 subscribe frames were each parsed, validated and subscribed.
import { GraphQLError } from 'graphql';
import { CloseCode, handleProtocols, makeServer, type Context, type ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { createConnectionCounter } from './connectionCounter';
import type { Limits } from './limits';

/** How often an idle socket is pinged, and how long its pong may take (graphql-ws's default). */
const KEEP_ALIVE_MS = 12_000;
/** A close reason is at most 123 bytes (RFC 6455 §5.5); ours are short fixed strings. */
const INTERNAL_ERROR_REASON = 'Internal server error';

export interface Extra {
  socket: WebSocket;
  request: IncomingMessage;
}

type WsContext = Context<Record<string, unknown> | undefined, Extra>;

export type SocketLimits = Pick<Limits, 'maxWsConnections' | 'maxWsConnectionsPerAddress' | 'maxSubscriptionsPerConnection' | 'maxSubscriptions' | 'wsInitTimeoutMs'>;

export interface GraphqlWsOptions {
  /** graphql-ws server options: schema, context, parse/validate and hooks. */
  server: ServerOptions<Record<string, unknown> | undefined, Extra>;
  limits: SocketLimits;
  logger: Logger;
}

/** graphql-ws's close code for "too many requests"; its client treats it as final. */
const TOO_MANY = CloseCode.TooManyInitialisationRequests;

/** What a socket's error says, without a stack: ws's errors carry a stable `code` (WS_ERR_…). */
function describeError(err: unknown): { message: string; code?: string } {
  if (!(err instanceof Error)) return { message: String(err) };
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? { message: err.message, code } : { message: err.message };
}

/**
 * graphql-ws throws this (a plain Error) for a well-formed message a client must not send
 * (`connection_ack`, `next`, `error`: server-to-client types). The client's mistake, not ours:
 * 4400, not 4500. Found by tests/security/websocketFuzz.test.ts.
 */
const UNEXPECTED_TYPE = /^Unexpected message of type \S+ received$/;

/** Time for a refusal's close frame to leave before the connection is cut. */
const REFUSAL_FLUSH_MS = 250;

/**
 * Closes an abusive socket with 4429 and stops reading it: the frames it already sent (a flood
 * is thousands) are left unread instead of each being framed, decoded and dropped. The peer's
 * answer to the close would be unread too, so the connection is cut once the close frame is out.
 */
function refuse(socket: WebSocket, reason: string): void {
  socket.close(TOO_MANY, reason);
  socket.pause();
  setTimeout(() => socket.terminate(), REFUSAL_FLUSH_MS).unref();
}

/** Serves graphql-ws on `wsServer`; returns a dispose that closes every socket and the server. */
export function serveGraphqlWs(wsServer: WebSocketServer, opts: GraphqlWsOptions): { dispose(): Promise<void> } {
  const { logger, limits } = opts;
  const connections = createConnectionCounter({ maxTotal: limits.maxWsConnections, maxPerAddress: limits.maxWsConnectionsPerAddress });
  /** Acknowledged sockets; their `subscriptions` records hold every live (or starting) subscription. */
  const live = new Set<WsContext>();
  const totalSubscriptions = (): number => {
    let n = 0;
    for (const ctx of live) n += Object.keys(ctx.subscriptions).length;
    return n;
  };
  const inner = opts.server;
  const server = makeServer<Record<string, unknown> | undefined, Extra>({
    ...inner,
    connectionInitWaitTimeout: limits.wsInitTimeoutMs,
    onConnect: async (ctx) => {
      const answer = await inner.onConnect?.(ctx);
      if (answer !== false) live.add(ctx);
      return answer;
    },
    onClose: async (ctx, code, reason) => {
      live.delete(ctx);
      await inner.onClose?.(ctx, code, reason);
    },
    // graphql-ws has already entered this id in ctx.subscriptions, so the counts include it.
    onSubscribe: (ctx, id, payload) => {
      const own = Object.keys(ctx.subscriptions).length;
      if (own > limits.maxSubscriptionsPerConnection || totalSubscriptions() > limits.maxSubscriptions) {
        const which = own > limits.maxSubscriptionsPerConnection ? 'on this connection' : 'on this server';
        logger.warn({ remoteAddress: ctx.extra.request.socket.remoteAddress ?? null, subscriptions: own }, `websocket closed: too many subscriptions ${which}`);
        refuse(ctx.extra.socket, 'Too many subscriptions');
        return [new GraphQLError('Too many subscriptions')];
      }
      return inner.onSubscribe?.(ctx, id, payload);
    },
  });
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.on('error', (err) => logger.error({ err: describeError(err) }, 'websocket server error'));

  wsServer.on('connection', (socket, request) => {
    const remoteAddress = request.socket.remoteAddress ?? null;
    const address = remoteAddress ?? 'unknown';
    if (!connections.admit(address)) {
      logger.warn({ remoteAddress, open: connections.total }, 'websocket refused: too many connections');
      socket.on('error', () => undefined); // a refused socket's errors are not worth a line each
      refuse(socket, 'Too many connections');
      return;
    }
    // ws has already started closing (1009 for a frame over maxPayload, 1007 for bad UTF-8, …):
    // the error is the client's, worth one line and no stack.
    socket.on('error', (err) => logger.warn({ err: describeError(err), remoteAddress }, 'websocket error'));

    let pongWait: NodeJS.Timeout | null = null;
    const pingInterval = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, KEEP_ALIVE_MS);

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (err) => (err ? reject(err) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', async (data) => {
            // A socket being closed (over a cap, or by its client) reads nothing more.
            if (socket.readyState !== socket.OPEN) return;
            try {
              await cb(String(data));
            } catch (err) {
              if (err instanceof Error && UNEXPECTED_TYPE.test(err.message)) {
                logger.warn({ err: describeError(err), remoteAddress }, 'websocket closed: unexpected message');
                if (socket.readyState === socket.OPEN) socket.close(CloseCode.BadRequest, 'Invalid message received');
                return;
              }
              logger.error({ err: describeError(err), remoteAddress }, 'websocket message failed');
              if (socket.readyState === socket.OPEN) socket.close(CloseCode.InternalServerError, INTERNAL_ERROR_REASON);
            }
          }),
      },
      { socket, request },
    );

    socket.once('close', (code, reason) => {
      connections.release(address);
      if (pongWait) clearTimeout(pongWait);
      clearInterval(pingInterval);
      void closed(code, reason.toString()).catch((err: unknown) => logger.error({ err: describeError(err) }, 'websocket close failed'));
    });
  });

  return {
    async dispose() {
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
