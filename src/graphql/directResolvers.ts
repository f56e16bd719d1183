// type-graphql runs each resolver through a generic handler: per call it builds a resolverData
// object, asks its container for the resolver instance, walks an (empty) middleware chain and
// re-sorts and maps the parameter list; and an `@Args()` parameter goes through `validateArg`,
// which is `async` even with validation off, so every field with arguments answers with a promise.
// For a resolver that takes only `@Root()`, `@Ctx()`, `@Info()` and an `@Args()` class of scalar
// fields none of that decides anything, and it is paid per item on a list (Role.id and Role.family
// on a 50-role page, RoleVersion.role on a history) and, through the promise, per request on a root
// field (`role`, `roleHistory`: the deadline's timer and race, a chain of microtasks). This replaces
// such a handler with a direct call of the same method on one instance of its resolver class.
// Anything else (an input-object argument, `@Arg`, middlewares, auth roles, validation settings, a
// typed root that type-graphql would convert) keeps type-graphql's.
import { GraphQLScalarType, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Storage = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Storage['fieldResolvers'][number];
type QueryMetadata = Storage['queries'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];
type ArgsParamMetadata = Extract<ParamMetadata, { kind: 'args' }>;
type ArgsFieldMetadata = NonNullable<Storage['argumentTypes'][number]['fields']>[number];

/** How one parameter is read from graphql-js's (source, args, context, info). */
type Read = (source: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/** Argument types type-graphql hands over unchanged (its `convertToType` returns such values as they are). */
const PASSED_AS_IS: readonly unknown[] = [String, Number, Boolean];

/** The fields of an `@ArgsType` class, its superclasses' included (as type-graphql gathers them), or null. */
function argsFieldsOf(target: Function, storage: Storage): ArgsFieldMetadata[] | null {
  const own = storage.argumentTypes.find((t) => t.target === target);
  if (!own) return null;
  const fields = [...(own.fields ?? [])];
  for (let parent = Object.getPrototypeOf(target) as Function; parent.prototype !== undefined; parent = Object.getPrototypeOf(parent) as Function) {
    fields.push(...(storage.argumentTypes.find((t) => t.target === parent)?.fields ?? []));
  }
  return fields;
}

/**
 * The reader of an `@Args()` parameter whose class has scalar (or enum) fields only, or null. It
 * builds what type-graphql's `convertArgsToInstance` builds for such a class: an instance with the
 * arguments given (`undefined` ones left out, and class fields without a value deleted).
 */
function directArgs(param: ArgsParamMetadata, storage: Storage): Read | null {
  if (param.validateSettings !== undefined || param.validateFn !== undefined) return null;
  const ArgsClass = param.getType() as unknown;
  if (typeof ArgsClass !== 'function') return null;
  const fields = argsFieldsOf(ArgsClass, storage);
  if (!fields) return null;
  const scalar = (field: ArgsFieldMetadata): boolean => {
    const type = field.getType() as unknown;
    // An enum is a plain object of values; an input type is a class, converted by type-graphql.
    return PASSED_AS_IS.includes(type) || type instanceof GraphQLScalarType || (typeof type === 'object' && type !== null);
  };
  // A field renamed in the schema is read by type-graphql under its property name: leave it to it.
  if (!fields.every((field) => scalar(field) && field.name === field.schemaName)) return null;
  const names = [...new Set(fields.map((field) => field.name))];
  const Make = ArgsClass as new () => Record<string, unknown>;
  return (_source, args) => {
    const instance = new Make();
    for (const key of Object.keys(instance)) {
      if (instance[key] === undefined && args[key] === undefined) delete instance[key];
    }
    for (const name of names) {
      const value = args[name];
      if (value !== undefined) instance[name] = value;
    }
    return instance;
  };
}

/** The reader of one parameter, or null when only type-graphql's own handler can supply it. */
function directParam(param: ParamMetadata, storage: Storage): Read | null {
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
      return name ? (_s, _a, context) => (context as Record<string, unknown>)[name] : (_s, _a, context) => context;
    }
    case 'info':
      return (_s, _a, _c, info) => info;
    case 'args':
      return directArgs(param, storage);
    default:
      return null;
  }
}

/** A direct resolver for `def` (a field resolver or a query), or null when it needs type-graphql's handler. */
export function directFieldResolver(def: FieldResolverMetadata | QueryMetadata, instance: object, storage: Storage = getMetadataStorage()): GraphQLFieldResolver<unknown, unknown> | null {
  if (('kind' in def && def.kind !== 'external') || (def.middlewares?.length ?? 0) > 0 || def.roles !== undefined) return null;
  const params = [...(def.params ?? [])].sort((a, b) => a.index - b.index);
  // Parameters must fill positions 0..n-1: a gap would be a parameter type-graphql knows nothing of.
  if (params.some((p, i) => p.index !== i)) return null;
  const readers = params.map((param) => directParam(param, storage));
  if (readers.some((r) => r === null)) return null;
  const method = (instance as Record<string, unknown>)[def.methodName];
  if (typeof method !== 'function') return null;
  const call = method as (...args: unknown[]) => unknown;
  const [first, second] = readers as Read[];
  // The shapes every such resolver here has, without an array per call.
  type Args = Record<string, unknown>;
  if (readers.length === 0) return () => call.call(instance);
  if (readers.length === 1) return (source, args, context, info) => call.call(instance, first(source, args as Args, context, info));
  if (readers.length === 2) return (source, args, context, info) => call.call(instance, first(source, args as Args, context, info), second(source, args as Args, context, info));
  return (source, args, context, info) => call.apply(instance, (readers as Read[]).map((read) => read(source, args as Args, context, info)));
}

/**
 * Replaces, in place, the resolver of every field resolver and query that needs nothing of
 * type-graphql's handler (see the header). Run on the schema type-graphql has just built, before any wrapper.
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
  const replace = (field: GraphQLField<unknown, unknown> | undefined, def: FieldResolverMetadata | QueryMetadata): void => {
    if (!field?.resolve) return;
    const direct = directFieldResolver(def, instanceOf(def.target), storage);
    if (direct) field.resolve = direct;
  };
  for (const def of storage.fieldResolvers) {
    if (!built.has(def.target)) continue;
    const objectClass = def.getObjectType?.();
    const objectType = objectClass && storage.objectTypes.find((t) => t.target === objectClass);
    const type = objectType && schema.getType(objectType.name);
    if (isObjectType(type)) replace(type.getFields()[def.schemaName], def);
  }
  const query = schema.getQueryType();
  for (const def of storage.queries) {
    if (built.has(def.target) && query) replace(query.getFields()[def.schemaName], def);
  }
  return schema;
}
