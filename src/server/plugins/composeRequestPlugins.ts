// Several Apollo plugins as one, for those that only listen to a request's plain hooks. Apollo
// walks every request listener at every phase of every request — didResolveSource,
// didResolveOperation, responseForOperation (one awaited listener at a time), executionDidStart,
// willSendResponse — making a promise per listener whether or not it has the hook. With nine of
// ours that was some seventy promises per request for the dozen hooks that exist, a visible share of
// the pipeline floor (`{ __typename }`, bench/ANALYSIS.md issue 15 target 4). Composed, Apollo sees
// one listener holding exactly the hooks its parts have for this request.
//
// Each hook starts every part's hook in the parts' order and waits for all of them, as Apollo does
// with its listeners, so the order of effects (a cost report added before the answer is hashed)
// and the errors thrown (a refused subscription) are what they were.
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';

/** The hooks Apollo starts on all listeners together and awaits together. */
const PLAIN_HOOKS = ['didResolveSource', 'didResolveOperation', 'didEncounterErrors', 'willSendResponse'] as const;
type PlainHook = (typeof PLAIN_HOOKS)[number];
const PLAIN: ReadonlySet<string> = new Set(PLAIN_HOOKS);

type Listener<TContext extends BaseContext> = GraphQLRequestListener<TContext>;

export class UncomposableHookError extends Error {
  readonly code = 'UNCOMPOSABLE_HOOK' as const;
}

/** All of `listeners`' `hook`s, started in order and awaited together; undefined when none has it. */
function together<TContext extends BaseContext, H extends PlainHook>(listeners: readonly Listener<TContext>[], hook: H): Listener<TContext>[H] | undefined {
  const having = listeners.filter((l) => l[hook] !== undefined);
  if (having.length === 0) return undefined;
  type Arg = Parameters<NonNullable<Listener<TContext>[H]>>[0];
  // Called as the listener's own method, as Apollo calls it.
  const call = (l: Listener<TContext>, arg: Arg): Promise<void> => (l[hook] as (this: Listener<TContext>, a: Arg) => Promise<void>).call(l, arg);
  if (having.length === 1) {
    const only = having[0]!;
    return ((arg: Arg) => call(only, arg)) as Listener<TContext>[H];
  }
  const run = async (arg: Arg): Promise<void> => {
    await Promise.all(having.map((l) => call(l, arg)));
  };
  return run as Listener<TContext>[H];
}

/** `parts`, each a requestDidStart alone whose listeners use only the plain hooks (both checked), as one plugin. */
export function composeRequestPlugins<TContext extends BaseContext>(parts: readonly ApolloServerPlugin<TContext>[]): ApolloServerPlugin<TContext> {
  for (const part of parts) {
    const other = Object.keys(part).find((key) => key !== 'requestDidStart');
    // A server-level hook here would never be called: such a plugin stays on its own.
    if (other !== undefined) throw new UncomposableHookError(`a composed plugin may only have requestDidStart, not ${other}`);
  }
  return {
    async requestDidStart(rc: GraphQLRequestContext<TContext>) {
      const started = await Promise.all(parts.map((part) => part.requestDidStart?.(rc)));
      const listeners: Listener<TContext>[] = [];
      for (const listener of started) {
        if (!listener) continue;
        for (const key in listener) {
          // A hook Apollo calls differently (a did-start hook, responseForOperation) must not be dropped silently.
          if (!PLAIN.has(key)) throw new UncomposableHookError(`a composed plugin's listener may only use ${PLAIN_HOOKS.join(', ')}, not ${key}`);
        }
        listeners.push(listener);
      }
      if (listeners.length === 0) return undefined;
      if (listeners.length === 1) return listeners[0];
      const composed: Listener<TContext> = {};
      const didResolveSource = together(listeners, 'didResolveSource');
      if (didResolveSource) composed.didResolveSource = didResolveSource;
      const didResolveOperation = together(listeners, 'didResolveOperation');
      if (didResolveOperation) composed.didResolveOperation = didResolveOperation;
      const didEncounterErrors = together(listeners, 'didEncounterErrors');
      if (didEncounterErrors) composed.didEncounterErrors = didEncounterErrors;
      const willSendResponse = together(listeners, 'willSendResponse');
      if (willSendResponse) composed.willSendResponse = willSendResponse;
      return composed;
    },
  };
}
