// type-graphql runs each @FieldResolver through a generic handler: per call it builds a
// resolverData object, asks its container for the resolver instance, walks an (empty) middleware
// chain and re-sorts and maps the parameter list. For a field resolver that takes only `@Root()`,
// `@Ctx()` and `@Info()` none of that decides anything, and on a list (Role.id and Role.family on a
// 50-role page, RoleVersion.role on a history) it is paid per item. This replaces such a handler
// with a direct call of the same method on one instance of its resolver class. Anything else (args,
// middlewares, auth roles, a typed root that type-graphql would convert) keeps type-graphql's.
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Storage = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Storage['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];

/** How one parameter is read from graphql-js's (source, args, context, info). */
type Pick4 = (source: unknown, context: unknown, info: unknown) => unknown;

/** The reader of one parameter, or null when only type-graphql's own handler can supply it. */
function directParam(param: ParamMetadata): Pick4 | null {
  switch (param.kind) {
    case 'root': {
      if (param.propertyName) return null;
      // A root typed with a class is converted to an instance of it by type-graphql; ours are
      // plain interfaces, which reflect as Object: passed through unchanged by type-graphql too.
      const type = param.getType?.();
      if (type !== undefined && type !== Object) return null;
      return (source) => source;
    }
    case 'context': {
      const name = param.propertyName;
      return name ? (_s, context) => (context as Record<string, unknown>)[name] : (_s, context) => context;
    }
    case 'info':
      return (_s, _c, info) => info;
    default:
      return null;
  }
}

/** A direct resolver for `def`, or null when it needs type-graphql's handler. */
export function directFieldResolver(def: FieldResolverMetadata, instance: object): GraphQLFieldResolver<unknown, unknown> | null {
  if (def.kind !== 'external' || (def.middlewares?.length ?? 0) > 0 || def.roles !== undefined) return null;
  const params = [...(def.params ?? [])].sort((a, b) => a.index - b.index);
  // Parameters must fill positions 0..n-1: a gap would be a parameter type-graphql knows nothing of.
  if (params.some((p, i) => p.index !== i)) return null;
  const readers = params.map(directParam);
  if (readers.some((r) => r === null)) return null;
  const method = (instance as Record<string, unknown>)[def.methodName];
  if (typeof method !== 'function') return null;
  const call = method as (...args: unknown[]) => unknown;
  const [first, second] = readers as Pick4[];
  // The two shapes every such resolver here has, without an array per call.
  if (readers.length === 1) return (source, _args, context, info) => call.call(instance, first(source, context, info));
  if (readers.length === 2) return (source, _args, context, info) => call.call(instance, first(source, context, info), second(source, context, info));
  return (source, _args, context, info) => call.apply(instance, (readers as Pick4[]).map((read) => read(source, context, info)));
}

/**
 * Replaces, in place, the resolver of every field resolver that needs nothing of type-graphql's
 * handler (see the header). Run on the schema type-graphql has just built, before any wrapper.
 */
export function useDirectFieldResolvers(schema: GraphQLSchema, resolverClasses: readonly Function[]): GraphQLSchema {
  const storage = getMetadataStorage();
  // The metadata is global: only the classes this schema was built from answer its fields.
  const built = new Set(resolverClasses);
  const instances = new Map<Function, object>();
  const instanceOf = (target: Function): object => {
    let instance = instances.get(target);
    if (!instance) {
      // Resolver classes here hold no state and take no constructor arguments (no container is configured).
      instance = new (target as new () => object)();
      instances.set(target, instance);
    }
    return instance;
  };
  for (const def of storage.fieldResolvers) {
    if (!built.has(def.target)) continue;
    const objectClass = def.getObjectType?.();
    const objectType = objectClass && storage.objectTypes.find((t) => t.target === objectClass);
    const type = objectType && schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const field = type.getFields()[def.schemaName];
    if (!field?.resolve) continue;
    const direct = directFieldResolver(def, instanceOf(def.target));
    if (direct) field.resolve = direct;
  }
  return schema;
}
