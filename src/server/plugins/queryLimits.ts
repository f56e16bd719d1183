// Everything Apollo Server needs to refuse abusive operations, as one set of constructor options:
//   const guard = queryLimits(limits, formatError);
//   new ApolloServer({ schema, ...guard, plugins: [...guard.plugins, otherPlugins] });
//
// - depth, aliases and directives: graphql-armor validation rules, so a refused operation
//   never executes and answers 400 GRAPHQL_VALIDATION_FAILED;
// - cost: our own validation rule (costLimit.ts; armor's cannot tell a count from a page), 400
//   COST_LIMIT naming the limit, the cost and the costliest field; `extensions: { cost: true }` in a
//   request body shows the cost of any answer;
// - tokens: graphql-js's own `maxTokens` parse option (armor's token plugin throws from a hook
//   Apollo treats as an internal failure, a 500), so a refused document answers 400
//   GRAPHQL_PARSE_FAILED before an AST of millions of nodes is built;
// - time: operationTimeoutPlugin (TIMEOUT);
// - field suggestions ("Did you mean …") hidden, and with introspection off every other guess
//   too (enum values, in validation and in variables: hideSuggestions.ts), so such a server does
//   not leak its schema one typo at a time;
// - batched HTTP requests (a JSON array of operations, each one a full operation's work) off;
// - CSRF prevention on: a GET or a "simple" POST without a JSON content type or a preflight
//   header is refused before it runs, so a page elsewhere cannot make a browser query us.
import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { Limits } from '../limits';
import { costLimitRule, costReportPlugin } from './costLimit';
import { hideSuggestions } from './hideSuggestions';
import { keepLimitErrors, type FormatError } from './limitErrors';
import { operationTimeoutPlugin } from './operationTimeout';

export interface QueryLimitsOptions {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  introspection: boolean;
  allowBatchedHttpRequests: false;
  includeStacktraceInErrorResponses: false;
  csrfPrevention: true;
  formatError: FormatError;
}

function armorFor(limits: Limits): ReturnType<ApolloArmor['protect']> {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    costLimit: { enabled: false }, // see the header: costLimit.ts instead
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false }, // see the header: enforced by the parser instead
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/** The depth, cost, alias and directive rules alone, for transports Apollo does not serve (graphql-ws). */
export function limitRules(limits: Limits): ValidationRule[] {
  return [...armorFor(limits).validationRules, costLimitRule(limits.maxCost)];
}

export function queryLimits(limits: Limits, formatError: FormatError): QueryLimitsOptions {
  const armor = armorFor(limits);
  return {
    plugins: [...armor.plugins, costReportPlugin(limits.maxCost), operationTimeoutPlugin({ timeoutMs: limits.operationTimeoutMs })],
    validationRules: limitRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    introspection: limits.introspection,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: limits.introspection ? keepLimitErrors(formatError) : hideSuggestions(keepLimitErrors(formatError)),
  };
}

/** Compile-time check that the bundle spreads into Apollo's own options type. */
export type AssertSpreadable = QueryLimitsOptions extends Partial<ApolloServerOptions<BaseContext>> ? true : never;
