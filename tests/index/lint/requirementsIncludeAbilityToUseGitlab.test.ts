import { requirementsIncludeAbilityToUseGitlab as rule } from '../../../src/index/lint';
import { edit, seedPage, snapshotOf } from '../../helpers/snapshotOf';

const VP = seedPage('vp-of-commercial-sales.md');

describe('requirements-include-ability-to-use-gitlab', () => {
  test('ok: the VP seed has the bullet, in any case', () => {
    expect(rule.check(snapshotOf([VP]))).toEqual([]);
    expect(rule.check(snapshotOf([edit(VP, '- Ability to use GitLab\n', '- ABILITY TO USE  gitlab daily\n')]))).toEqual([]);
  });

  test('ok: one role stating it covers a multi-level family', () => {
    expect(rule.check(snapshotOf([seedPage('high-velocity-sales-and-first-orders.md')]))).toEqual([]);
  });

  test('not ok: the account-executive seed never says it', () => {
    expect(rule.check(snapshotOf([seedPage('commercial-account-executive.md')]))).toEqual([
      {
        ruleId: 'requirements-include-ability-to-use-gitlab',
        severity: 'WARNING',
        message: 'no requirement of "Commercial Account Executive Job Family" says "Ability to use GitLab"',
        familySlug: 'sales/account-executive',
        roleId: null,
        path: 'content/job-families/sales/account-executive.md',
        line: 1,
      },
    ]);
  });

  test('not ok: the VP seed without the bullet; prose elsewhere does not count', () => {
    const page = edit(VP, '- Ability to use GitLab\n', '');
    expect(rule.check(snapshotOf([page])).map((i) => i.message)).toEqual([
      'no requirement of "Vice President of Commerical Sales (Mid-Market and SMB)" says "Ability to use GitLab"',
    ]);
  });
});
