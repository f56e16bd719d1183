import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError, INTERNAL_MESSAGE, RefreshFailedError, toGraphQLError, UnauthenticatedError } from '../../src/graphql/errors';
import { BadRefError } from '../../src/git/errors';
import { GitCommandError } from '../../src/git/errors';
import { NotFoundError } from '../../src/index/errors';

/** What graphql-js makes of an error thrown inside a resolver at `role`. */
function locatedInResolver(original: Error): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const error = new GraphQLError(original.message, { path: ['role'], originalError: original });
  const formatted: GraphQLFormattedError = {
    message: original.message,
    path: ['role'],
    locations: [{ line: 1, column: 3 }],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: at /work/main/src/index/build.ts:12'] },
  };
  return { formatted, error };
}

describe('toGraphQLError', () => {
  it('turns a client-facing CodedError into a GraphQLError with its code', () => {
    const mapped = toGraphQLError(new BadRefError('Unknown ref "nope"'));
    expect(mapped).toBeInstanceOf(GraphQLError);
    expect((mapped as GraphQLError).extensions).toEqual({ code: 'BAD_REF' });
    expect((mapped as GraphQLError).message).toBe('Unknown ref "nope"');
  });

  it('leaves errors that are not meant for clients alone (they are masked later)', () => {
    const gitFailure = new GitCommandError('git fetch failed in /var/cache/repo');
    expect(toGraphQLError(gitFailure)).toBe(gitFailure);
  });
});

describe('formatError', () => {
  it('keeps a deliberate error: message, code, path, and nothing else', () => {
    const { formatted, error } = locatedInResolver(new NotFoundError('No role with id "x"'));
    expect(formatError(formatted, error)).toEqual({
      message: 'No role with id "x"',
      path: ['role'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('keeps an error the mapping middleware already converted', () => {
    const converted = toGraphQLError(new UnauthenticatedError('refresh requires an admin token')) as GraphQLError;
    const error = new GraphQLError(converted.message, { path: ['refresh'], originalError: converted });
    const out = formatError({ message: converted.message, path: ['refresh'], extensions: { code: 'UNAUTHENTICATED', stacktrace: ['x'] } }, error);
    expect(out.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(out.message).toBe('refresh requires an admin token');
  });

  it('masks an unexpected error, its stack and the file paths in its message', () => {
    const { formatted, error } = locatedInResolver(new TypeError("Cannot read properties of undefined (reading 'x') at /work/main/src/index/build.ts"));
    const out = formatError(formatted, error);
    expect(out).toEqual({ message: INTERNAL_MESSAGE, path: ['role'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(out)).not.toContain('/work');
  });

  it("keeps a failed refresh's public reason and its code, unlike a raw git failure", () => {
    const { formatted, error } = locatedInResolver(new RefreshFailedError('refresh failed: git fetch failed: fatal: [path] is gone', 'GIT_FAILED'));
    expect(formatError(formatted, error)).toMatchObject({ message: 'refresh failed: git fetch failed: fatal: [path] is gone', extensions: { code: 'GIT_FAILED' } });
  });

  it('masks a coded error that is not for clients (git failures carry server paths)', () => {
    const { formatted, error } = locatedInResolver(new GitCommandError('git fetch failed in /var/cache/repo'));
    expect(formatError(formatted, error).message).toBe(INTERNAL_MESSAGE);
  });

  it("masks a resolver error that merely claims a client code in Apollo's formatted output", () => {
    const { error } = locatedInResolver(new Error('secret at /etc/passwd'));
    const out = formatError({ message: 'secret at /etc/passwd', path: ['role'], extensions: { code: 'BAD_USER_INPUT' } }, error);
    expect(out.message).toBe(INTERNAL_MESSAGE);
  });

  it("keeps Apollo's own request errors: parse, validation, bad variables", () => {
    for (const code of ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']) {
      const message = `Cannot query field "nope" on type "Query". (${code})`;
      const error = new GraphQLError(message, { extensions: { code } });
      const out = formatError({ message, locations: [{ line: 1, column: 2 }], extensions: { code, stacktrace: ['GraphQLError: ...'] } }, error);
      expect(out).toEqual({ message, locations: [{ line: 1, column: 2 }], extensions: { code } });
    }
  });

  it("keeps Apollo's uncoded 400 refusals of a malformed request (persisted-query hash or version) as BAD_REQUEST", () => {
    // What Apollo's request pipeline throws, and what its normalizer hands the formatter.
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    const out = formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
    expect(out).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });

  it('masks an uncoded error that is not a 400, wraps a cause, or sits at a path', () => {
    const formatted: GraphQLFormattedError = { message: 'at /srv/app/x.js', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    const cases = [
      new GraphQLError('at /srv/app/x.js', { extensions: { http: { status: 500 } } }),
      new GraphQLError('at /srv/app/x.js', { extensions: { http: { status: 400 } }, originalError: new Error('at /srv/app/x.js') }),
      new GraphQLError('at /srv/app/x.js', { extensions: { http: { status: 400 } }, path: ['role'] }),
      new GraphQLError('at /srv/app/x.js'),
    ];
    for (const error of cases) expect(formatError(formatted, error).message).toBe(INTERNAL_MESSAGE);
  });

  it('never throws, whatever it is given', () => {
    const hostile = {
      get extensions(): never {
        throw new Error('boom');
      },
    };
    expect(formatError(null as unknown as GraphQLFormattedError, undefined)).toEqual({
      message: INTERNAL_MESSAGE,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(formatError(hostile as unknown as GraphQLFormattedError, hostile).message).toBe(INTERNAL_MESSAGE);
  });
});
