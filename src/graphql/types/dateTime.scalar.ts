// graphql-scalars' DateTimeISO with a description a client developer can act on: what the string
// looks like on the wire and what to map it to in generated types. Behaviour is graphql-scalars'.
import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { memoiseStrings } from '../../util';

export const DateTimeISO = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  // Every commit date of an answer is validated, parsed and printed again (a role history: 20 per
  // page); the same few thousand commit dates come back request after request. A string's answer is
  // remembered (a bounded table); anything else, and every error, goes through graphql-scalars.
  serialize: memoiseStrings(GraphQLDateTimeISO.serialize.bind(GraphQLDateTimeISO), 4096),
  description:
    'A date-time, sent as a string: ISO 8601 / RFC 3339 at UTC with milliseconds, e.g. `2021-04-12T14:05:00.000Z` (what JavaScript `Date.prototype.toISOString()` prints). ' +
    'Map it to `string` in generated types (GraphQL Code Generator: `scalars: { DateTimeISO: "string" }`); `new Date(value)` reads it.',
});
