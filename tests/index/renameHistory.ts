// The rename history the index and GraphQL rename tests share: the Technical Account Manager
// family retitled Customer Success Manager in one commit (three roles, reports-to lines changed
// with them), "Director of Digital Experience" retitled "Director, Digital Experience", and that
// family's page moved from engineering/ to product/ with `git mv`. Pages: tests/fixtures/renames.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, makeRepo, type CommitSpec, type TestRepo } from '../helpers/makeRepo';
import { edit } from './realPages';

export const SALES = 'content/job-families/sales';
export const TAM_PATH = `${SALES}/technical-account-manager.md`;
export const FAMILY = 'sales/technical-account-manager';
export const TAM = `${FAMILY}#technical-account-manager`;
export const CSM = `${FAMILY}#customer-success-manager`;
export const SENIOR_TAM = `${FAMILY}#senior-technical-account-manager`;
export const SENIOR_CSM = `${FAMILY}#senior-customer-success-manager`;
export const TAM_MANAGER = `${FAMILY}#manager-technical-account-management`;
export const CSM_MANAGER = `${FAMILY}#manager-customer-success`;
export const DX_OLD = 'engineering/digital-experience#director-of-digital-experience';
export const DX_RETITLED = 'engineering/digital-experience#director-digital-experience';
export const DX_MOVED = 'product/digital-experience#director-digital-experience';

const read = (name: string) => fs.readFileSync(path.join(FIXTURES_DIR, 'renames', name), 'utf8');
export const TAM_V1 = read('technical-account-manager.md');
export const ADDED_BULLET = '- Run quarterly health checks of the customer instance with the support team';
export const TAM_V2 = edit(TAM_V1, '- Identify expansion opportunities and hand them to the account team\n', `- Identify expansion opportunities and hand them to the account team\n${ADDED_BULLET}\n`);
export const EDITED_FROM = '- Establish regular cadence calls with customers to review adoption, use cases and roadmap';
export const EDITED_TO = '- Establish regular cadence calls with customers to review adoption, use cases and product roadmap';
// The retitle: every title and reports-to sentence at once, and one bullet reworded on the way.
export const TAM_V3 = edit(
  TAM_V2.replaceAll('Technical Account Management', 'Customer Success').replaceAll('Manager, Customer Success reports to the Director of Customer Success', 'Manager, Customer Success reports to the VP of Customer Success').replaceAll('Technical Account Manager', 'Customer Success Manager'),
  EDITED_FROM,
  EDITED_TO,
);
export const DX_V1 = read('digital-experience.md');
export const DX_V2 = DX_V1.replaceAll('Director of Digital Experience', 'Director, Digital Experience');

/** The five commits, oldest first. */
export const RENAME_COMMITS: CommitSpec[] = [
    { message: 'Add the TAM and Digital Experience families', files: { [TAM_PATH]: TAM_V1, 'content/job-families/engineering/digital-experience.md': DX_V1 } },
    { message: 'TAM: health checks', files: { [TAM_PATH]: TAM_V2 } },
    { message: 'Retitle Technical Account Managers as Customer Success Managers', files: { [TAM_PATH]: TAM_V3 } },
    { message: 'Director, Digital Experience', files: { 'content/job-families/engineering/digital-experience.md': DX_V2 } },
    {
      message: 'Digital Experience moves to the product department',
      renames: [['content/job-families/engineering/digital-experience.md', 'content/job-families/product/digital-experience.md']],
  },
];

/** The history in a fresh repository (the first `count` commits), and its shas oldest first. */
export function makeRenameHistory(count = RENAME_COMMITS.length): { repo: TestRepo; shas: string[] } {
  const repo = makeRepo(RENAME_COMMITS.slice(0, count));
  return { repo, shas: repo.git('log', '--reverse', '--format=%H').split('\n') };
}
