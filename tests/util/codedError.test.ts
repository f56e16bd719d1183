import { CodedError } from '../../src/util/codedError';
import { BadRefError } from '../../src/git/errors';
import { NotFoundError, IndexNotReadyError, BadUserInputError } from '../../src/index/errors';

describe('CodedError', () => {
  it('gives each deliberate error a literal code and its class name', () => {
    const errors: CodedError[] = [
      new BadRefError('no such ref'),
      new NotFoundError('no such role'),
      new IndexNotReadyError('indexing'),
      new BadUserInputError('first must be ≤ 100'),
    ];
    expect(errors.map((e) => [e.name, e.code])).toEqual([
      ['BadRefError', 'BAD_REF'],
      ['NotFoundError', 'NOT_FOUND'],
      ['IndexNotReadyError', 'INDEX_NOT_READY'],
      ['BadUserInputError', 'BAD_USER_INPUT'],
    ]);
    expect(errors.every((e) => e instanceof Error)).toBe(true);
  });
});
