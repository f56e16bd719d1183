// The bench's children run with the heap flags the Docker image gives rolegraph, so a peak RSS in
// bench/RESULTS.md is the image's: the two must not drift apart. So does its malloc setting.
import fs from 'node:fs';
import path from 'node:path';
import { heapCapArgs, IMAGE_ENV, IMAGE_HEAP_CAP, imageEnv } from '../../bench/nodeChild';

/** `NODE_OPTIONS="..."` in the Dockerfile's ENV instruction (a continued line of `KEY=value` pairs). */
const NODE_OPTIONS_LINE = /^\s*(?:ENV\s+)?NODE_OPTIONS="([^"]*)"/m;

const saved = { all: process.env.BENCH_HEAP_CAP, server: process.env.BENCH_SERVER_HEAP_CAP };
afterEach(() => {
  for (const [name, value] of [['BENCH_HEAP_CAP', saved.all], ['BENCH_SERVER_HEAP_CAP', saved.server]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

it('is the Dockerfile NODE_OPTIONS', () => {
  const dockerfile = fs.readFileSync(path.resolve(__dirname, '..', '..', 'Dockerfile'), 'utf8');
  expect(NODE_OPTIONS_LINE.exec(dockerfile)?.[1]).toBe(IMAGE_HEAP_CAP);
});

it('runs children with the Dockerfile ENV that shapes memory, over their own environment', () => {
  const dockerfile = fs.readFileSync(path.resolve(__dirname, '..', '..', 'Dockerfile'), 'utf8');
  for (const [name, value] of Object.entries(IMAGE_ENV)) expect(new RegExp(`^\\s*${name}=${value}\\s*\\\\?$`, 'm').test(dockerfile)).toBe(true);
  expect(imageEnv({ NODE_ENV: 'production' })).toEqual({ ...process.env, MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '4194304', NODE_ENV: 'production' });
});

it('is given to index builds and servers unless switched off', () => {
  delete process.env.BENCH_HEAP_CAP;
  delete process.env.BENCH_SERVER_HEAP_CAP;
  const flags = ['--max-old-space-size=768', '--max-semi-space-size=16'];
  expect(heapCapArgs('index')).toEqual(flags);
  expect(heapCapArgs('server')).toEqual(flags);
  process.env.BENCH_SERVER_HEAP_CAP = 'off';
  expect(heapCapArgs('index')).toEqual(flags);
  expect(heapCapArgs('server')).toEqual([]);
  delete process.env.BENCH_SERVER_HEAP_CAP;
  process.env.BENCH_HEAP_CAP = 'off';
  expect(heapCapArgs('index')).toEqual([]);
  expect(heapCapArgs('server')).toEqual([]);
});
