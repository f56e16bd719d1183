// GraphQL Code Generator config for a frontend: `npx graphql-codegen --config codegen.ts`
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql', // or the running server: 'http://localhost:4000/graphql'
  documents: 'schema/examples.graphql', // your own operations, e.g. 'src/**/*.graphql'
  generates: {
    'src/gql/rolegraph.ts': {
      plugins: ['typescript', 'typescript-operations'],
      config: {
        // DateTimeISO travels as an ISO 8601 string (`2021-04-12T14:05:00.000Z`); ID is a string.
        scalars: { DateTimeISO: 'string', ID: 'string' },
        strictScalars: true, // a scalar added later fails generation instead of becoming `any`
        enumsAsTypes: true, // ChangeKind = 'ADDED' | 'MODIFIED' | …, no runtime enum objects
      },
    },
  },
};

export default config;
