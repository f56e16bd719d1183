// The cost limit, on our own estimate (queryCost.ts), and the cost a client can ask to see.
// - costLimitRule: a validation rule, so a refused operation never runs. The refusal answers 400
//   with `extensions.code` COST_LIMIT and `extensions.cost` = { limit, cost, mostExpensive }: the
//   client learns what to page less (limitErrors.ts keeps both through the error formatter).
// - costReportPlugin: a request whose body carries `"extensions": { "cost": true }` gets the same
//   { limit, cost, mostExpensive } in the answer's `extensions.cost`. In the body, not in a header:
//   the HTTP answer cache keys on the exact body, so an answer with a cost and one without can
//   never be served for each other.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { operationCost, type OperationCost } from './queryCost';

export const COST_LIMIT_CODE = 'COST_LIMIT';

export interface CostReport extends OperationCost {
  limit: number;
}

/** Raised (as a validation error) for an operation over the limit; carries the report. */
export class CostLimitError extends GraphQLError {
  readonly report: CostReport;

  constructor(report: CostReport, operation: OperationDefinitionNode) {
    const culprit = report.mostExpensive ? `; most expensive field: ${report.mostExpensive}` : '';
    super(`Query Cost limit of ${report.limit} exceeded, found ${report.cost}${culprit}`, {
      nodes: operation,
      extensions: { code: COST_LIMIT_CODE, cost: report },
    });
    this.report = report;
  }
}

/** Refuses each operation whose estimated cost is above `maxCost`. */
export function costLimitRule(maxCost: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const estimate = operationCost(context.getSchema(), operation, (name) => context.getFragment(name) ?? undefined);
      if (estimate.cost > maxCost) context.reportError(new CostLimitError({ limit: maxCost, ...estimate }, operation));
    },
  });
}

/** Adds `extensions.cost` to the answer of a request that asks for it with `extensions: { cost: true }`. */
export function costReportPlugin<TContext extends BaseContext>(maxCost: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      // No listener at all: Apollo would otherwise walk an empty one at every phase.
      if (request.extensions?.cost !== true) return undefined;
      let report: CostReport | undefined;
      return {
        async didResolveOperation({ schema, operation, document }) {
          if (!operation) return;
          const fragments = new Map(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])));
          report = { limit: maxCost, ...operationCost(schema, operation, (name) => fragments.get(name)) };
        },
        async willSendResponse({ response }) {
          if (!report || response.body.kind !== 'single') return;
          // A new result object: never write into one another plugin may be keeping.
          response.body.singleResult = { ...response.body.singleResult, extensions: { ...response.body.singleResult.extensions, cost: report } };
        },
      };
    },
  };
}
