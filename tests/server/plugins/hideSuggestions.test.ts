// The guess-stripping on its own, on messages graphql-js itself writes. Over HTTP and the socket it
// is pinned by tests/security/schemaSuggestions.test.ts.
import { buildSchema, GraphQLError, parse, validate, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { hideSuggestions, socketSuggestionHooks, withoutSuggestions } from '../../../src/server/plugins/hideSuggestions';

const schema = buildSchema(`
  enum Kind { FAMILY DEPARTMENT }
  type Query { families(kind: Kind): Int, totalCount: Int, totalCost: Int }
`);

function validationMessages(source: string): string[] {
  return validate(schema, parse(source)).map((e) => e.message);
}

it('takes the guess off validation messages of every shape graphql-js writes', () => {
  const messages = [...validationMessages('{ families(kind: FAMILLY) }'), ...validationMessages('{ totalCoun }')];
  expect(messages).toEqual([
    'Value "FAMILLY" does not exist in "Kind" enum. Did you mean the enum value "FAMILY"?',
    'Cannot query field "totalCoun" on type "Query". Did you mean "totalCount" or "totalCost"?',
  ]);
  expect(messages.map(withoutSuggestions)).toEqual(['Value "FAMILLY" does not exist in "Kind" enum.', 'Cannot query field "totalCoun" on type "Query".']);
});

it('takes the guess off variable coercion messages', () => {
  const definition = parse('query($k: Kind) { families(kind: $k) }').definitions[0] as OperationDefinitionNode;
  const result = getVariableValues(schema, definition.variableDefinitions ?? [], { k: 'family' });
  const message = result.errors![0]!.message;
  expect(message).toBe('Variable "$k" got invalid value "family"; Value "family" does not exist in "Kind" enum. Did you mean the enum value "FAMILY"?');
  expect(withoutSuggestions(message)).toBe('Variable "$k" got invalid value "family"; Value "family" does not exist in "Kind" enum.');
});

it('leaves a message without a guess as it is, and drops everything after a client-written "Did you mean"', () => {
  expect(withoutSuggestions('Syntax Error: Unexpected "}".')).toBe('Syntax Error: Unexpected "}".');
  expect(withoutSuggestions('Value "Did you mean x?" does not exist in "Kind" enum. Did you mean the enum value "FAMILY"?')).toBe('Value "');
});

it('wraps a formatter: the inner answer, message without the guess, everything else kept', () => {
  const inner = () => ({ message: 'Unknown "x". Did you mean "y"?', locations: [{ line: 1, column: 2 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  expect(hideSuggestions(inner)({ message: 'ignored' }, null)).toEqual({ message: 'Unknown "x".', locations: [{ line: 1, column: 2 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
});

it("rewrites the socket's error and next payloads, and leaves a result without errors to graphql-ws", () => {
  const error = new GraphQLError('Unknown "x". Did you mean "y"?', { extensions: { code: 'BAD_USER_INPUT' } });
  expect(socketSuggestionHooks.onError(null, '1', null, [error])).toEqual([{ message: 'Unknown "x".', extensions: { code: 'BAD_USER_INPUT' } }]);
  expect(socketSuggestionHooks.onNext(null, '1', null, null, { errors: [error] })).toEqual({ errors: [{ message: 'Unknown "x".', extensions: { code: 'BAD_USER_INPUT' } }] });
  expect(socketSuggestionHooks.onNext(null, '1', null, null, { data: { a: 1 } } as never)).toBeUndefined();
});
