import { titleKey, titleWords } from '../../src/parse/titleKey';

describe('titleKey', () => {
  test('ignores case, punctuation, articles and word order', () => {
    expect(titleKey('the SMB Regional Manager')).toBe(titleKey('Regional Manager, SMB'));
    expect(titleKey('Manager, Field Marketing')).toBe(titleKey('Field Marketing Manager'));
    expect(titleKey('Regional Manager, SMB')).not.toBe(titleKey('Senior Regional Manager, SMB'));
  });

  test('drops the "job family" prose adds to a family name', () => {
    expect(titleKey('the Sales Management job family')).toBe('management sales');
    expect(titleKey('Sales Management')).toBe('management sales');
    expect(titleKey('Enterprise Account Executive Job Family')).toBe('account enterprise executive');
    expect(titleKey('Technical Writing job families')).toBe(titleKey('Technical Writing'));
  });
});

describe('titleWords', () => {
  test('spells words as the slug does, in order, without articles', () => {
    expect(titleWords('The Manager, Field Marketing')).toEqual(['manager', 'field', 'marketing']);
    expect(titleWords('Director’s Office – Sécurité')).toEqual(['directors', 'office', 'securite']);
  });
});
