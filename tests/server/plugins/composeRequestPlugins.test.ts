// Plugins composed into one listener per request must behave as the same plugins registered apart:
// every part's hooks run, in the parts' order, with the listener as `this`; an error a hook throws
// reaches the client as before; a part Apollo would call in other ways is refused, never dropped.
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { composeRequestPlugins, UncomposableHookError } from '../../../src/server/plugins/composeRequestPlugins';

const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'world' } };

async function run(plugins: ApolloServerPlugin<BaseContext>[], query = '{ hello }'): Promise<{ body: unknown }> {
  const server = new ApolloServer({ typeDefs, resolvers, plugins });
  await server.start();
  try {
    const response = await server.executeOperation({ query });
    return { body: response.body.kind === 'single' ? response.body.singleResult : null };
  } finally {
    await server.stop();
  }
}

describe('composeRequestPlugins', () => {
  it('runs every part\'s hooks in the parts\' order, each started before any is awaited, as its listener\'s method', async () => {
    const seen: string[] = [];
    const part = (name: string, wait: boolean): ApolloServerPlugin<BaseContext> => ({
      async requestDidStart() {
        return {
          async didResolveOperation({ operationName }) {
            seen.push(`${name} resolved ${operationName ?? 'anonymous'}`);
          },
          async willSendResponse() {
            seen.push(`${name} sends`);
            if (wait) await new Promise((resolve) => setTimeout(resolve, 10));
            seen.push(`${name} sent`);
          },
        };
      },
    });
    const none: ApolloServerPlugin<BaseContext> = {
      async requestDidStart() {
        return undefined;
      },
    };
    const { body } = await run([composeRequestPlugins([part('a', true), none, part('b', false)])]);
    expect(body).toEqual({ data: { hello: 'world' } });
    expect(seen).toEqual(['a resolved anonymous', 'b resolved anonymous', 'a sends', 'b sends', 'b sent', 'a sent']);
  });

  it('lets a part rewrite the answer before a later part reads it (a cost report, then the ETag)', async () => {
    const rewrite: ApolloServerPlugin<BaseContext> = {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (response.body.kind !== 'single') return;
            response.body.singleResult = { ...response.body.singleResult, extensions: { note: 'added' } };
          },
        };
      },
    };
    const read: string[] = [];
    const reader: ApolloServerPlugin<BaseContext> = {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (response.body.kind === 'single') read.push(JSON.stringify(response.body.singleResult));
          },
        };
      },
    };
    const { body } = await run([composeRequestPlugins([rewrite, reader])]);
    expect(body).toEqual({ data: { hello: 'world' }, extensions: { note: 'added' } });
    expect(read).toEqual(['{"data":{"hello":"world"},"extensions":{"note":"added"}}']);
  });

  it('answers an error a part throws in didResolveOperation as the client got it from the plugin alone', async () => {
    const refuse: ApolloServerPlugin<BaseContext> = {
      async requestDidStart() {
        return {
          async didResolveOperation() {
            throw new GraphQLError('refused here', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          },
        };
      },
    };
    const counted: string[] = [];
    const count: ApolloServerPlugin<BaseContext> = {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (response.body.kind === 'single') counted.push(String(response.body.singleResult.errors?.[0]?.extensions?.code));
          },
        };
      },
    };
    const alone = await run([refuse, count]);
    const composed = await run([composeRequestPlugins([refuse, count])]);
    expect(composed.body).toEqual(alone.body);
    expect((composed.body as { errors: Array<{ message: string }> }).errors[0]!.message).toBe('refused here');
    expect(counted).toEqual(['BAD_REQUEST', 'BAD_REQUEST']);
  });

  it('refuses a part with a server-level hook when composing, and a listener with a did-start hook when it starts', async () => {
    const serverLevel: ApolloServerPlugin<BaseContext> = {
      async serverWillStart() {},
      async requestDidStart() {},
    };
    expect(() => composeRequestPlugins([serverLevel])).toThrow(UncomposableHookError);
    const didStart: ApolloServerPlugin<BaseContext> = {
      async requestDidStart() {
        return {
          async executionDidStart() {},
        };
      },
    };
    // Apollo fails the request (an HTTP 500) on a plugin's failure in requestDidStart: never a silent skip.
    await expect(run([composeRequestPlugins([didStart])])).rejects.toThrow('Internal server error');
  });
});
