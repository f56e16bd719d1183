// graphql-ws runs operations itself, outside Apollo's request pipeline, so none of the HTTP
// defences apply to it: without this, a client could send over the WebSocket the 50-deep or
// 100-alias query that /graphql refuses, or introspect a server that has introspection off.
// These `parse`/`validate` replacements for `useServer` apply the same token, depth, cost, alias
// and directive limits and the introspection switch, and accept only subscriptions: queries and
// mutations belong on HTTP, where the deadline, CSRF and body limits also hold.
//   useServer({ schema, ...subscriptionLimits(limits), context }, wsServer)
import { GraphQLError, NoSchemaIntrospectionCustomRule, type DocumentNode, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import type { Limits } from '../limits';
import { socketSuggestionHooks } from './hideSuggestions';
import { limitRules } from './queryLimits';

/** Refuses every operation that is not a subscription. */
export const OnlySubscriptionsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') {
      context.reportError(
        new GraphQLError(`Only subscriptions are served over WebSocket; send ${node.operation}s over HTTP`, {
          nodes: node,
          extensions: { code: 'BAD_REQUEST' },
        }),
      );
    }
  },
});

export interface SubscriptionLimits {
  parse: typeof parse;
  validate: typeof validate;
  /** Answers a document over the token limit with an error message instead of closing the socket as a 4500. */
  onSubscribe: (ctx: unknown, id: string, payload: { query: string }) => readonly GraphQLError[] | void;
  /** With introspection off: every error the socket sends, without graphql-js's "Did you mean" guesses. */
  onError?: typeof socketSuggestionHooks.onError;
  onNext?: typeof socketSuggestionHooks.onNext;
}

export function subscriptionLimits(limits: Limits): SubscriptionLimits {
  const extra: ValidationRule[] = [
    OnlySubscriptionsRule,
    ...limitRules(limits),
    ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const limitedParse = (source: string): DocumentNode => parse(source, { maxTokens: limits.maxTokens });
  // onSubscribe parses to refuse an over-long document as the client's error; graphql-ws then calls
  // `parse` on the same text. The document onSubscribe made is handed over once instead of parsed again.
  let parsed: { source: string; document: DocumentNode } | null = null;
  const handOver: typeof parse = (source, options) => {
    const text = typeof source === 'string' ? source : null;
    if (parsed !== null && text === parsed.source) {
      const { document } = parsed;
      parsed = null;
      return document;
    }
    return parse(source, { ...options, maxTokens: limits.maxTokens });
  };
  return {
    parse: handOver,
    validate: (schema, document, rules = specifiedRules, options, typeInfo) => validate(schema, document, [...rules, ...extra], options, typeInfo),
    // graphql-ws treats a throwing `parse` as a server failure; refusing here is the client's error.
    // Returning nothing lets graphql-ws go on with `parse` (handed the document made here) and `validate`.
    onSubscribe: (_ctx, _id, payload) => {
      try {
        parsed = { source: payload.query, document: limitedParse(payload.query) };
      } catch (err) {
        parsed = null;
        if (err instanceof GraphQLError) return [err];
        throw err;
      }
      return undefined;
    },
    ...(limits.introspection ? {} : socketSuggestionHooks),
  };
}
