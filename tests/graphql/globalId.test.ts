import {
  commitGlobalId,
  decodeGlobalId,
  familyGlobalId,
  parseGlobalId,
  roleChangeGlobalId,
  roleGlobalId,
  roleKeyOf,
  REMEMBERED_IDS_PER_TYPE,
  roleVersionGlobalId,
} from '../../src/graphql/globalId';

const A = '0123456789abcdef0123456789abcdef01234567';
const B = 'fedcba9876543210fedcba9876543210fedcba98';
const KEY = 'sales/high-velocity-sales-and-first-orders#smb-advocate-team-lead';
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

describe('global ids', () => {
  it('spell the type, the readable name and the commit, base64url-encoded', () => {
    expect(roleGlobalId(KEY, A)).toBe(b64(`Role:${KEY}@${A}`));
    expect(familyGlobalId('sales/x', A)).toBe(b64(`JobFamily:sales/x@${A}`));
    expect(roleVersionGlobalId(KEY, A)).toBe(b64(`RoleVersion:${KEY}@${A}`));
    expect(roleChangeGlobalId(KEY, A, B)).toBe(b64(`RoleChange:${KEY}@${A}..${B}`));
    expect(commitGlobalId(A)).toBe(b64(`Commit:${A}`));
    expect(roleGlobalId(KEY, A)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('differ for the same role at two commits, and agree for the same state', () => {
    expect(roleGlobalId(KEY, A)).not.toBe(roleGlobalId(KEY, B));
    expect(roleGlobalId(KEY, A)).toBe(roleGlobalId(KEY, A));
    expect(roleChangeGlobalId(KEY, A, B)).not.toBe(roleChangeGlobalId(KEY, B, A));
  });

  it('stay right however many are made: the memo of encoded ids starts over when full, per type', () => {
    const keys = Array.from({ length: REMEMBERED_IDS_PER_TYPE + 50 }, (_, i) => `family-${i % 7}#role-${i}`);
    for (const sha of [A, B]) for (const key of keys) expect(roleGlobalId(key, sha)).toBe(b64(`Role:${key}@${sha}`));
    // Asked again after the memo started over, and the other types beside it, each its own spelling.
    for (const key of keys.slice(0, 100)) {
      expect(roleGlobalId(key, A)).toBe(b64(`Role:${key}@${A}`));
      expect(roleVersionGlobalId(key, A)).toBe(b64(`RoleVersion:${key}@${A}`));
      expect(familyGlobalId(key, B)).toBe(b64(`JobFamily:${key}@${B}`));
    }
  });

  it('decode back to their parts, a key holding `@` included', () => {
    expect(decodeGlobalId(roleGlobalId(KEY, A))).toEqual({ type: 'Role', key: KEY, sha: A });
    expect(decodeGlobalId(roleGlobalId('team@x/y#z', A))).toEqual({ type: 'Role', key: 'team@x/y#z', sha: A });
    expect(decodeGlobalId(familyGlobalId('sales/x', B))).toEqual({ type: 'JobFamily', slug: 'sales/x', sha: B });
    expect(decodeGlobalId(roleVersionGlobalId(KEY, A))).toEqual({ type: 'RoleVersion', key: KEY, sha: A });
    expect(decodeGlobalId(roleChangeGlobalId(KEY, A, B))).toEqual({ type: 'RoleChange', key: KEY, from: A, to: B });
    expect(decodeGlobalId(commitGlobalId(A))).toEqual({ type: 'Commit', sha: A });
  });

  it('refuse anything this server did not make, as BAD_USER_INPUT', () => {
    const bad = [
      '',
      KEY,
      'not base64!',
      b64(`Role:${KEY}@${A.slice(0, 8)}`), // abbreviated sha
      b64(`Role:${KEY}@${A.toUpperCase()}`),
      b64(`Role:@${A}`), // no key
      b64(`Team:${KEY}@${A}`), // unknown type
      b64(`Commit:${A}@${B}`),
      b64(`RoleChange:${KEY}@${A}..${B}..${A}`),
      `${roleGlobalId(KEY, A)}==`, // padding: a second spelling
      'x'.repeat(3000),
    ];
    for (const id of bad) {
      expect(parseGlobalId(id)).toBeNull();
      expect(() => decodeGlobalId(id)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });

  it('give the role key an argument names: a key as is, a global Role id by its key', () => {
    expect(roleKeyOf(KEY)).toBe(KEY);
    expect(roleKeyOf(roleGlobalId(KEY, A))).toBe(KEY);
    // Another type's id is not a role key: left as is, so the lookup answers NOT_FOUND.
    expect(roleKeyOf(commitGlobalId(A))).toBe(commitGlobalId(A));
  });
});
