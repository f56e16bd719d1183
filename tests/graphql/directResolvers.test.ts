import 'reflect-metadata';
import { graphql, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root, buildSchema } from 'type-graphql';
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

// Root queries with an @Args() class: scalar-only classes are answered directly, with the same
// instance type-graphql would build; an input-object field keeps type-graphql's conversion.
@ArgsType()
class BaseArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;
}

@ArgsType()
class LookupArgs extends BaseArgs {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  at?: string | null;
}

@InputType()
class Filter {
  @Field(() => String, { nullable: true })
  prefix?: string | null;
}

@ArgsType()
class FilteredArgs {
  @Field(() => Filter, { nullable: true })
  filter?: Filter | null;
}

/** What a resolver was handed, as plain data: its class, and its own keys in order with their values. */
const seen = (args: object): string => JSON.stringify([args.constructor.name, Object.entries(args).map(([k, v]) => [k, v === undefined ? 'undefined' : v])]);

@Resolver()
class LookupResolver {
  @Query(() => String)
  lookup(@Args(() => LookupArgs) args: LookupArgs, @Ctx() ctx: { greeting: string }): string {
    return `${ctx.greeting} ${seen(args)}`;
  }

  @Query(() => String)
  filtered(@Args(() => FilteredArgs) args: FilteredArgs): string {
    return `${seen(args)} ${args.filter ? seen(args.filter) : ''}`;
  }
}

const LOOKUPS = [
  '{ lookup(name: "a") }',
  '{ lookup(name: "a", at: null, first: 2) }',
  '{ lookup(name: "b", at: "v1") filtered }',
  '{ filtered(filter: { prefix: "x" }) }',
];

describe('useDirectFieldResolvers on root queries with an @Args() class', () => {
  const buildLookups = (): Promise<GraphQLSchema> => buildSchema({ resolvers: [LookupResolver], validate: false, emitSchemaFile: false });
  const queryField = (schema: GraphQLSchema, name: string) => schema.getQueryType()!.getFields()[name];

  it('hands the resolver what type-graphql hands it', async () => {
    const reference = await buildLookups();
    const direct = useDirectFieldResolvers(await buildLookups(), [LookupResolver]);
    for (const source of LOOKUPS) {
      const expected = await graphql({ schema: reference, source, contextValue: context });
      expect(expected.errors).toBeUndefined();
      expect(await graphql({ schema: direct, source, contextValue: context })).toEqual(expected);
    }
    const answer = await graphql({ schema: direct, source: LOOKUPS[1], contextValue: context });
    expect(answer.data).toEqual({ lookup: 'hi ["LookupArgs",[["first",2],["name","a"],["at",null]]]' });
  });

  it('answers a scalar-only @Args() query synchronously, and leaves one with an input object to type-graphql', async () => {
    const schema = await buildLookups();
    const filtered = queryField(schema, 'filtered').resolve;
    useDirectFieldResolvers(schema, [LookupResolver]);
    expect(queryField(schema, 'filtered').resolve).toBe(filtered);
    const answer = queryField(schema, 'lookup').resolve!(undefined, { name: 'c', at: undefined }, context, {} as GraphQLResolveInfo);
    // Fields without a value are not there at all, as with type-graphql.
    expect(answer).toBe('hi ["LookupArgs",[["name","c"]]]');
  });
});
