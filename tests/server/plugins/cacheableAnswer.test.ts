// The rules the HTTP answer cache keeps answers by (they used to be shared with an Apollo-level
// cache that is gone): live root fields are found through fragments, and only clean answers count.
import { parse, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_UNCACHEABLE_ROOT_FIELDS, isCleanResult, rootFieldNames, selectsAnyRootField } from '../../../src/server/plugins/cacheableAnswer';

function operationOf(source: string): { operation: OperationDefinitionNode; document: ReturnType<typeof parse> } {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return { operation, document };
}

const LIVE = new Set(DEFAULT_UNCACHEABLE_ROOT_FIELDS);

describe('rootFieldNames / selectsAnyRootField', () => {
  it('reads root fields directly, through inline fragments and through named fragments', () => {
    const { operation, document } = operationOf('query { role(id: "x") { id } ... on Query { grades { level } } ...Live } fragment Live on Query { repository { status } }');
    expect([...rootFieldNames(operation, document)].sort()).toEqual(['grades', 'repository', 'role']);
    expect(selectsAnyRootField(operation, document, LIVE)).toBe(true);
  });

  it('finds no live field in a snapshot query, and survives a fragment that spreads itself', () => {
    const { operation, document } = operationOf('query { role(id: "x") { id } ...A } fragment A on Query { ...A }');
    expect(selectsAnyRootField(operation, document, LIVE)).toBe(false);
  });

  it('treats repository as the live root field by default', () => {
    expect(DEFAULT_UNCACHEABLE_ROOT_FIELDS).toEqual(['repository']);
  });
});

describe('isCleanResult', () => {
  it('keeps data without errors, and nothing else', () => {
    expect(isCleanResult({ data: { role: null } })).toBe(true);
    expect(isCleanResult({ data: { role: null }, errors: [{ message: 'timed out' }] })).toBe(false);
    expect(isCleanResult({ errors: [{ message: 'not ready' }] })).toBe(false);
    expect(isCleanResult({ data: { role: null }, errors: [] })).toBe(true);
  });
});
