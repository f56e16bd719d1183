// Turns CodedErrors thrown by any field resolver into GraphQLErrors carrying their code, by wrapping
// each field's `resolve` in the built schema. This replaces a type-graphql global middleware: a
// global middleware also wraps every plain property field (id, title, cursor, ...) in type-graphql's
// async middleware chain, so a 50-role page paid for ~550 fields x several promises each — the
// largest share of its uncached request time after graphql-js itself. This wrapper keeps synchronous
// fields synchronous and only touches a promise's rejection.
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { toGraphQLError } from './errors';

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

const rethrowMapped = (error: unknown): never => {
  throw toGraphQLError(error);
};

export function mappingErrors<S, C>(resolve: GraphQLFieldResolver<S, C>): GraphQLFieldResolver<S, C> {
  return (source, args, context, info) => {
    let result: unknown;
    try {
      result = resolve(source, args, context, info);
    } catch (error) {
      throw toGraphQLError(error);
    }
    return isPromiseLike(result) ? Promise.resolve(result).catch(rethrowMapped) : result;
  };
}

/** Wraps, in place, the resolver of every field of every object type (introspection types excepted). */
export function mapFieldErrors(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve) field.resolve = mappingErrors(field.resolve);
    }
  }
  return schema;
}
