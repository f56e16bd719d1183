// graphql-ws publishes `graphql-ws/use/ws` through package.json "exports", which this project's
// `moduleResolution: node` does not read. Node resolves it at run time; this gives tsc its types.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
