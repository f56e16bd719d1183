// `rolegraph parse FILE [--as content/job-families/dept/name.md]`: what the parser makes of one file.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseFamily, type JobFamily } from '../../parse';

/** The path the page is parsed as: `--as`, the file's own path when it lies under a job-families folder, else its name. */
export function parsePathFor(file: string, as: string | undefined): string {
  if (as) return as;
  const normalized = file.split(path.sep).join('/');
  return normalized.includes('job-families/') ? normalized : `content/job-families/${path.basename(file)}`;
}

/**
 * The family as printed: each role also carries `key`, the name GraphQL gives the readable role key.
 * `id` stays the same key, because a file on its own has no commit to make a global id from.
 */
export function printableFamily(family: JobFamily): object {
  return { ...family, roles: family.roles.map(({ id, ...rest }) => ({ id, key: id, ...rest })) };
}

export async function runParse(file: string, opts: { as?: string }): Promise<number> {
  const text = await fs.readFile(file);
  const family = parseFamily(parsePathFor(file, opts.as), text);
  process.stdout.write(`${JSON.stringify(printableFamily(family), null, 2)}\n`);
  return 0;
}
