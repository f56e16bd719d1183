// The limit rules on the real schema: the documented operations pass with the defaults, and each
// abusive shape is refused before execution with the reason in the message.
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { buildRolegraphSchema, formatError } from '../../../src/graphql';
import { DEFAULT_LIMITS, type Limits } from '../../../src/server/limits';
import { queryLimits } from '../../../src/server/plugins/queryLimits';

const EXAMPLES = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'schema', 'examples.graphql'), 'utf8');

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildRolegraphSchema();
});

function check(source: string, limits: Limits = DEFAULT_LIMITS, rules: 'all' | 'limits' = 'all'): string[] {
  const guard = queryLimits(limits, formatError);
  let document;
  try {
    document = parse(source, guard.parseOptions);
  } catch (err) {
    return [(err as GraphQLError).message];
  }
  const base = rules === 'all' ? specifiedRules : [];
  return validate(schema, document, [...base, ...guard.validationRules]).map((e) => e.message);
}

/** `role { family { roles { family { roles … } } } }`, `levels` selections deep. */
function deepQuery(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i += 1) inner = i % 2 === 0 ? `family { roles { ${inner} } }` : `roles { ${inner} }`;
  return `{ role(id: "x") { ${inner.startsWith('roles') ? `family { ${inner} }` : inner} } }`;
}

describe('queryLimits', () => {
  it('lets every documented example operation through with the defaults', () => {
    // Only the limit rules: whether the examples match the schema is tests/graphql's concern.
    expect(check(EXAMPLES, DEFAULT_LIMITS, 'limits')).toEqual([]);
  });

  it('lets the introspection query GraphiQL sends through, however deep it is', () => {
    const { getIntrospectionQuery } = jest.requireActual<typeof import('graphql')>('graphql');
    expect(check(getIntrospectionQuery())).toEqual([]);
  });

  it('refuses a 50-deep operation', () => {
    const messages = check(deepQuery(50));
    expect(messages.some((m) => m.includes(`depth limit of ${DEFAULT_LIMITS.maxDepth}`))).toBe(true);
  });

  it('refuses 100 aliases', () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: repository { branch }`).join(' ');
    expect(check(`{ ${aliases} }`).some((m) => m.includes(`Aliases limit of ${DEFAULT_LIMITS.maxAliases}`))).toBe(true);
  });

  it('refuses a list inside a list inside a list (cost grows with each page size)', () => {
    const query = `{ roles(first: 100) { edges { node { history(first: 100) { edges { node { role { family { roles { title } } } } } } } } } }`;
    expect(check(query).some((m) => m.includes(`Cost limit of ${DEFAULT_LIMITS.maxCost}`))).toBe(true);
  });

  it('refuses directive spam', () => {
    const directives = Array.from({ length: 60 }, () => '@include(if: true)').join(' ');
    expect(check(`{ repository ${directives} { branch } }`).some((m) => m.includes(`Directives limit of ${DEFAULT_LIMITS.maxDirectives}`))).toBe(true);
  });

  it('stops parsing a document with too many tokens', () => {
    const fields = Array.from({ length: 6000 }, () => 'branch').join(' ');
    expect(check(`{ repository { ${fields} } }`)).toEqual([expect.stringContaining(`more that ${DEFAULT_LIMITS.maxTokens} tokens`)]);
  });

  it('follows configured limits', () => {
    const tight: Limits = { ...DEFAULT_LIMITS, maxDepth: 3, maxAliases: 1 };
    expect(check(deepQuery(2), tight).some((m) => m.includes('depth limit of 3'))).toBe(true);
    expect(check('{ a: repository { branch } b: repository { branch } }', tight).some((m) => m.includes('Aliases limit of 1'))).toBe(true);
  });

  it('turns batching off, CSRF prevention on and stack traces off', () => {
    const guard = queryLimits(DEFAULT_LIMITS, formatError);
    expect(guard.allowBatchedHttpRequests).toBe(false);
    expect(guard.csrfPrevention).toBe(true);
    expect(guard.includeStacktraceInErrorResponses).toBe(false);
    expect(queryLimits({ ...DEFAULT_LIMITS, introspection: false }, formatError).introspection).toBe(false);
  });
});
