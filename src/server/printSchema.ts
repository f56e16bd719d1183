// `npm run schema`: writes schema/schema.graphql from the built schema; tests/graphql/schema.test.ts
// fails when it is stale. In server/, not graphql/: graphql code never touches the file system.
import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { buildRolegraphSchema } from '../graphql';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql');

export async function printRolegraphSchema(): Promise<string> {
  return `${printSchema(await buildRolegraphSchema())}\n`;
}

/** Writes to SCHEMA_FILE, or to the path given as the first argument. */
async function main(): Promise<void> {
  const target = process.argv[2] ? path.resolve(process.argv[2]) : SCHEMA_FILE;
  fs.writeFileSync(target, await printRolegraphSchema());
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
