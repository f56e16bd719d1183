import { redactCredentials } from '../../src/git/redact';

describe('redactCredentials', () => {
  it('removes user and token from every URL in a text', () => {
    expect(redactCredentials("fatal: unable to access 'https://user:s3cr3t@gitlab.com/x.git/': 403")).toBe(
      "fatal: unable to access 'https://***@gitlab.com/x.git/': 403",
    );
    expect(redactCredentials('a http://oauth2:glpat-abc@h/x b ssh://git:pw@h:22/y')).toBe('a http://***@h/x b ssh://***@h:22/y');
    expect(redactCredentials('https://token@host/x')).toBe('https://***@host/x');
  });

  it('hides every query value of a URL, whatever its name', () => {
    expect(redactCredentials("fatal: repository 'https://host/x.git?private_token=SECRET' not found")).toBe(
      "fatal: repository 'https://host/x.git?private_token=***' not found",
    );
    expect(redactCredentials('https://host/x.git?ref=main&access_token=abc;sig=1#frag')).toBe('https://host/x.git?ref=***&access_token=***;sig=***#frag');
    expect(redactCredentials('https://u:p@host/x?token=t')).toBe('https://***@host/x?token=***');
  });

  it('hides forge tokens by their shape wherever they sit', () => {
    expect(redactCredentials('remote https://host/glpat-abcdefghijklmnop1234/x.git')).toBe('remote https://host/***/x.git');
    expect(redactCredentials(`auth ghp_${'a'.repeat(36)} and github_pat_${'B'.repeat(30)}`)).toBe('auth *** and ***');
  });

  it('leaves texts without credentials alone', () => {
    const text = 'https://gitlab.com/gitlab-com/handbook.git and git@gitlab.com:a/b.git and mail a@b.c';
    expect(redactCredentials(text)).toBe(text);
  });
});
