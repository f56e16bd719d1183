// The attacker of websocketFlood.test.ts, in its own process so its own work (framing 20,000
// messages per socket) does not load the event loop whose latency the test measures.
//   node floodChild.js <ws url> <sockets> <frames per socket>
// Each socket: connection_init, then <frames> subscribe frames as fast as ws sends them, once (a
// bounded flood). Prints "flooding" once every socket has queued its burst; runs until killed.
const WebSocket = require('ws');

const [url, sockets, frames] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const frame = (i) => JSON.stringify({ id: `x${i}`, type: 'subscribe', payload: { query: 'subscription { headChanged { changedRoleIds } }' } });
const burst = Array.from({ length: frames }, (_, i) => frame(i));
let started = 0;

function attack() {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  socket.on('error', () => undefined);
  socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
  socket.once('message', () => {
    for (const message of burst) {
      if (socket.readyState !== WebSocket.OPEN) break;
      socket.send(message);
    }
    started += 1;
    if (started === sockets) process.stdout.write('flooding\n');
  });
}

for (let i = 0; i < sockets; i += 1) attack();
