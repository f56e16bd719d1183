// Where an uncached operation's time goes, without HTTP: the same operation run N times through
// Apollo Server's executeOperation (plugins, validation cache, per-field hooks) and through bare
// graphql-js `execute` on the same schema and context, so the pipeline's share and execution's share
// are measured apart. Run under `node --cpu-prof` to see the per-field cost by function.
//   node dist-bench/bench/execProfile.js REPO_DIR CACHE_DIR OPERATION [N]
import { execute, parse } from 'graphql';
import fs from 'node:fs';
import { Session } from 'node:inspector';
import os from 'node:os';
import pino from 'pino';
import { createContext } from '../src/graphql';
import { createServer } from '../src/server/app';
import { git } from './gitProcess';
import { openIndex } from './openIndex';
import { longestHistory, OPERATIONS, PICK_ROLE } from './throughputProbe';

type OperationName = keyof typeof OPERATIONS;

async function main(): Promise<void> {
  const [repoDir, cacheDir, name, count] = process.argv.slice(2) as [string, string, OperationName, string | undefined];
  if (!repoDir || !cacheDir || !OPERATIONS[name]) throw new Error('usage: execProfile REPO_DIR CACHE_DIR OPERATION [N]');
  const n = Number(count ?? 500);
  const index = openIndex(repoDir, cacheDir, 'content/job-families');
  await index.indexer.refresh();
  const config = { adminToken: null, branch: 'main', gitlabToken: null, gitlabSigningSecret: null, githubSecret: null, responseCacheEntries: 0 };
  const server = await createServer({ config, indexer: index.indexer, logger: pino({ level: 'silent' }) });
  const contextValue = () => createContext({ indexer: index.indexer, isAdmin: false });
  // The role the throughput probe loads (pickRole): the longest history among the first 100.
  const pick = await server.apollo.executeOperation({ query: PICK_ROLE }, { contextValue: contextValue() });
  type Picked = { singleResult: { data: { roles: { edges: Array<{ node: { id: string; history: { totalCount: number } } }> } } } };
  const roleId = longestHistory((pick.body as unknown as Picked).singleResult.data.roles.edges.map((e) => e.node));
  const first = (await git(repoDir, ['rev-list', '--first-parent', '--max-parents=0', 'main'])).trim().split('\n')[0]!;
  const variables = name === 'diffFirstToLast' ? { from: first, to: 'main' } : name === 'roleLookup' || name === 'roleHistory' ? { id: roleId } : {};
  const query = OPERATIONS[name];
  const document = parse(query);
  // Apollo's own schema object: the one its plugins wrapped at start (deadlines, hooks).
  type Internals = { internals: { state: { schemaManager: { getSchemaDerivedData(): { schema: Parameters<typeof execute>[0]['schema'] } } } } };
  const schema = (server.apollo as unknown as Internals).internals.state.schemaManager.getSchemaDerivedData().schema;
  const time = async (label: string, run: () => Promise<unknown>): Promise<void> => {
    for (let i = 0; i < Math.min(50, n); i += 1) await run();
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < n; i += 1) await run();
    const us = Number(process.hrtime.bigint() - t0) / 1e3 / n;
    // CPU time (all of the process's threads, GC included) moves far less than wall time when other
    // work shares the cores: compare builds by it on a loaded machine.
    const cpu = process.cpuUsage(cpu0);
    const cpuUs = (cpu.user + cpu.system) / n;
    process.stdout.write(`${label}: ${us.toFixed(0)} µs per operation (${Math.round(1e6 / us)}/s), ${cpuUs.toFixed(0)} µs CPU\n`);
  };
  process.stdout.write(`load ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}\n`);
  // EXEC_PROF=FILE: a CPU profile of the Apollo loop alone (not of opening the index).
  const profFile = process.env.EXEC_PROF;
  const session = profFile ? new Session() : null;
  const post = (method: string): Promise<unknown> => new Promise((resolve, reject) => session!.post(method, (err, res) => (err ? reject(err) : resolve(res))));
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  await time('apollo executeOperation', () => server.apollo.executeOperation({ query, variables }, { contextValue: contextValue() }));
  if (session) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(profFile!, JSON.stringify(profile));
    session.disconnect();
  }
  await time('graphql-js execute', async () => execute({ schema, document, variableValues: variables, contextValue: contextValue() }));
  await server.close();
  await index.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
