// Structure decisions a careful reader makes, each on a small page written for it.
import { parseFamily } from '../../src/parse';

const PATH = 'content/job-families/dept/fam.md';
const page = (...lines: string[]): string => lines.join('\n');

describe('which sections are roles', () => {
  it('roles under "## Levels" as H3, parts prefixed with the role name or misspelled', () => {
    const f = parseFamily(PATH, page(
      '## Levels', '', '### Associate', '', '#### Associate Job Grade', '', 'The Associate is a grade 5.', '',
      '#### Associate Responsibilites', '', '- a', '- b', '', '#### Associate Requirements', '', '- c', '',
      '### Senior', '', '#### Senior Job Grade', '', 'The Senior is a [grade 7](/x).', '', '#### Responsibilties', '', '- d', '',
      '## Performance Indicators', '', '- shared PI', '', '## Hiring Process', '', '- Screen', '- Interview',
    ));
    expect(f.roles.map((r) => [r.id, r.grade, r.responsibilities, r.requirements])).toEqual([
      ['dept/fam#associate', 5, ['a', 'b'], ['c']],
      ['dept/fam#senior', 7, ['d'], []],
    ]);
    expect(f.performanceIndicators).toEqual(['shared PI']);
    expect(f.hiringProcess).toEqual(['Screen', 'Interview']);
  });

  it('level headings at the depth of their own parts', () => {
    const f = parseFamily(PATH, page(
      '#### Partner', '', '#### Partner Job Grade', '', 'The Partner is a grade 6.', '', '#### Partner Responsibilities', '', '- p', '',
      '#### Lead', '', '#### Lead Job Grade', '', 'The Lead is a grade 7.', '', '#### Lead Requirements', '', '- q',
    ));
    expect(f.roles.map((r) => [r.title, r.grade, r.responsibilities, r.requirements])).toEqual([
      ['Partner', 6, ['p'], []],
      ['Lead', 7, [], ['q']],
    ]);
  });

  it('section-name variants: Qualifications, Job Requirements, About you, Primary Job Responsibilities', () => {
    const f = parseFamily(PATH, page('## Primary Job Responsibilities', '', '1. one', '1. two', '', '## Job Requirements', '', '* x', '', '## Qualifications', '', '* y', '', '## About you', '', '* z'));
    expect(f.roles).toHaveLength(1);
    expect(f.roles[0]?.responsibilities).toEqual(['one', 'two']);
    expect(f.roles[0]?.requirements).toEqual(['x', 'y', 'z']);
  });

  it('specialties, territories and segments are never roles', () => {
    const f = parseFamily(PATH, page(
      '## Job Grade', '', 'The X is a grade 9.', '', '## Responsibilities', '', '- r', '',
      '## Specialties', '', '### Geo', '', '#### Responsibilities', '', '- geo', '',
      '## Verticals ', '', '### Financial Services', '', '#### Requirements', '', '- fin', '',
      '## Segment', '', '### Federal Requirements', '', '- fed',
    ));
    expect(f.roles.map((r) => [r.grade, r.responsibilities, r.requirements])).toEqual([[9, ['r'], []]]);
  });

  it('lazy continuation lines and blank lines inside lists; nested bullets kept as children', () => {
    const f = parseFamily(PATH, page('## Requirements', '', '- first line', 'continues here', '', '- second', '    - child one', '    - child two', '', '* third'));
    const role = f.roles[0]!;
    expect(role.requirements).toEqual(['first line continues here', 'second', 'third']);
    expect(role.requirementItems[1]?.children.map((c) => c.text)).toEqual(['child one', 'child two']);
  });

  it('two roles with the same title keep both, the second with -2 and a warning', () => {
    const f = parseFamily(PATH, page('## Rep', '', '### Job Grade', '', 'grade 5', '', '## Rep', '', '### Job Grade', '', 'grade 6'));
    expect(f.roles.map((r) => r.id)).toEqual(['dept/fam#rep', 'dept/fam#rep-2']);
    expect(f.warnings.map((w) => w.code)).toContain('duplicate-role');
  });

  it('shortcodes, ERB and mojibake never leak into text; typos stay', () => {
    const f = parseFamily(PATH, page(
      '---', 'title: "Commerical"', '---', '{{< section-inline-toc >}}', '', '## Responsibilities', '',
      '- Grow GitLabâ€™s â€œbestâ€\u009d â€“ base â€” onwardsâ€¦', '- <%= partial("job-families/sales/performance") %>Keep', '',
      '{{% job-families/sales/performance %}}',
    ));
    expect(f.title).toBe('Commerical');
    expect(f.roles[0]?.responsibilities).toEqual(['Grow GitLab’s “best” – base — onwards…', 'Keep']);
    expect(f.performanceIndicators).toEqual(['job-families/sales/performance', 'job-families/sales/performance']);
    expect(JSON.stringify(f)).not.toMatch(/\{\{|<%|â€/);
  });

  it('an empty _index.md with only front matter is a department page', () => {
    const f = parseFamily('content/job-families/sales/_index.md', '---\ntitle: "Sales Roles"\ncascade:\n  type: docs\n---\n');
    expect([f.kind, f.slug, f.department, f.title, f.roles]).toEqual(['department', 'sales', 'sales', 'Sales Roles', []]);
  });
});

describe('misspelled and reworded section names', () => {
  it('typos within two edits of a section word are still that section; short or real words are not', () => {
    const f = parseFamily(PATH, page(
      '## Levels', '', '### Associate', '', '#### Job Grade', '', 'The Associate is a grade 5.', '',
      '#### Responsibilites', '', '- a', '', '#### Requirments', '', '- b', '',
      '### Senior', '', '#### Job Grade', '', 'The Senior is a grade 6.', '',
      '#### Senior Responsibilties', '', '- c', '', '#### Qualificatons', '', '- d', '',
      '#### Retirement', '', '- not a requirement',
    ));
    expect(f.roles.map((r) => [r.title, r.responsibilities, r.requirements])).toEqual([
      ['Associate', ['a'], ['b']],
      ['Senior', ['c'], ['d']],
    ]);
  });

  it('"Responsibilities and Requirements" holds duties; "You should apply if" and "Nice-to-haves" are requirements', () => {
    const f = parseFamily(PATH, page(
      '## What you can expect in a Manager role at GitLab', '', '- lead', '', '## You should apply if', '', '- x', '',
      '## Nice-to-haves', '', '- y', '', '## Career Progression', '', 'Next is [Director](/job-families/dept/director/).',
    ));
    expect(f.roles.map((r) => [r.responsibilities, r.requirements])).toEqual([[['lead'], ['x', 'y']]]);
    expect(f.careerLadder.map((l) => l.target)).toEqual(['dept/director']);
    const g = parseFamily(PATH, page('## Responsibilities and Requirements', '', '- Develop policies', '- Monitor reporting'));
    expect(g.roles.map((r) => [r.responsibilities, r.requirements])).toEqual([[['Develop policies', 'Monitor reporting'], []]]);
  });
});

describe('where a level writes its duties', () => {
  it('bullets right under the level heading are its responsibilities when it has no such section', () => {
    const f = parseFamily(PATH, page(
      '## Levels', '', '### Associate', '', '- Execute tasks', '- Learn the brand', '', '#### Job Grade', '', 'The Associate is a grade 5.', '',
      '### Senior', '', 'Everything in the Associate role, plus:', '', '- Lead work', '', '#### Job Grade', '', 'The Senior is a grade 7.', '',
      '#### Responsibilities', '', '- From the section', '', '- Another',
    ));
    expect(f.roles.map((r) => [r.title, r.responsibilities])).toEqual([
      ['Associate', ['Execute tasks', 'Learn the brand']],
      ['Senior', ['From the section', 'Another']], // a section wins over bullets beside it
    ]);
  });

  it('responsibilities written once above the levels are every level\'s that has none of its own', () => {
    const f = parseFamily(PATH, page(
      '## Responsibilities', '', '- Shared duty', '', '## Levels', '',
      '## Junior Rep', '', '### Job Grade', '', 'The Junior Rep is a grade 6.', '',
      '## Rep', '', '### Job Grade', '', 'The Rep is a grade 7.', '', '### Responsibilities', '', '- Own duty',
    ));
    expect(f.roles.map((r) => [r.title, r.responsibilities])).toEqual([
      ['Junior Rep', ['Shared duty']],
      ['Rep', ['Own duty']],
    ]);
  });
});

describe('a role written at page level', () => {
  it('a page-level grade sentence naming no level heading is one more role; "This position" is not a title', () => {
    const f = parseFamily(PATH, page(
      '## Role', '', 'About the job.', '', '### Job Grade', '', 'The Advocate is a grade 5.', '', '### Responsibilities', '', '- answer', '',
      '## Levels', '', '### Senior Advocate', '', '#### Job Grade', '', 'The Senior Advocate is a grade 6.', '', '#### Responsibilities', '', '- lead',
    ));
    expect(f.roles.map((r) => [r.title, r.grade, r.responsibilities, r.description])).toEqual([
      ['Advocate', 5, ['answer'], ['About the job.']],
      ['Senior Advocate', 6, ['lead'], []],
    ]);
    const g = parseFamily(PATH, page(
      '## Job Grade', '', 'This position is a grade 5.', '', '## Levels', '', '### Senior', '', '#### Job Grade', '', 'The Senior is a grade 6.',
    ));
    expect(g.roles.map((r) => r.title)).toEqual(['Senior']);
  });
});

describe('not-a-role warnings', () => {
  it('intro sections and specialties are dropped silently; a gradeless heading named like a level is flagged', () => {
    const f = parseFamily(PATH, page(
      '## Backend Engineer', '', 'Intro.', '', '### Responsibilities', '', '- shared', '',
      '## Levels', '', '### Junior', '', '#### Job Grade', '', 'The Junior is a grade 5.', '',
      '### Senior', '', '#### Senior Responsibilities', '', '- s', '',
      '## Hiring Process', '', '- Screen', '', '### Geo', '', '#### Responsibilties', '', '- geo', '',
      '#### Bonus', '', '#### Requirements', '', '- b',
    ));
    expect(f.roles.map((r) => r.title)).toEqual(['Junior']);
    expect(f.warnings.filter((w) => w.code === 'not-a-role').map((w) => [w.line, w.message])).toEqual([
      [17, '"Senior" is named like a level but states no grade among graded levels; read as a specialty'],
    ]);
  });
});

describe('description', () => {
  it('leaves out the lead-in of the responsibilities, unless the role has no paragraph of its own', () => {
    const f = parseFamily(PATH, page(
      '## Levels', '', '### Lead', '', 'Leads the team.', '', '#### Job Grade', '', 'The Lead is a grade 8.', '',
      '#### Responsibilities', '', 'As a Lead you will:', '', '- plan', '',
      '### Senior', '', '#### Job Grade', '', 'The Senior is a grade 7.', '', '#### Responsibilities', '', 'Seniors also own releases:', '', '- ship',
    ));
    expect(f.roles.map((r) => [r.title, r.description, r.responsibilities])).toEqual([
      ['Lead', ['Leads the team.'], ['plan']],
      ['Senior', ['Seniors also own releases:'], ['ship']],
    ]);
  });
});

describe('gradeless levels that say what they extend', () => {
  it('a level-named heading with "role extends" and bullets is a role; a specialty saying the same is not', () => {
    const f = parseFamily(PATH, page(
      '## Roles', '', '### Manager', '', '#### Job Grade', '', 'The Manager is a grade 8.', '', '#### Responsibilities', '', '- manage', '',
      '### Director of Support', '', 'The Director of Support role extends the Manager role', '', '- direct', '',
      '### Geo', '', 'The Geo engineer extends the Manager role.', '', '#### Requirements', '', '- geo',
    ));
    expect(f.roles.map((r) => [r.title, r.grade, r.responsibilities, r.extends])).toEqual([
      ['Manager', 8, ['manage'], null],
      ['Director of Support', null, ['direct'], 'Manager'],
    ]);
  });
});

describe('family sections nested under the last role', () => {
  it('after "### Career Ladder" under a role, performance indicators and prose are the family\'s', () => {
    const f = parseFamily(PATH, page(
      '## Junior Rep', '', '### Job Grade', '', 'The Junior Rep is a grade 7.', '', '### Responsibilities', '', '- learn', '',
      '## Rep', '', '### Job Grade', '', 'The Rep is a grade 8.', '', '### Responsibilities', '', '- sell', '',
      '### Career Ladder', '', 'Next is [Manager](/job-families/dept/manager/).', '',
      '### Performance Indicators', '', 'Every sales role shares the Sales KPIs.', '', '### Compensation', '', 'See the commissions page.',
    ));
    expect(f.roles.map((r) => [r.title, r.performanceIndicators, r.description])).toEqual([['Junior Rep', [], []], ['Rep', [], []]]);
    expect(f.performanceIndicators).toEqual(['Every sales role shares the Sales KPIs.']);
  });
});
