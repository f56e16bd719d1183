#!/usr/bin/env node
// The `rolegraph` command. Each subcommand reads the same REPO OPTIONS (flags over env over
// defaults, see server/config.ts) and delegates to one function in ./commands or to startServer.
// The layers below are loaded by the subcommand that needs them, not up front: `--version`,
// `--help` and `parse` need none of the server, index or GraphQL code (~270 ms of module loading).
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { CodedError } from '../util';
import type { ConfigFlags } from '../server';
import { UsageError } from './usageError';

const serverLayer = () => import('../server');

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function withRepoOptions(cmd: Command): Command {
  return cmd
    .option('--repo <url|path>', 'content repository (default: the embedded sample handbook) [env ROLEGRAPH_REPO]')
    .option('--branch <name>', 'branch to track (default main) [env ROLEGRAPH_BRANCH]')
    .option('--content-dir <dir>', 'job-families folder in the repository (default: detected) [env ROLEGRAPH_CONTENT_DIR]')
    .option('--cache-dir <dir>', 'clone and parse cache (default ./repo-cache) [env ROLEGRAPH_CACHE_DIR]')
    .option('--redis-url <url>', 'Redis that replicas share: parsed pages, and for serve webhook fan-out, one poller, persisted queries (default: none, one process) [env ROLEGRAPH_REDIS_URL]');
}

/** Runs a command body; turns known failures into a one-line message and an exit code. */
function action<A extends unknown[]>(body: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await body(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (err) {
      // The server layer may be what failed to load; then the error is simply not a ConfigError.
      const ConfigError = (await serverLayer().catch(() => null))?.ConfigError;
      const usage = (ConfigError !== undefined && err instanceof ConfigError) || err instanceof UsageError;
      const known = usage || err instanceof CodedError || (err as NodeJS.ErrnoException)?.code === 'ENOENT';
      process.stderr.write(`rolegraph: ${known ? (err as Error).message : `unexpected error: ${String((err as Error)?.stack ?? err)}`}\n`);
      process.exitCode = usage ? 2 : 1;
    }
  };
}

const config = async (flags: ConfigFlags) => (await serverLayer()).loadConfig(flags, process.env);

export function buildProgram(): Command {
  const program = new Command('rolegraph')
    .description('A GraphQL gateway over a job-architecture handbook kept in git')
    .version(version())
    .showHelpAfterError();

  withRepoOptions(program.command('serve').description('serve GraphQL (and GraphiQL) over the handbook'))
    .option('--port <n>', 'port to listen on (default 4000) [env PORT]')
    .option('--host <addr>', 'address to bind (default 0.0.0.0) [env ROLEGRAPH_HOST]')
    .option('--poll-seconds <n>', 'seconds between fetches, 0 = webhooks only (default 60) [env ROLEGRAPH_POLL_SECONDS]')
    .action(
      action(async (opts: ConfigFlags) => {
        const { startServer } = await serverLayer();
        await startServer(await config(opts), { handleSignals: true });
      }),
    );

  withRepoOptions(program.command('query').description('run one GraphQL operation against the index and print the JSON result'))
    .argument('<graphql>', 'the GraphQL document')
    .option('--variables <json>', 'variables as a JSON object')
    .option('--operation-name <name>', 'which operation of the document to run')
    .action(
      action(async (source: string, opts: ConfigFlags & { variables?: string; operationName?: string }) => {
        const { runQuery } = await import('./commands/query');
        return runQuery(await config(opts), source, { variables: opts.variables, operationName: opts.operationName });
      }),
    );

  program
    .command('parse')
    .description('print what the parser makes of one job-family file, as JSON')
    .argument('<file>', 'a job-family markdown file')
    .option('--as <path>', 'parse it as this repository path, e.g. content/job-families/sales/x.md (decides the slug)')
    .action(
      action(async (file: string, opts: { as?: string }) => {
        const { runParse } = await import('./commands/parse');
        return runParse(file, opts);
      }),
    );

  withRepoOptions(program.command('index').description('build or update the cache, then print its statistics')).action(
    action(async (opts: ConfigFlags) => {
      const { runIndex } = await import('./commands/indexCommand');
      return runIndex(await config(opts));
    }),
  );

  withRepoOptions(program.command('lint').description('validate the handbook; exit 1 when there are errors'))
    .option('--at <ref>', 'commit, branch, tag or ISO date (default: head)')
    .option('--format <format>', 'text or json', 'text')
    .action(
      action(async (opts: ConfigFlags & { at?: string; format?: string }) => {
        const { runLint } = await import('./commands/lint');
        return runLint(await config(opts), opts);
      }),
    );

  return program;
}

if (require.main === module) {
  void buildProgram().parseAsync(process.argv);
}
