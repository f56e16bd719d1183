// Builds the executable schema from the type-graphql classes. Validation stays off: class-validator
// is not installed, and every argument check lives in the resolvers (pagination.ts, errors.ts).
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { mapFieldErrors } from './mapFieldErrors';
import { createRolegraphPubSub } from './pubsub';
import { resolvers } from './resolvers';

export interface BuildSchemaOptions {
  /** Where `headChanged` listens; give the same one to `publishHeadChanges`. Default: a fresh in-process one. */
  pubSub?: PubSub;
}

export async function buildRolegraphSchema(opts: BuildSchemaOptions = {}): Promise<GraphQLSchema> {
  // No globalMiddlewares: they would run every plain property field through an async chain (see mapFieldErrors).
  const schema = await buildSchema({
    resolvers,
    pubSub: opts.pubSub ?? createRolegraphPubSub(),
    validate: false,
    emitSchemaFile: false,
  });
  return mapFieldErrors(schema);
}
