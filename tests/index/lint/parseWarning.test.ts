import { parseFailed, parseWarning } from '../../../src/index/lint';
import type { Snapshot } from '../../../src/index/types';
import { seedPage, seedPages, snapshotOf } from '../../helpers/snapshotOf';

describe('parse-warning', () => {
  test('ok: the VP seed parses cleanly', () => {
    expect(parseWarning.check(snapshotOf([seedPage('vp-of-commercial-sales.md')]))).toEqual([]);
  });

  test('not ok: the account-executive seed has a role heading inside its front matter (line 5)', () => {
    expect(parseWarning.check(snapshotOf([seedPage('commercial-account-executive.md')]))).toEqual([
      {
        ruleId: 'parse-warning',
        severity: 'WARNING',
        message:
          'heading "Commercial Account Executive - Mid-Market" was inside the front matter; read as a heading (front-matter-heading)',
        familySlug: 'sales/account-executive',
        roleId: null,
        path: 'content/job-families/sales/account-executive.md',
        line: 5,
      },
    ]);
  });

  test('warnings another rule reports (grade-missing → role-has-grade) are not repeated', () => {
    const snapshot = snapshotOf([seedPage('inside-sales-mid-market.md')]);
    expect(snapshot.families[0].warnings.map((w) => w.code)).toContain('grade-missing');
    expect(parseWarning.check(snapshot)).toEqual([]);
  });
});

describe('parse-failed', () => {
  test('ok: no seed fails to parse', () => {
    expect(parseFailed.check(snapshotOf(seedPages()))).toEqual([]);
  });

  test('not ok: a page carrying the parser\'s parse-failed warning is an ERROR', () => {
    // The parser turns any internal failure into this warning; no real file triggers one, so the
    // warning is added to a real parsed page.
    const real = snapshotOf([seedPage('vp-of-commercial-sales.md')]);
    const family = real.families[0];
    const failed = { ...family, warnings: [{ code: 'parse-failed', message: 'page could not be read: boom', line: null, role: null }] };
    const snapshot: Snapshot = { ...real, families: [failed], familyBySlug: new Map([[failed.slug, failed]]) };
    expect(parseFailed.check(snapshot)).toEqual([
      {
        ruleId: 'parse-failed',
        severity: 'ERROR',
        message: 'page could not be read: boom (parse-failed)',
        familySlug: 'sales/vp-of-commercial-sales',
        roleId: null,
        path: 'content/job-families/sales/vp-of-commercial-sales.md',
        line: null,
      },
    ]);
    expect(parseWarning.check(snapshot)).toEqual([]);
  });
});
