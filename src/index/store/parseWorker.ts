// The parse pool's worker (parsePool.ts): parses the pages it is sent and answers each with the
// family as JSON text, which is both what the pack stores and how the family crosses back (a few
// strings per page instead of a structured clone of thousands of small objects), cut at its roles
// (familyJson.ts). Plain data only.
import { parentPort, workerData } from 'node:worker_threads';
import { parseFamily } from '../../parse';
import type { ParseReply, ParseRequest } from './parsePool';
import { createFamilyJsonWriter, type FamilyJson } from './familyJson';

const port = parentPort;
if (!port) throw new Error('parseWorker runs as a worker thread');
const { contentDir } = workerData as { contentDir?: string };
// Remembers the last page written: chunks hold a page's versions one after another (parseOrder.ts).
const familyJson = createFamilyJsonWriter();

port.on('message', (request: ParseRequest) => {
  const bytes = Buffer.from(request.bytes);
  const families: FamilyJson[] = [];
  let start = 0;
  for (let i = 0; i < request.paths.length; i++) {
    const end = request.ends[i];
    families.push(familyJson(parseFamily(request.paths[i], bytes.subarray(start, end), { contentDir })));
    start = end;
  }
  const reply: ParseReply = { id: request.id, families };
  port.postMessage(reply);
});
