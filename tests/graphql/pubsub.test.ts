// The headChanged channel: one listener per subscriber, so Node's listener-leak warning must sit
// at the server's subscription cap, not at Node's default of 10. Node emits that warning on the
// real process, which a jest sandbox does not see, so the channel runs in a child process (built
// dist/, as the CLI tests use).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const PUBSUB = path.resolve(__dirname, '../../dist/graphql/pubsub.js');

/** Warnings a child process printed while `subscribers` subscribers received one event each, and what they received. */
function run(cap: number | undefined, subscribers: number): { warnings: string[]; received: unknown[] } {
  const script = `
    const { createRolegraphPubSub, HEAD_CHANGED } = require(${JSON.stringify(PUBSUB)});
    const warnings = [];
    process.on('warning', (warning) => warnings.push(warning.name));
    const pubSub = createRolegraphPubSub(${cap === undefined ? '' : cap});
    const iterators = Array.from({ length: ${subscribers} }, () => pubSub.subscribe(HEAD_CHANGED)[Symbol.asyncIterator]());
    const received = Promise.all(iterators.map(async (iterator) => (await iterator.next()).value));
    setImmediate(async () => {
      pubSub.publish(HEAD_CHANGED, { head: 'b' });
      const values = await received;
      await Promise.all(iterators.map((iterator) => iterator.return()));
      setImmediate(() => process.stdout.write(JSON.stringify({ warnings, received: values })));
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { warnings: string[]; received: unknown[] };
}

it('delivers to 50 subscribers without a listener-leak warning when the cap is above them', () => {
  expect(run(5000, 50)).toEqual({ warnings: [], received: Array(50).fill({ head: 'b' }) });
});

it('delivers without a warning when no cap is given', () => {
  expect(run(undefined, 50).warnings).toEqual([]);
});

it('warns once subscribers pass the cap it was given', () => {
  expect(run(3, 4)).toEqual({ warnings: ['MaxListenersExceededWarning'], received: Array(4).fill({ head: 'b' }) });
});
