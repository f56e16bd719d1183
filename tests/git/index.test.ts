import * as git from '../../src/git';

describe('git layer public API', () => {
  it('exports exactly the documented names', () => {
    expect(Object.keys(git).sort()).toEqual(
      [
        'ANY_CONTENT_ROOT',
        'BadRefError',
        'CONTENT_DIR_CANDIDATES',
        'GitCommandError',
        'MAX_REF_LENGTH',
        'OFF_TIMELINE',
        'bestRoot',
        'chooseContentDir',
        'contentRootOf',
        'countPagesByRoot',
        'createGitSource',
        'createHistory',
        'headCommit',
        'listPaths',
        'pushEdit',
        'redactCredentials',
        'refProblem',
      ].sort(),
    );
    expect(typeof git.createGitSource).toBe('function');
    expect(new git.BadRefError('x').code).toBe('BAD_REF');
    expect(new git.GitCommandError('x').code).toBe('GIT_FAILED');
  });
});
