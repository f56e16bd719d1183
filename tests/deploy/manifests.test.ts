// deploy/ cannot run here (no Docker, no cluster), so this reads it against the code: every
// environment variable the manifests set is one loadConfig reads and accepts with that value; the
// ports are the server's default port; the probe paths answer 200 on a real server; the Redis URL
// names the Redis the same file runs, bounded with an LRU policy; nginx sends to the replicas.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULTS, loadConfig } from '../../src/server/config';
import { startHttpServer, type HttpTestServer } from '../helpers/httpServer';
import { seed } from '../helpers/makeRepo';

// js-yaml is already installed (gray-matter reads front matter with it); v3 has no bundled types.
const { loadAll } = require('js-yaml') as { loadAll(text: string): unknown[] };

const DEPLOY = path.resolve(__dirname, '..', '..', 'deploy');
const read = (file: string): string => fs.readFileSync(path.join(DEPLOY, file), 'utf8');
const yamlDocs = (file: string): any[] => loadAll(read(file));

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

/** The environment variable names loadConfig reads (recorded as it reads them), whatever they are set to. */
function namesConfigReads(): Set<string> {
  const reads = new Set<string>();
  const env = new Proxy({} as Record<string, string | undefined>, {
    get(_target, key) {
      if (typeof key === 'string') reads.add(key);
      return undefined;
    },
  });
  loadConfig({}, env, '/srv');
  return reads;
}

/** A compose value as Compose would give it: `${X:-default}` → the default; a required `${X:?…}` or empty default → a stand-in. */
function composeValue(value: string): string {
  const interpolation = /^\$\{[A-Z_]+(?::?-([^}]*)|:\?[^}]*)\}$/.exec(value);
  if (!interpolation) return value;
  return interpolation[1] ? interpolation[1] : 'https://gitlab.example.com/handbook.git';
}

const compose = yamlDocs('docker-compose.yml')[0];
const k8sApp = yamlDocs('k8s/rolegraph.yaml');
const k8sRedis = yamlDocs('k8s/redis.yaml');
const deployment = k8sApp.find((doc) => doc.kind === 'Deployment');
const container = deployment.spec.template.spec.containers[0];
const replicaServices = Object.keys(compose.services).filter((name) => name.startsWith('rolegraph-'));

let served: HttpTestServer;

beforeAll(async () => {
  served = await startHttpServer([{ message: 'Add the regional sales director', files: { 'content/job-families/sales/director-regional-sales.md': seed('director-regional-sales.md') } }]);
});

afterAll(async () => {
  await served?.close();
});

describe('deploy/docker-compose.yml', () => {
  it('runs three replicas, each its own cache volume and instance id, sharing one Redis', () => {
    expect(replicaServices).toEqual(['rolegraph-1', 'rolegraph-2', 'rolegraph-3']);
    const envs = replicaServices.map((name) => compose.services[name].environment as Record<string, string>);
    expect(envs.map((env) => env.ROLEGRAPH_INSTANCE_ID)).toEqual(replicaServices);
    expect(replicaServices.map((name) => compose.services[name].volumes[0].split(':')[1])).toEqual(Array(3).fill('/app/repo-cache'));
    expect(new Set(replicaServices.map((name) => compose.services[name].volumes[0].split(':')[0])).size).toBe(3);
    expect(new Set(envs.map((env) => env.ROLEGRAPH_REDIS_URL))).toEqual(new Set(['redis://redis:6379']));
  });

  it('sets only environment variables the config reads, with values it accepts', () => {
    const reads = namesConfigReads();
    for (const name of replicaServices) {
      const env = compose.services[name].environment as Record<string, string>;
      expect(Object.keys(env).filter((key) => !reads.has(key))).toEqual([]);
      const config = loadConfig({}, Object.fromEntries(Object.entries(env).map(([k, v]) => [k, composeValue(v)])), '/srv');
      expect([config.port, config.redisUrl, config.instanceId]).toEqual([DEFAULTS.port, 'redis://redis:6379', name]);
    }
  });

  it('bounds Redis memory with an LRU policy and persists nothing', () => {
    const args: string[] = compose.services.redis.command;
    expect(args[args.indexOf('--maxmemory') + 1]).toMatch(/^\d+mb$/);
    expect(args[args.indexOf('--maxmemory-policy') + 1]).toBe('allkeys-lru');
    expect(args[args.indexOf('--save') + 1]).toBe('');
  });

  it('puts nginx in front, sending to every replica on the server port', () => {
    expect(compose.services.nginx.volumes).toEqual(['./nginx.conf:/etc/nginx/nginx.conf:ro']);
    const nginx = read('nginx.conf');
    const upstreams = [...nginx.matchAll(/^\s*server\s+([\w-]+):(\d+)\b/gm)].map((m) => [m[1], Number(m[2])]);
    expect(upstreams).toEqual(replicaServices.map((name) => [name, DEFAULTS.port]));
    const listen = Number(/^\s*listen\s+(\d+);/m.exec(nginx)?.[1]);
    expect(compose.services.nginx.ports).toEqual([`${listen}:${listen}`]);
  });
});

describe('deploy/k8s', () => {
  it('sets only environment variables the config reads, with values it accepts', () => {
    const env: EnvVar[] = container.env;
    const reads = namesConfigReads();
    expect(env.map((v) => v.name).filter((name) => !reads.has(name))).toEqual([]);
    // Values from the pod (its name) or a Secret get stand-ins of the right kind.
    const values = Object.fromEntries(env.map((v) => [v.name, v.value ?? (v.name === 'ROLEGRAPH_REPO' ? 'https://gitlab.example.com/handbook.git' : 'rolegraph-7d9f-abcde')]));
    const config = loadConfig({}, values, '/srv');
    expect([config.port, config.redisUrl, config.cacheDir]).toEqual([DEFAULTS.port, 'redis://redis:6379', '/app/repo-cache']);
    expect(env.find((v) => v.name === 'ROLEGRAPH_INSTANCE_ID')?.valueFrom).toEqual({ fieldRef: { fieldPath: 'metadata.name' } });
  });

  it('probes the routes the server answers, on the port it listens on', async () => {
    expect(container.ports).toEqual([{ name: 'http', containerPort: DEFAULTS.port }]);
    expect([container.readinessProbe.httpGet, container.livenessProbe.httpGet]).toEqual([
      { path: '/readyz', port: 'http' },
      { path: '/healthz', port: 'http' },
    ]);
    for (const probe of [container.readinessProbe.httpGet.path, container.livenessProbe.httpGet.path]) {
      expect([probe, (await fetch(`${served.base}${probe}`)).status]).toEqual([probe, 200]);
    }
  });

  it('exposes the replicas through a Service, and Redis where ROLEGRAPH_REDIS_URL points', () => {
    const service = k8sApp.find((doc) => doc.kind === 'Service');
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    expect(service.spec.ports[0].targetPort).toBe('http');
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);

    const url = new URL(container.env.find((v: EnvVar) => v.name === 'ROLEGRAPH_REDIS_URL').value);
    const redisService = k8sRedis.find((doc) => doc.kind === 'Service');
    expect([redisService.metadata.name, redisService.spec.ports[0].port]).toEqual([url.hostname, Number(url.port)]);
    const redisArgs: string[] = k8sRedis.find((doc) => doc.kind === 'Deployment').spec.template.spec.containers[0].args;
    expect(redisArgs[redisArgs.indexOf('--maxmemory-policy') + 1]).toBe('allkeys-lru');
  });
});
