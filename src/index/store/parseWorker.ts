// The parse pool's worker (parsePool.ts): parses the pages it is sent and answers each with the
// family as JSON text, which is both what the pack stores and how the family crosses back (one
// string per page instead of a structured clone of thousands of small objects). Plain data only.
import { parentPort, workerData } from 'node:worker_threads';
import { parseFamily } from '../../parse';
import type { ParseReply, ParseRequest } from './parsePool';

const port = parentPort;
if (!port) throw new Error('parseWorker runs as a worker thread');
const { contentDir } = workerData as { contentDir?: string };

port.on('message', (request: ParseRequest) => {
  const bytes = Buffer.from(request.bytes);
  const bodies: string[] = [];
  let start = 0;
  for (let i = 0; i < request.paths.length; i++) {
    const end = request.ends[i];
    bodies.push(JSON.stringify(parseFamily(request.paths[i], bytes.subarray(start, end), { contentDir })));
    start = end;
  }
  const reply: ParseReply = { id: request.id, bodies };
  port.postMessage(reply);
});
