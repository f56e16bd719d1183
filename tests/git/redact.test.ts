import { redactCredentials } from '../../src/git/redact';

describe('redactCredentials', () => {
  it('removes user and token from every URL in a text', () => {
    expect(redactCredentials("fatal: unable to access 'https://user:s3cr3t@gitlab.com/x.git/': 403")).toBe(
      "fatal: unable to access 'https://***@gitlab.com/x.git/': 403",
    );
    expect(redactCredentials('a http://oauth2:glpat-abc@h/x b ssh://git:pw@h:22/y')).toBe('a http://***@h/x b ssh://***@h:22/y');
    expect(redactCredentials('https://token@host/x')).toBe('https://***@host/x');
  });

  it('leaves texts without credentials alone', () => {
    const text = 'https://gitlab.com/gitlab-com/handbook.git and git@gitlab.com:a/b.git and mail a@b.c';
    expect(redactCredentials(text)).toBe(text);
  });
});
