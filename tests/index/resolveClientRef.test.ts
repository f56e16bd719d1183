import { commitAtOrBefore, dateRefInstant, resolveClientRef } from '../../src/index/resolveClientRef';
import { commitAt } from './realPages';

const timeline = [commitAt(0, '2020-02-03T10:15:00+00:00'), commitAt(1, '2020-02-04T10:20:00+00:00'), commitAt(2, '2020-02-10T14:00:00Z')];
const ctx = {
  timeline,
  bySha: new Map(timeline.map((c) => [c.sha, c] as const)),
  resolve: async (ref: string) => {
    if (ref === 'main') return timeline[2].sha;
    throw Object.assign(new Error(`unknown ref ${ref}`), { code: 'BAD_REF' });
  },
  commitInfo: async (sha: string) => ({ ...commitAt(9), sha, position: -1 }),
};

describe('date refs', () => {
  it('reads dates as the end of the UTC day and date-times as instants', () => {
    expect(dateRefInstant('2020-02-04')).toBe(Date.parse('2020-02-04T23:59:59.999Z'));
    expect(dateRefInstant('2020-02-04T10:20:00Z')).toBe(Date.parse('2020-02-04T10:20:00Z'));
    expect(dateRefInstant('2020-02-04T12:20:00+02:00')).toBe(Date.parse('2020-02-04T10:20:00Z'));
    expect(dateRefInstant('2020-02-30')).toBeNull();
    expect(dateRefInstant('main')).toBeNull();
  });

  it('picks the last commit at or before the date', () => {
    expect(commitAtOrBefore(timeline, Date.parse('2020-02-04T10:19:59Z'))!.position).toBe(0);
    expect(commitAtOrBefore(timeline, Date.parse('2020-02-04T10:20:00Z'))!.position).toBe(1);
    expect(commitAtOrBefore(timeline, Date.parse('2020-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('resolveClientRef', () => {
  it('maps null to head, dates to the timeline and names through the git resolver', async () => {
    expect((await resolveClientRef(null, ctx)).position).toBe(2);
    expect((await resolveClientRef(undefined, ctx)).position).toBe(2);
    expect((await resolveClientRef('2020-02-04', ctx)).position).toBe(1);
    expect((await resolveClientRef('2020-02-04T10:20:00Z', ctx)).position).toBe(1);
    expect((await resolveClientRef('main', ctx)).position).toBe(2);
  });

  it('refuses empty, long, NUL and too-early refs with BAD_REF before asking git', async () => {
    const asked: string[] = [];
    const watching = { ...ctx, resolve: async (r: string) => (asked.push(r), ctx.resolve(r)) };
    for (const bad of ['', ' ', 'x'.repeat(257), 'main\0--upload-pack=x', '2020-02-02']) {
      await expect(resolveClientRef(bad, watching)).rejects.toMatchObject({ code: 'BAD_REF' });
    }
    expect(asked).toEqual([]);
  });
});
