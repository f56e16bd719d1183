// Runs queries through graphql-jit behind Apollo Server, through Apollo's one hook for another
// executor: the `gateway` option (load() hands Apollo the schema and an executor). Everything
// before execution stays Apollo's — parsing, validation with our limit rules, persisted queries,
// every plugin hook, formatError and answerText — and so does everything after: the executor only
// returns an ExecutionResult where graphql-js's `execute` would have.
//
// Why: an uncached list query spent most of its time in graphql-js's per-field work (argument
// values, a resolve info and a path per field, promise bookkeeping, null-prototype result objects
// that JSON.stringify serialises slowly). graphql-jit compiles each operation once into a function
// for that selection. Measured here it did not pay, so it is off unless ROLEGRAPH_JIT=1
// (bench/ANALYSIS.md, wt/jit and wt/jit2): our own resolvers, not graphql-js, hold most of each
// operation's time, and jit costs more per request even for `{ __typename }`. (Its generated code
// reads a property with no resolver several times, a list five times, which is why field changes
// keep `added`/`removed` once worked out: src/index/fieldChanges.ts.)
//
// What still goes through graphql-js `execute`, so the answer is its own:
// - mutations (the admin's `refresh`: rare, and never worth a compile);
// - an operation Apollo could not pick out of the document (graphql-js writes that error);
// - anything compileQuery refuses (it answers errors instead of a compiled query);
// - variables graphql-js's own coercion refuses (jit's messages are its own): nothing has run yet;
// - a query whose compiled run ended with several errors (run again: see the executor).
import { execute, getVariableValues, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type SchemaListener = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayRequestContext = Parameters<GatewayExecutor>[0];

/** Operations kept compiled. A compiled query is a few generated functions (tens of KB at most). */
export const DEFAULT_COMPILED_OPERATIONS = 1000;

/** Remembered for an operation jit refused, so it is not compiled again at every request. */
const NOT_COMPILABLE = Symbol('not compilable');

export interface JitGatewayOptions {
  /** Compiled operations kept, least recently used dropped first. */
  maxCompiled?: number;
}

export interface JitGateway extends GatewayInterface {
  /** Runs one operation as Apollo's pipeline would hand it over (also what tests call directly). */
  readonly executor: GatewayExecutor;
  /** Operations answered by compiled code / by graphql-js, since start (for tests and the curious). */
  counts(): { compiled: number; graphqlJs: number };
}

export function jitGateway(schema: GraphQLSchema, opts: JitGatewayOptions = {}): JitGateway {
  const listeners = new Set<SchemaListener>();
  const compiled = new LRUCache<string, CompiledQuery | typeof NOT_COMPILABLE>({ max: opts.maxCompiled ?? DEFAULT_COMPILED_OPERATIONS });
  const counts = { compiled: 0, graphqlJs: 0 };

  const graphqlJs = (rc: GatewayRequestContext): Promise<ExecutionResult> | ExecutionResult => {
    counts.graphqlJs += 1;
    return execute({ schema, document: rc.document, contextValue: rc.context, variableValues: rc.request.variables, operationName: rc.request.operationName });
  };

  /** The compiled query for this operation of this document, or null when jit cannot run it. */
  const compiledFor = (rc: GatewayRequestContext): CompiledQuery | null => {
    // The hash is of the query text (Apollo's, persisted queries included); a document may hold
    // several operations, each compiled on its own.
    const key = `${rc.queryHash}\n${rc.operationName ?? ''}`;
    let entry = compiled.get(key);
    if (entry === undefined) {
      const made = compileQuery(schema, rc.document, rc.operationName ?? undefined);
      entry = isCompiledQuery(made) ? made : NOT_COMPILABLE;
      compiled.set(key, entry);
    }
    return entry === NOT_COMPILABLE ? null : entry;
  };

  const executor: GatewayExecutor = async (rc) => {
    const operation = rc.operation as GatewayRequestContext['operation'] | undefined;
    if (!operation || operation.operation !== 'query') return graphqlJs(rc);
    const query = compiledFor(rc);
    if (!query) return graphqlJs(rc);
    const variables = rc.request.variables ?? {};
    if (operation.variableDefinitions?.length && getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 }).errors) {
      return graphqlJs(rc);
    }
    const result = await query.query(undefined, rc.context, variables);
    // No data at all is a request-level refusal (jit's own variable coercion): nothing ran, so
    // graphql-js may say it in its words. Field errors always come with data (null at worst).
    if (result.data === undefined) return graphqlJs(rc);
    // Several errors: graphql-js lists them in the order they happened, which depends on how it
    // schedules fields (a synchronous error deep in one field before a rejection at the root in
    // another), and jit schedules differently; it also goes on with a list graphql-js abandons at
    // its first error. Queries only read, so graphql-js runs it again and its answer is the one
    // sent: an answer with errors costs both executions, an answer without pays jit's alone.
    if (result.errors && result.errors.length > 1) return graphqlJs(rc);
    counts.compiled += 1;
    // Only what graphql-js would return: `errors` when there is one (an empty list would be
    // written as `"errors":[]`).
    return result.errors?.length ? { data: result.data, errors: result.errors.map(asGraphqlJsError) } : { data: result.data };
  };

  return {
    executor,
    counts: () => ({ ...counts }),
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      // The schema never changes; Apollo learns it here. There is no supergraph behind us.
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      listeners.clear();
      compiled.clear();
    },
  };
}

/**
 * graphql-jit's errors are GraphQLErrors by prototype only: `extensions` is undefined when the
 * error thrown had none, and Apollo's error normaliser reads `extensions.code` (an error there
 * turns every field error into a bare INTERNAL_SERVER_ERROR without its path). This is the error
 * graphql-js's locatedError would have made: same message, locations, path and original error,
 * whose extensions it carries.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const original = error.originalError ?? undefined;
  const made = new GraphQLError(error.message, { path: error.path, originalError: original });
  (made as { locations: GraphQLError['locations'] }).locations = error.locations;
  return made;
}
