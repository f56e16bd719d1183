import { ConfigError, loadConfig, redactConfig } from '../../src/server/config';
import { DEFAULT_LIMITS } from '../../src/server/limits';

const CWD = '/srv/rolegraph';

describe('loadConfig', () => {
  it('defaults to the embedded sample on port 4000, polling every minute', () => {
    const config = loadConfig({}, {}, CWD);
    expect(config).toEqual({
      repo: null,
      branch: 'main',
      contentDir: null,
      cacheDir: '/srv/rolegraph/repo-cache',
      port: 4000,
      host: '0.0.0.0',
      pollSeconds: 60,
      gitlabToken: null,
      gitlabSigningSecret: null,
      githubSecret: null,
      adminToken: null,
      logLevel: 'info',
      gitTimeoutMs: 300_000,
      limits: DEFAULT_LIMITS,
      tracing: null,
      corsOrigins: { kind: 'none' },
      headMaxAgeSeconds: 5,
      responseCacheEntries: 1000,
      jit: true,
      redisUrl: null,
      redisLockTtlMs: 15_000,
      instanceId: null,
      redisCacheTtlSeconds: 2_592_000,
    });
  });

  it('reads the jit switch: on unless ROLEGRAPH_JIT says off, and refuses another word', () => {
    expect(loadConfig({}, {}, CWD).jit).toBe(true);
    expect(loadConfig({}, { ROLEGRAPH_JIT: 'off' }, CWD).jit).toBe(false);
    expect(loadConfig({}, { ROLEGRAPH_JIT: '1' }, CWD).jit).toBe(true);
    expect(loadConfig({}, { ROLEGRAPH_JIT: 'on' }, CWD).jit).toBe(true);
    expect(loadConfig({}, { ROLEGRAPH_JIT: '0' }, CWD).jit).toBe(false);
    expect(() => loadConfig({}, { ROLEGRAPH_JIT: 'fast' }, CWD)).toThrow('ROLEGRAPH_JIT must be 1 or 0, got "fast"');
  });

  it('reads the Redis settings (flag over env), refuses a URL of another scheme, and masks the password when logged', () => {
    const env = { ROLEGRAPH_REDIS_URL: 'redis://:s3cret@redis:6379/0', ROLEGRAPH_REDIS_LOCK_TTL_MS: '2000', ROLEGRAPH_INSTANCE_ID: 'rolegraph-0' };
    const config = loadConfig({}, env, CWD);
    expect([config.redisUrl, config.redisLockTtlMs, config.instanceId]).toEqual(['redis://:s3cret@redis:6379/0', 2000, 'rolegraph-0']);
    expect(loadConfig({ redisUrl: 'rediss://cache.internal:6380' }, env, CWD).redisUrl).toBe('rediss://cache.internal:6380');
    expect(redactConfig(config).redisUrl).toBe('redis://***@redis:6379/0');
    expect(() => loadConfig({ redisUrl: 'http://redis:6379' }, {}, CWD)).toThrow('redis URL must start with redis:// or rediss://, got "http://redis:6379"');
    expect(() => loadConfig({}, { ROLEGRAPH_REDIS_LOCK_TTL_MS: '100' }, CWD)).toThrow('ROLEGRAPH_REDIS_LOCK_TTL_MS must be between 500 and 600000, got 100');
    expect(() => loadConfig({}, { ROLEGRAPH_INSTANCE_ID: 'two words' }, CWD)).toThrow(ConfigError);
  });

  it('reads the limits from the environment and refuses a bad one as a ConfigError', () => {
    expect(loadConfig({}, { ROLEGRAPH_MAX_DEPTH: '7', ROLEGRAPH_INTROSPECTION: 'false' }, CWD).limits).toMatchObject({ maxDepth: 7, introspection: false });
    expect(() => loadConfig({}, { ROLEGRAPH_MAX_ALIASES: 'many' }, CWD)).toThrow(ConfigError);
  });

  it('reads the Redis URL (flag over env) and the shared cache TTL, refusing what is not a redis:// URL', () => {
    expect(loadConfig({}, { ROLEGRAPH_REDIS_URL: 'redis://10.0.0.5:6379/0' }, CWD).redisUrl).toBe('redis://10.0.0.5:6379/0');
    expect(loadConfig({ redisUrl: 'rediss://cache:6380' }, { ROLEGRAPH_REDIS_URL: 'redis://other:6379' }, CWD).redisUrl).toBe('rediss://cache:6380');
    expect(loadConfig({}, { ROLEGRAPH_REDIS_URL: '' }, CWD).redisUrl).toBeNull();
    expect(() => loadConfig({}, { ROLEGRAPH_REDIS_URL: 'http://:pw@cache:6379' }, CWD)).toThrow('redis URL must start with redis:// or rediss://, got "http://***@cache:6379"');
    expect(loadConfig({}, { ROLEGRAPH_REDIS_CACHE_TTL_SECONDS: '3600' }, CWD).redisCacheTtlSeconds).toBe(3600);
    expect(() => loadConfig({}, { ROLEGRAPH_REDIS_CACHE_TTL_SECONDS: '0' }, CWD)).toThrow(ConfigError);
    expect(redactConfig(loadConfig({}, { ROLEGRAPH_REDIS_URL: 'redis://:hunter2@cache:6379' }, CWD)).redisUrl).toBe('redis://***@cache:6379');
  });

  it('reads ROLEGRAPH_HEAD_MAX_AGE_SECONDS and refuses a value out of range', () => {
    expect(loadConfig({}, { ROLEGRAPH_HEAD_MAX_AGE_SECONDS: '0' }, CWD).headMaxAgeSeconds).toBe(0);
    expect(loadConfig({}, { ROLEGRAPH_HEAD_MAX_AGE_SECONDS: '60' }, CWD).headMaxAgeSeconds).toBe(60);
    expect(() => loadConfig({}, { ROLEGRAPH_HEAD_MAX_AGE_SECONDS: 'soon' }, CWD)).toThrow('ROLEGRAPH_HEAD_MAX_AGE_SECONDS must be a whole number, got "soon"');
    expect(() => loadConfig({}, { ROLEGRAPH_HEAD_MAX_AGE_SECONDS: '86401' }, CWD)).toThrow(ConfigError);
  });

  it('reads the environment', () => {
    const config = loadConfig({}, {
      ROLEGRAPH_REPO: 'https://gitlab.example.com/handbook/handbook.git',
      ROLEGRAPH_BRANCH: 'production',
      ROLEGRAPH_CONTENT_DIR: './sites/handbook/job-families/',
      ROLEGRAPH_CACHE_DIR: '/var/cache/rolegraph',
      PORT: '8080',
      ROLEGRAPH_POLL_SECONDS: '0',
      ROLEGRAPH_GITLAB_TOKEN: 'gl-token',
      ROLEGRAPH_GITHUB_SECRET: 'gh-secret',
      ROLEGRAPH_ADMIN_TOKEN: 'admin-token',
    }, CWD);
    expect(config.repo).toBe('https://gitlab.example.com/handbook/handbook.git');
    expect(config.branch).toBe('production');
    expect(config.contentDir).toBe('sites/handbook/job-families');
    expect(config.cacheDir).toBe('/var/cache/rolegraph');
    expect(config.port).toBe(8080);
    expect(config.pollSeconds).toBe(0);
    expect(config.gitlabToken).toBe('gl-token');
    expect(config.githubSecret).toBe('gh-secret');
    expect(config.adminToken).toBe('admin-token');
  });

  it('lets flags win over the environment, and treats empty values as unset', () => {
    const env = { ROLEGRAPH_REPO: 'git@gitlab.com:org/handbook.git', ROLEGRAPH_BRANCH: 'env-branch', PORT: '8080', ROLEGRAPH_CACHE_DIR: '' };
    const config = loadConfig({ repo: '../handbook', branch: 'flag-branch', port: '9090', cacheDir: 'cache' }, env, CWD);
    expect(config.repo).toBe('/srv/handbook');
    expect(config.branch).toBe('flag-branch');
    expect(config.port).toBe(9090);
    expect(config.cacheDir).toBe('/srv/rolegraph/cache');
    expect(loadConfig({}, env, CWD).repo).toBe('git@gitlab.com:org/handbook.git');
    expect(loadConfig({ repo: '' }, { ROLEGRAPH_REPO: '' }, CWD).repo).toBeNull();
  });

  it('refuses an invalid port with a clear message', () => {
    expect(() => loadConfig({ port: 'http' }, {}, CWD)).toThrow(new ConfigError('port must be a whole number, got "http"'));
    expect(() => loadConfig({}, { PORT: '70000' }, CWD)).toThrow(new ConfigError('port must be between 0 and 65535, got 70000'));
    expect(() => loadConfig({ port: '4e3' }, {}, CWD)).toThrow(ConfigError);
    expect(() => loadConfig({}, { ROLEGRAPH_POLL_SECONDS: '-5' }, CWD)).toThrow('poll seconds must be a whole number, got "-5"');
  });

  it('refuses branches, repositories and content folders that could become options or escape', () => {
    expect(() => loadConfig({ branch: '--upload-pack=x' }, {}, CWD)).toThrow('invalid branch name "--upload-pack=x"');
    expect(() => loadConfig({ branch: 'a..b' }, {}, CWD)).toThrow(ConfigError);
    expect(() => loadConfig({ repo: '--upload-pack=touch /tmp/x' }, {}, CWD)).toThrow(ConfigError);
    expect(() => loadConfig({ contentDir: '../../etc' }, {}, CWD)).toThrow('content dir must be a folder inside the repository');
    expect(() => loadConfig({ contentDir: '/abs' }, {}, CWD)).toThrow(ConfigError);
    expect(() => loadConfig({}, { ROLEGRAPH_INTROSPECTION: 'maybe' }, CWD)).toThrow('ROLEGRAPH_INTROSPECTION must be true or false')
    expect(() => loadConfig({}, { ROLEGRAPH_MAX_DEPTH: 'deep' }, CWD)).toThrow(ConfigError);;
  });
});

describe('redactConfig', () => {
  it('never lets a secret or URL credential through', () => {
    const config = loadConfig({}, {
      ROLEGRAPH_REPO: 'https://oauth2:glpat-SECRET1@gitlab.example.com/h.git',
      ROLEGRAPH_GITLAB_TOKEN: 'SECRET2',
      ROLEGRAPH_GITHUB_SECRET: 'SECRET3',
      ROLEGRAPH_ADMIN_TOKEN: 'SECRET4',
    }, CWD);
    const logged = JSON.stringify(redactConfig(config));
    expect(logged).not.toMatch(/SECRET/);
    expect(redactConfig(config)).toMatchObject({
      repo: 'https://***@gitlab.example.com/h.git',
      gitlabToken: '[set]',
      githubSecret: '[set]',
      adminToken: '[set]',
      gitlabSigningSecret: null,
    });
  });
});
