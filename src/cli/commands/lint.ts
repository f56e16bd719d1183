// `rolegraph lint [--at REF] [--format text|json]`: the handbook's validation issues; exit 1 on errors,
// so a handbook's CI can run it on every merge request.
import { validateSnapshot, formatIssuesText } from '../../index';
import type { Config } from '../../server';
import { openIndex } from './openIndex';
import { UsageError } from '../usageError';

export async function runLint(config: Config, opts: { at?: string; format?: string }): Promise<number> {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got ${JSON.stringify(format)}`);
  const indexer = await openIndex(config);
  try {
    const view = indexer.current();
    if (!view) throw new Error('the index has no view after a successful refresh');
    const snapshot = await view.snapshotAt(await view.resolveRef(opts.at ?? null));
    const issues = validateSnapshot(snapshot);
    process.stdout.write(format === 'json' ? `${JSON.stringify({ commit: snapshot.commit.sha, issues }, null, 2)}\n` : formatIssuesText(issues));
    return issues.some((issue) => issue.severity === 'ERROR') ? 1 : 0;
  } finally {
    await indexer.close();
  }
}
