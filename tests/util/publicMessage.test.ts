import { publicMessage } from '../../src/util/publicMessage';

describe('publicMessage', () => {
  it('hides absolute paths, quoted or not', () => {
    expect(publicMessage("git fetch failed: fatal: '/srv/rolegraph/cache/repo.git' does not appear to be a git repository")).toBe(
      "git fetch failed: fatal: '[path]' does not appear to be a git repository",
    );
    expect(publicMessage('warning: templates not found in /usr/share/git-core/templates | ENOSPC: no space left on device, write /data/cache/parsed/pack-1')).toBe(
      'warning: templates not found in [path] | ENOSPC: no space left on device, write [path]',
    );
    expect(publicMessage('open /tmp failed')).toBe('open [path] failed');
  });

  it('leaves URLs, relative paths and plain words alone', () => {
    const text = "fatal: unable to access 'https://***@gitlab.com/group/handbook.git/': 403 for content/job-families and a/b";
    expect(publicMessage(text)).toBe(text);
    expect(publicMessage('git@gitlab.com:group/handbook.git and 50/50 and ~/x')).toBe('git@gitlab.com:group/handbook.git and 50/50 and ~/x');
  });
});
