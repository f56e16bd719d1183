// graphql-ws over `ws` on the GraphQL path: our own adapter on graphql-ws's `makeServer` (its
// documented way to bring a transport) instead of its `useServer`, which reports a client's broken
// frame (2 MB over maxPayload, invalid UTF-8, a bad opcode) with `console.error(…, err)`: a
// multi-line stack with node_modules paths on stderr, where the log must be JSON lines only. Here
// every socket problem is one log line through the server's logger, and a frame's failure closes
// the socket with graphql-ws's own close codes.
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import type { ServerLogger } from './app';

/** How often an idle socket is pinged, and how long its pong may take (graphql-ws's default). */
const KEEP_ALIVE_MS = 12_000;
/** A close reason is at most 123 bytes (RFC 6455 §5.5); ours are short fixed strings. */
const INTERNAL_ERROR_REASON = 'Internal server error';

export interface Extra {
  socket: WebSocket;
  request: IncomingMessage;
}

export interface GraphqlWsOptions {
  /** graphql-ws server options: schema, context, parse/validate and hooks. */
  server: ServerOptions<Record<string, unknown> | undefined, Extra>;
  logger: ServerLogger;
}

/** What a socket's error says, without a stack: ws's errors carry a stable `code` (WS_ERR_…). */
function describeError(err: unknown): { message: string; code?: string } {
  if (!(err instanceof Error)) return { message: String(err) };
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? { message: err.message, code } : { message: err.message };
}

/** Serves graphql-ws on `wsServer`; returns a dispose that closes every socket and the server. */
export function serveGraphqlWs(wsServer: WebSocketServer, opts: GraphqlWsOptions): { dispose(): Promise<void> } {
  const { logger } = opts;
  const server = makeServer(opts.server);
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.on('error', (err) => logger.error({ err: describeError(err) }, 'websocket server error'));

  wsServer.on('connection', (socket, request) => {
    const remoteAddress = request.socket.remoteAddress ?? null;
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
            try {
              await cb(String(data));
            } catch (err) {
              logger.error({ err: describeError(err), remoteAddress }, 'websocket message failed');
              if (socket.readyState === socket.OPEN) socket.close(CloseCode.InternalServerError, INTERNAL_ERROR_REASON);
            }
          }),
      },
      { socket, request },
    );

    socket.once('close', (code, reason) => {
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
