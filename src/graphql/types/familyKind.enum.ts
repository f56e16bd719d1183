import { registerEnumType } from 'type-graphql';

// The parser's PageKind values are lower case; GraphQL enum names are upper case.
export const FamilyKind = {
  FAMILY: 'family',
  DEPARTMENT: 'department',
} as const;

registerEnumType(FamilyKind, {
  name: 'FamilyKind',
  description: 'Whether a page under the job-families folder is a job family or a department page.',
  valuesConfig: {
    FAMILY: { description: 'A job family page with one or more roles.' },
    DEPARTMENT: { description: 'A department page (an `_index.md` that holds no role).' },
  },
});
