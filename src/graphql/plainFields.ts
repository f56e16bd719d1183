// type-graphql gives every plain property field (title, grade, slug, ...) a resolver of its own that
// reads `root[name]` through its middleware chain; we register no middlewares, so that resolver is a
// closure and an array check per field, and then every wrapper added to resolvers (error mapping,
// deadlines, Apollo's instrumentation) wraps it again. graphql-js's default resolver reads the same
// property with none of that. This is what `simpleResolvers: true` on every @ObjectType would do,
// without having to repeat it on each (and a new type gets it too). Sources are plain data objects,
// never objects with methods, so the default resolver's "call it if it is a function" never applies.
import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** Removes, in place, the resolver of every object type field that has no field resolver of its own. */
export function dropPlainFieldResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const resolved = storage.fieldResolvers.some((r) => r.getObjectType?.() === field.target && r.methodName === field.name);
      const def = fields[field.schemaName];
      // A field renamed in the schema (`@Field({ name })`) reads its property under another name: keep its resolver.
      const plain = !resolved && field.name === field.schemaName && (field.params?.length ?? 0) === 0 && (field.middlewares?.length ?? 0) === 0;
      if (plain && def) def.resolve = undefined;
    }
  }
  return schema;
}
