// The messages on the replicas' channel: what one replica encodes, another decodes to the same
// thing; anything else on the channel (wrong shape, a head that is not a full sha) is dropped.
import { clusterNamespace, decodeAnnouncement, encodeAnnouncement, type HeadAnnouncement } from '../../src/cluster';

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';

describe('head announcements', () => {
  it('round-trips a webhook announcement and a "go and look" one without a head', () => {
    const pushed: HeadAnnouncement = { head: SHA, branch: 'main', origin: 'replica-1', cause: 'webhook:github' };
    const unknownHead: HeadAnnouncement = { head: null, branch: 'main', origin: 'replica-2', cause: 'webhook:gitlab' };
    expect(decodeAnnouncement(encodeAnnouncement(pushed))).toEqual(pushed);
    expect(decodeAnnouncement(encodeAnnouncement(unknownHead))).toEqual(unknownHead);
    expect(encodeAnnouncement(pushed)).toBe('{"head":"3f786850e387550fdab836ed7e6dc881de23001b","branch":"main","origin":"replica-1","cause":"webhook:github"}');
  });

  it('drops what is not an announcement', () => {
    expect(decodeAnnouncement('not json')).toBeNull();
    expect(decodeAnnouncement('null')).toBeNull();
    expect(decodeAnnouncement(JSON.stringify({ head: 'main', branch: 'main', origin: 'x', cause: 'poll' }))).toBeNull();
    expect(decodeAnnouncement(JSON.stringify({ head: SHA.slice(0, 12), branch: 'main', origin: 'x', cause: 'poll' }))).toBeNull();
    expect(decodeAnnouncement(JSON.stringify({ head: SHA, branch: 'main', origin: 'x', cause: 'cron' }))).toBeNull();
    expect(decodeAnnouncement(JSON.stringify({ head: SHA, origin: 'x', cause: 'poll' }))).toBeNull();
  });
});

describe('clusterNamespace', () => {
  it('is the same for replicas of one repository and branch, and differs for another repository or branch', () => {
    const ns = clusterNamespace('https://gitlab.example.com/handbook.git', 'main');
    expect(ns).toMatch(/^rolegraph:[0-9a-f]{16}$/);
    expect(clusterNamespace('https://gitlab.example.com/handbook.git', 'main')).toBe(ns);
    expect(clusterNamespace('https://gitlab.example.com/handbook.git', 'production')).not.toBe(ns);
    expect(clusterNamespace('https://gitlab.example.com/other.git', 'main')).not.toBe(ns);
  });
});
