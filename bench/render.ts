// Markdown for a family model, in the layouts of the real pages: single-role pages with top-level
// sections (vp-of-commercial-sales.md) and multi-role pages with a `##` heading per role
// (high-velocity-sales-and-first-orders.md), grade sentences in their three real spellings.
import type { FamilyModel, LadderTarget, RoleModel } from './model';

const GRADES_URL = '/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades';
const HIRING_INTRO =
  'Candidates for this position can expect the hiring process to follow the order below. Please keep in mind that candidates can be declined from the position at any stage of the process. To learn more about someone who may be conducting the interview, find their job title on our [team page](/handbook/company/team/).';

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function gradeSentence(role: RoleModel): string {
  switch (role.gradeStyle) {
    case 'link':
      return `The ${role.title} is a [grade ${role.grade}](${GRADES_URL}).`;
    case 'plain':
      return `The ${role.title} is a grade ${role.grade}.`;
    case 'level':
      return `The ${role.title} is a grade level ${role.grade}.`;
  }
}

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

function ladderHref(target: LadderTarget): string {
  const rel = `/job-families/${target.key}/`;
  return target.absolute ? `https://handbook.gitlab.com${rel}` : rel;
}

/** `headed`: the role has its own `##` heading (multi-role page); otherwise its sections are top-level. */
function renderRole(role: RoleModel, headed: boolean): string {
  const sub = headed ? '###' : '##';
  const prefix = headed && role.prefixedHeadings ? `${role.title} ` : '';
  const parts: string[] = [];
  if (headed) parts.push(`## ${role.title}`);
  if (role.reportsTo) parts.push(`The ${role.title} reports to the ${role.reportsTo}.`);
  if (role.description) parts.push(role.description);
  parts.push(`${sub} ${prefix}Job Grade`, gradeSentence(role));
  parts.push(`${sub} ${prefix}Responsibilities`, bullets(role.responsibilities));
  parts.push(`${sub} ${prefix}Requirements`, bullets(role.requirements));
  return parts.join('\n\n');
}

function renderLadder(family: FamilyModel): string {
  const top = family.roles[family.roles.length - 1];
  const from = top ? top.title : family.title;
  const [first, ...rest] = family.ladder;
  if (!first) return '';
  const parts = [
    '## Career Ladder',
    `The next step for the ${from} job family is to move to the [${first.title}](${ladderHref(first)}) job family.`,
  ];
  if (rest.length > 0) {
    parts.push('Other paths open from here:', bullets(rest.map((t) => `[${t.title}](${ladderHref(t)})`)));
  }
  return parts.join('\n\n');
}

export function renderFamily(family: FamilyModel): string {
  const out: string[] = [
    ['---', `title: ${quote(family.title)}`, `description: ${quote(`Learn more about ${family.title} roles at GitLab including requirements, responsibilities and more.`)}`, '---'].join('\n'),
  ];
  out.push(...family.intro);
  const [onlyRole] = family.roles;
  if (family.single && onlyRole && family.roles.length === 1) {
    out.push(renderRole(onlyRole, false));
  } else {
    for (const role of family.roles) out.push(renderRole(role, true));
  }
  if (family.performanceShortcode) out.push('## Performance Indicators', `{{% job-families/${family.department}/performance %}}`);
  const ladder = renderLadder(family);
  if (ladder) out.push(ladder);
  if (family.hiring.length > 0) {
    out.push('## Hiring Process', HIRING_INTRO, bullets(family.hiring));
  }
  return `${out.join('\n\n')}\n`;
}

/** A department's `_index.md`: front matter only, as the real ones are. */
export function renderDepartmentPage(department: string): string {
  const title = department
    .split('-')
    .map((w) => (w === 'and' ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
  return `---\ntitle: ${quote(`${title} Job Families`)}\ndescription: ${quote(`${title} job families at GitLab.`)}\n---\n`;
}
