// `rolegraph query '<graphql>' [--variables JSON]`: one operation against the index, JSON out.
import { execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildRolegraphSchema, createContext, formatError } from '../../graphql';
import type { Config } from '../../server';
import { UsageError } from '../usageError';
import { openIndex } from './openIndex';


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

/** Syntax and validation mistakes as they are, with Apollo's codes, as the same mistake over HTTP answers. */
function checkDocument(schema: GraphQLSchema, source: string): { document: DocumentNode } | { errors: object[] } {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return { errors: [{ ...err.toJSON(), extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] };
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return { errors: invalid.map((e) => ({ ...e.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) };
  return { document };
}

const print = (out: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
};

/** Prints the result; resolves with the exit code (1 when the answer holds errors). */
export async function runQuery(config: Config, source: string, opts: { variables?: string; operationName?: string }): Promise<number> {
  const variableValues = parseVariables(opts.variables);
  const schema = await buildRolegraphSchema();
  // Checked before the index is opened: a typo should not wait for a clone.
  const checked = checkDocument(schema, source);
  if ('errors' in checked) {
    print({ errors: checked.errors });
    return 1;
  }
  const indexer = await openIndex(config);
  try {
    // The operator at the terminal owns the cache: admin operations are theirs to run.
    const contextValue = createContext({ indexer, isAdmin: true });
    const result = await execute({ schema, document: checked.document, variableValues, contextValue, operationName: opts.operationName });
    const out: Record<string, unknown> = {};
    if (result.errors) out.errors = result.errors.map((e) => formatError(e.toJSON(), e));
    if (result.data !== undefined) out.data = result.data;
    print(out);
    return result.errors?.length ? 1 : 0;
  } finally {
    await indexer.close();
  }
}
