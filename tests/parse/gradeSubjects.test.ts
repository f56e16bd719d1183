// When a grade sentence's subject is another way of writing the role's title, and when it names another role.
import { isTitleLike, namesSameRole } from '../../src/parse/gradeSubjects';
import { parseFamily } from '../../src/parse';

describe('namesSameRole', () => {
  it.each([
    ['Associate', 'Associate Recruiter'],
    ['Junior Mid Market Account Executive', 'Junior Account Executive - Mid Market'],
    ['Director of Pricing', 'Director, Pricing'],
    ['New Logo Account Executive', 'New Logo AE'],
    ['VP of Commercial Sales', 'VP of Commerical Sales'],
  ])('"%s" may be written "%s"', (title, subject) => {
    expect(namesSameRole(title, subject)).toBe(true);
  });

  it.each([
    ['Intern, Backend Engineer', 'Junior Backend Engineer'],
    ['Manager, Regional Marketing', 'Manager, Field Marketing'],
    ['Program Capture Manager', 'Capture Specialist'],
    ['Senior Director, Engineering', 'Senior Director, Development'],
  ])('"%s" is not "%s"', (title, subject) => {
    expect(namesSameRole(title, subject)).toBe(false);
  });

  it('a reference is not a title', () => {
    expect(isTitleLike('This position')).toBe(false);
    expect(isTitleLike('Community Advocate')).toBe(true);
  });
});

describe('grade-names-other-role', () => {
  it('keeps the grade with the section that states it and warns when the sentence names a role not on the page', () => {
    const f = parseFamily('content/job-families/eng/backend.md', [
      '## Job Grades', '', '### Intern, Backend Engineer', '', '#### Job Grade', '', 'The Junior Backend Engineer is a [grade 5](/x).', '',
      '### Backend Engineer', '', '#### Job Grade', '', 'The Backend Engineer is a grade 6.', '',
      '### Senior Backend Engineer', '', '#### Job Grade', '', 'This position is a grade 7.',
    ].join('\n'));
    expect(f.roles.map((r) => [r.title, r.grade])).toEqual([['Intern, Backend Engineer', 5], ['Backend Engineer', 6], ['Senior Backend Engineer', 7]]);
    expect(f.warnings.filter((w) => w.code === 'grade-names-other-role')).toEqual([
      { code: 'grade-names-other-role', message: 'the grade sentence of "Intern, Backend Engineer" names "Junior Backend Engineer"', line: 3, role: 'Intern, Backend Engineer' },
    ]);
  });
});
