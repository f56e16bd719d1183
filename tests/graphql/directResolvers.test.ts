import 'reflect-metadata';
import { graphql, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root, buildSchema } from 'type-graphql';
import { useDirectFieldResolvers } from '../../src/graphql/directResolvers';

interface Source {
  name: string;
}

@ObjectType()
class Thing {
  @Field(() => String)
  name: string;
}

@Resolver(() => Thing)
class ThingResolver {
  private readonly suffix = '!';

  @Query(() => [Thing])
  things(): Source[] {
    return [{ name: 'a' }, { name: 'b' }];
  }

  // Root and context only: answered by a direct call, `this` still the resolver instance.
  @FieldResolver(() => String)
  shout(@Root() thing: Source, @Ctx() ctx: { greeting: string }): string {
    return `${ctx.greeting} ${thing.name.toUpperCase()}${this.suffix}`;
  }

  // An argument: only type-graphql's handler converts it.
  @FieldResolver(() => String)
  padded(@Root() thing: Source, @Arg('width', () => Number) width: number): string {
    return thing.name.padStart(width, '.');
  }
}

const QUERY = '{ things { name shout padded(width: 3) } }';
const context = { greeting: 'hi' };

async function built(): Promise<{ schema: GraphQLSchema; resolverOf: (field: string) => GraphQLFieldResolver<unknown, unknown> | undefined }> {
  const schema = await buildSchema({ resolvers: [ThingResolver], validate: false, emitSchemaFile: false });
  return { schema, resolverOf: (field) => (schema.getType('Thing') as GraphQLObjectType).getFields()[field].resolve };
}

describe('useDirectFieldResolvers', () => {
  it('answers a query exactly as type-graphql does', async () => {
    const reference = await built();
    const expected = await graphql({ schema: reference.schema, source: QUERY, contextValue: context });
    const direct = await built();
    useDirectFieldResolvers(direct.schema, [ThingResolver]);
    const answer = await graphql({ schema: direct.schema, source: QUERY, contextValue: context });
    expect(answer).toEqual(expected);
    expect(answer.data).toEqual({
      things: [
        { name: 'a', shout: 'hi A!', padded: '..a' },
        { name: 'b', shout: 'hi B!', padded: '..b' },
      ],
    });
  });

  it('replaces only the field resolvers that take root, context or info, and answers them synchronously', async () => {
    const { schema, resolverOf } = await built();
    const shout = resolverOf('shout');
    const padded = resolverOf('padded');
    useDirectFieldResolvers(schema, [ThingResolver]);
    expect(resolverOf('shout')).not.toBe(shout);
    expect(resolverOf('padded')).toBe(padded);
    expect(resolverOf('shout')!({ name: 'c' }, {}, context, {} as GraphQLResolveInfo)).toBe('hi C!');
  });

  it('leaves fields of resolver classes the schema was not built from', async () => {
    const { schema, resolverOf } = await built();
    const shout = resolverOf('shout');
    useDirectFieldResolvers(schema, []);
    expect(resolverOf('shout')).toBe(shout);
  });
});
