// Runs queries through graphql-jit inside Apollo Server, from a plugin's `responseForOperation`
// hook: Apollo's one way to answer an operation without its own execution. Everything before it
// stays Apollo's — parsing, validation with our limit rules, persisted queries, every earlier plugin
// hook — and so does everything after: willSendResponse, answerText, the HTTP answer.
//
// Why: an uncached list query spends most of its time in graphql-js's per-field work (argument
// values, a resolve info and a path per field, promise bookkeeping, null-prototype result objects
// that JSON.stringify serialises slowly). graphql-jit compiles each operation once into a function
// for that selection. On unless ROLEGRAPH_JIT=0 (bench/ANALYSIS.md has the measurements). (Its
// generated code reads a property with no resolver several times, a list five times, which is why
// field changes keep `added`/`removed` once worked out: src/index/fieldChanges.ts.)
//
// Not Apollo's `gateway` hook, which this was first: Apollo hands a gateway's executor a request
// context whose `response.http` has a getter and setter over the request's own context. V8 keeps
// such an object in dictionary mode with part of it in old space, and from there it held every
// request's whole object graph (the answer included) through the young-generation collections:
// ~2.6 MB promoted per scavenge under `{ __typename }`, GC ×5 the server's CPU share, and the bare
// server in the same process slower too (bench/ANALYSIS.md, "jit's per-request cost").
//
// Only an answer without errors is jit's. Anything else is left to Apollo's own execution, so its
// answer is graphql-js's, word for word and in graphql-js's order, formatted by Apollo as always:
// - mutations (the admin's `refresh`: rare, and never worth a compile);
// - an operation Apollo could not pick out of the document (graphql-js writes that error);
// - an operation's first sighting (it is compiled at its second: SEEN_PER_COMPILED says why);
// - anything compileQuery refuses (it answers errors instead of a compiled query);
// - variables graphql-js's own coercion refuses (jit's messages are its own): nothing has run yet;
// - a compiled run that ended with any error (queries only read, so running it again is safe; an
//   answer with errors costs both executions, an answer without pays jit's alone).
// Other plugins' execution hooks (executionDidStart and what it returns) do not run for an answer
// jit gave; tracing starts its execute span at responseForOperation for that reason.
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextResponseForOperation, type GraphQLResponse } from '@apollo/server';
import { getVariableValues, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** Operations kept compiled. A compiled query is a few generated functions (tens of KB at most). */
export const DEFAULT_COMPILED_OPERATIONS = 1000;

/** Remembered for an operation jit refused, so it is not compiled again at every request. */
const NOT_COMPILABLE = Symbol('not compilable');

/**
 * Operations seen once and not yet compiled, per compiled one kept. An operation is compiled at its
 * second sighting (as mercurius does): a frontend sends the same few operations again and again,
 * while a text seen once (a comment or whitespace changed per request, as a hostile client may send)
 * would otherwise pay a compile (up to ~2× graphql-js's parse and validation) for one run.
 */
const SEEN_PER_COMPILED = 4;

export interface JitOptions {
  /** Compiled operations kept, least recently used dropped first. */
  maxCompiled?: number;
}

export interface JitPlugin<TContext extends object> extends ApolloServerPlugin<TContext> {
  /** Operations answered by compiled code / left to graphql-js, since start (for tests and the curious). */
  counts(): { compiled: number; graphqlJs: number };
}

export function jitPlugin<TContext extends object>(opts: JitOptions = {}): JitPlugin<TContext> {
  const maxCompiled = opts.maxCompiled ?? DEFAULT_COMPILED_OPERATIONS;
  const compiled = new LRUCache<string, CompiledQuery | typeof NOT_COMPILABLE>({ max: maxCompiled });
  const seenOnce = new LRUCache<string, true>({ max: maxCompiled * SEEN_PER_COMPILED });
  const counts = { compiled: 0, graphqlJs: 0 };
  /** The schema Apollo executes against: the one its plugins wrapped at start (the deadlines). */
  let schema: GraphQLSchema | null = null;

  /** The compiled query for this operation of this document, or null when jit cannot (or not yet) run it. */
  const compiledFor = (rc: GraphQLRequestContextResponseForOperation<TContext>, on: GraphQLSchema): CompiledQuery | null => {
    // The hash is of the query text (Apollo's, persisted queries included); a document may hold
    // several operations, each compiled on its own.
    const key = `${rc.queryHash}\n${rc.operationName ?? ''}`;
    let entry = compiled.get(key);
    if (entry === undefined) {
      if (!seenOnce.has(key)) {
        seenOnce.set(key, true);
        return null;
      }
      seenOnce.delete(key);
      const made = compileQuery(on, rc.document, rc.operationName ?? undefined);
      entry = isCompiledQuery(made) ? made : NOT_COMPILABLE;
      compiled.set(key, entry);
    }
    return entry === NOT_COMPILABLE ? null : entry;
  };

  const answer = async (rc: GraphQLRequestContextResponseForOperation<TContext>): Promise<GraphQLResponse | null> => {
    // Apollo calls this hook even when it could not pick an operation out of the document (the types
    // say otherwise); its own execution then writes that error.
    const operation = rc.operation as typeof rc.operation | undefined;
    if (operation?.operation !== 'query' || !schema) return null;
    const query = compiledFor(rc, schema);
    if (!query) return null;
    const variables = rc.request.variables ?? {};
    if (operation.variableDefinitions?.length && getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 }).errors) return null;
    const result = await query.query(undefined, rc.contextValue, variables);
    if (result.data == null || result.errors?.length) return null;
    // What Apollo's own execution sets for an answer without errors: `{ ...result, errors: undefined }`, no status, no headers.
    return { body: { kind: 'single', singleResult: { data: result.data, errors: undefined } }, http: { status: undefined, headers: new HeaderMap() } };
  };

  const listener = {
    async responseForOperation(rc: GraphQLRequestContextResponseForOperation<TContext>): Promise<GraphQLResponse | null> {
      const response = await answer(rc);
      if (response) counts.compiled += 1;
      else counts.graphqlJs += 1;
      return response;
    },
  };

  return {
    counts: () => ({ ...counts }),
    async serverWillStart(service) {
      schema = service.schema;
      return {
        async serverWillStop() {
          compiled.clear();
          seenOnce.clear();
        },
      };
    },
    // One listener for every request: it keeps nothing of its own per request.
    async requestDidStart() {
      return listener;
    },
  };
}
