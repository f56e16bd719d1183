// What every one-shot command needs: the configured (or sample) repository fetched and indexed
// into the cache, with progress on stderr. stdout stays clean for the command's own output.
import { SingleBar } from 'cli-progress';
import pino from 'pino';
import type { Indexer, IndexProgress } from '../../index';
import { createIndexerFor, resolveRepository, throttledProgress, type Config } from '../../server';

export interface OpenIndexOptions {
  /** Show progress (a bar on a terminal, plain lines otherwise). */
  progress?: boolean;
}

function progressReporter(): { onProgress: (p: IndexProgress) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: '{stage} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: true });
    let stage: string | null = null;
    return {
      onProgress: (p) => {
        if (p.stage !== stage) {
          if (stage !== null) bar.stop();
          stage = p.stage;
          bar.start(Math.max(p.total, 1), p.done, { stage: p.stage.padEnd(8) });
        } else {
          bar.setTotal(Math.max(p.total, 1));
          bar.update(p.done, { stage: p.stage.padEnd(8) });
        }
      },
      stop: () => bar.stop(),
    };
  }
  return {
    onProgress: throttledProgress((p) => process.stderr.write(`${p.stage} ${p.done}/${p.total}\n`)),
    stop: () => {},
  };
}

/** Fetches (or clones) and indexes; resolves with an indexer that has a view. Close it when done. */
export async function openIndex(config: Config, opts: OpenIndexOptions = {}): Promise<Indexer> {
  // Only warnings and worse reach stderr: a one-shot command's log is noise unless something is wrong.
  const logger = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }, pino.destination(2));
  const remote = await resolveRepository(config);
  const reporter = opts.progress ? progressReporter() : null;
  const indexer = createIndexerFor(config, remote, logger, reporter?.onProgress);
  try {
    await indexer.refresh();
    return indexer;
  } catch (err) {
    await indexer.close().catch(() => {});
    throw err;
  } finally {
    reporter?.stop();
  }
}
