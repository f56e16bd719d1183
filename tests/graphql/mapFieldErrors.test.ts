import { graphql, GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { mapFieldErrors, mappingErrors } from '../../src/graphql/mapFieldErrors';
import { BadRefError, GitCommandError } from '../../src/git/errors';

const info = {} as never;

describe('mappingErrors', () => {
  it('keeps a synchronous field synchronous (no promise per plain property)', () => {
    const resolve = mappingErrors((source: { title: string }) => source.title);
    expect(resolve({ title: 'Engineer' }, {}, {}, info)).toBe('Engineer');
  });

  it('maps a CodedError thrown synchronously to a GraphQLError with its code', () => {
    const resolve = mappingErrors(() => {
      throw new BadRefError('Unknown ref "nope"');
    });
    let thrown: unknown;
    try {
      resolve({}, {}, {}, info);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions).toEqual({ code: 'BAD_REF' });
  });

  it('maps a rejected CodedError and leaves other rejections alone', async () => {
    const coded = mappingErrors(() => Promise.reject(new BadRefError('Unknown ref "nope"')));
    await expect(coded({}, {}, {}, info)).rejects.toMatchObject({ extensions: { code: 'BAD_REF' } });
    const gitFailure = new GitCommandError('git fetch failed');
    const other = mappingErrors(() => Promise.reject(gitFailure));
    await expect(other({}, {}, {}, info)).rejects.toBe(gitFailure);
  });
});

describe('mapFieldErrors', () => {
  it('wraps every resolver of a schema so graphql() callers see the code', async () => {
    const schema = mapFieldErrors(
      new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'Query',
          fields: {
            broken: { type: GraphQLString, resolve: () => Promise.reject(new BadRefError('Unknown ref "x"')) },
            fine: { type: GraphQLString, resolve: () => 'ok' },
          },
        }),
      }),
    );
    const result = await graphql({ schema, source: '{ broken fine }' });
    expect(result.data).toEqual({ broken: null, fine: 'ok' });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_REF' });
  });
});
