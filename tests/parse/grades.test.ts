import { findGrade, gradeCell, linksBareGrade } from '../../src/parse/grades';
import { findExtends, findReportsTo } from '../../src/parse/prose';

describe('findGrade', () => {
  it.each([
    ['The SMB Advocate is a grade 6.', 6, 'grade 6'],
    ['The Regional Manager, SMB is a grade level 8.', 8, 'grade level 8'],
    ['The Manager, Success Services is a job grade level 9.', 9, 'grade level 9'],
    ['The Chief of Staff to the CFO can be a grade 11 or a grade 12', 11, 'grade 11 or a grade 12'],
    ['The Principal Pricing Manager is a grade 9.5.', 9.5, 'grade 9.5'],
    ['This position is a job grade 6', 6, 'grade 6'],
    ['Manager, Accounting is a grade [8].', 8, 'grade 8'],
    ['The role is a grade 10+ role.', 10, 'grade 10+'],
  ])('%s', (text, grade, written) => {
    expect(findGrade(text)).toMatchObject({ grade, text: written });
  });

  it('reads a bare number only inside a grade section', () => {
    expect(findGrade('The Director, International Accounting is a 10.')).toBeNull();
    expect(findGrade('The Director, International Accounting is a 10.', true)).toMatchObject({ grade: 10, text: '10' });
  });

  it('reads "grade #7"', () => {
    expect(findGrade('The Intermediate Support Engineer is grade #7.')).toMatchObject({ grade: 7, text: 'grade #7' });
  });

  it('takes a bare number linked to the grade table as a grade, other linked numbers not', () => {
    const table = '/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades';
    expect(linksBareGrade([{ text: '12', href: table }])).toBe(true);
    expect(linksBareGrade([{ text: '9.5', href: '/handbook/total-rewards/compensation/#job-grades' }])).toBe(true);
    expect(linksBareGrade([{ text: '12', href: '/handbook/values/' }])).toBe(false);
    expect(linksBareGrade([{ text: 'grade 12', href: table }])).toBe(false);
  });

  it('finds no grade in "not aligned to a job grade"', () => {
    expect(findGrade('The Intern is not aligned to a job grade.', true)).toBeNull();
  });

  it('names the subject of the sentence', () => {
    expect(findGrade('The Junior Backend Engineer is a grade 5.')?.subject).toBe('Junior Backend Engineer');
  });

  it('reads table cells', () => {
    expect(gradeCell(' 7 ')?.grade).toBe(7);
    expect(gradeCell('Grade 6')?.grade).toBe(6);
    expect(gradeCell('Senior')).toBeNull();
  });
});

describe('prose relations', () => {
  it.each([
    ['The SMB Advocate Team Lead reports to the SMB Regional Manager.', 'SMB Regional Manager'],
    ['Reporting to the Chief Revenue Officer, you will play a key role', 'Chief Revenue Officer'],
    ['Inside Sales Representative will report to Worldwide Director of Commercial Mid-Market', 'Worldwide Director of Commercial Mid-Market'],
    ['This role reports to an Area Sales Manager or Regional Sales Director.', 'Area Sales Manager or Regional Sales Director'],
    ['You will report to them directly.', null],
    ['This position reports to the Accounting and External Reporting Manager.', 'Accounting and External Reporting Manager'],
    ['The Field CISO reports to the Manager, Governance and Field Security.', 'Manager, Governance and Field Security'],
    ['This role reports to the CFO and works closely with Legal.', 'CFO'],
    ['This position reports to the Vice President of Security at GitLab.', 'Vice President of Security'],
    ['The Engagement Manager reports to the Sr. Manager, Engagement Management.', 'Sr. Manager, Engagement Management'],
    ['The VP of Security reports to the Chief Technology Officer (CTO).', 'Chief Technology Officer'],
    ['This role reports to the Sr. The team is small.', 'Sr'], // the sentence ends there
  ])('reportsTo: %s', (text, title) => {
    expect(findReportsTo(text)).toBe(title);
  });

  it.each([
    ['The SMB Advocate Team Lead role extends the responsibilities of the SMB Advocate role, with', 'SMB Advocate'],
    ['Extends that of the Regional Manager, SMB responsibilities', 'Regional Manager, SMB'],
    ['Extends those of the SMB Advocate requirements', 'SMB Advocate'],
    ['The X role extends thet Junior Technology Partner Manager role', 'Junior Technology Partner Manager'],
    ['Everything in the Associate Brand Designer role, plus:', 'Associate Brand Designer'],
    ['Junior Community Advocates share the same responsibilities and requirements as the Community Advocate listed above, but', 'Community Advocate'],
    ['Senior recruiters share the same requirements as the Intermediate recruiter listed above, but also', 'Intermediate recruiter'],
  ])('extends: %s', (text, title) => {
    expect(findExtends(text)).toBe(title);
  });

  it('"sharing the same requirements and responsibilities outlined above" names no role', () => {
    expect(findExtends('Intern, Backend Engineers, while sharing the same requirements and responsibilities outlined above, typically join')).toBeNull();
  });
});
