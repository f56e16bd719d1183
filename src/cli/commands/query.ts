// `rolegraph query '<graphql>' [--variables JSON]`: one operation against the index, JSON out.
import { graphql } from 'graphql';
import { buildRolegraphSchema, createContext, formatError } from '../../graphql';
import type { Config } from '../../server';
import { openIndex } from './openIndex';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseVariables(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new UsageError('--variables must be a JSON object, e.g. \'{"id": "sales/x#y"}\'');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError('--variables must be a JSON object');
  return value as Record<string, unknown>;
}

/** Prints the result; resolves with the exit code (1 when the answer holds errors). */
export async function runQuery(config: Config, source: string, opts: { variables?: string; operationName?: string }): Promise<number> {
  const variableValues = parseVariables(opts.variables);
  const indexer = await openIndex(config);
  try {
    const schema = await buildRolegraphSchema();
    // The operator at the terminal owns the cache: admin operations are theirs to run.
    const contextValue = createContext({ indexer, isAdmin: true });
    const result = await graphql({ schema, source, variableValues, contextValue, operationName: opts.operationName });
    const out: Record<string, unknown> = {};
    if (result.errors) out.errors = result.errors.map((e) => formatError(e.toJSON(), e));
    if (result.data !== undefined) out.data = result.data;
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return result.errors?.length ? 1 : 0;
  } finally {
    await indexer.close();
  }
}
