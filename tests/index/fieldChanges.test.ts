// Field changes of list fields are worked out when read (src/index/fieldChanges.ts): they must read,
// compare, spread and serialise exactly as the plain records they were, and report a change exactly
// when the texts a reader sees differ.
import { listChange, roleFieldChanges } from '../../src/index/fieldChanges';
import type { ListItem, Role } from '../../src/parse';
import { seedPage } from './realPages';

const ADVOCATE = 'sales/high-velocity-sales-and-first-orders#smb-advocate';
const advocate = (): Role => seedPage('high-velocity-sales-and-first-orders.md').family.roles.find((r) => r.id === ADVOCATE)!;

describe('listChange', () => {
  it('reads as the record of joined texts and multiset differences', () => {
    const change = listChange('responsibilities', ['Sell', 'Renew', 'Renew'], ['Renew', 'Sell', 'Expand']);
    const expected = { field: 'responsibilities', before: 'Sell\nRenew\nRenew', after: 'Renew\nSell\nExpand', added: ['Expand'], removed: ['Renew'] };
    expect(change).toEqual(expected);
    expect(JSON.parse(JSON.stringify(change))).toEqual(expected);
    expect({ ...change }).toEqual(expected);
    expect(Object.keys(change!)).toEqual(['field', 'before', 'after', 'added', 'removed']);
  });

  it('works the added and removed items out once, then keeps them as plain fields in place', () => {
    const change = listChange('responsibilities', ['Sell', 'Renew'], ['Renew', 'Expand'])!;
    const added = change.added;
    expect(change.added).toBe(added);
    expect(change.removed).toBe(change.removed);
    expect(Object.getOwnPropertyDescriptor(change, 'added')).toEqual({ value: ['Expand'], enumerable: true, writable: false, configurable: true });
    expect(Object.keys(change)).toEqual(['field', 'before', 'after', 'added', 'removed']);
    expect(JSON.parse(JSON.stringify(change))).toEqual({ field: 'responsibilities', before: 'Sell\nRenew', after: 'Renew\nExpand', added: ['Expand'], removed: ['Sell'] });
  });

  it('is null for equal lists, and a change with nothing added or removed for a reorder', () => {
    expect(listChange('requirements', ['A', 'B'], ['A', 'B'])).toBeNull();
    expect(listChange('requirements', ['A', 'B'], ['B', 'A'])).toEqual({ field: 'requirements', before: 'A\nB', after: 'B\nA', added: [], removed: [] });
  });

  it('gives every change the same accessors, which is what keeps V8 from making each one a hash table', () => {
    const one = listChange('responsibilities', ['Sell'], ['Renew'])!;
    const other = listChange('requirements', ['A', 'B'], ['B'])!;
    for (const key of ['before', 'after', 'added', 'removed']) {
      const get = Object.getOwnPropertyDescriptor(one, key)!.get;
      expect(typeof get).toBe('function');
      expect(Object.getOwnPropertyDescriptor(other, key)!.get).toBe(get);
    }
    // What the accessors read is not part of the record: a spread is the plain change, no more.
    expect(Reflect.ownKeys({ ...other })).toEqual(['field', 'before', 'after', 'added', 'removed']);
    const paragraphs = roleFieldChanges({ ...advocate(), description: ['One.'] }, { ...advocate(), description: ['Two.'] })[0];
    expect(Object.getOwnPropertyDescriptor(paragraphs, 'before')!.get).toBe(Object.getOwnPropertyDescriptor(one, 'before')!.get);
    expect(paragraphs).toEqual({ field: 'description', before: 'One.', after: 'Two.', added: [], removed: [] });
  });

  it('reads an empty side as null', () => {
    expect(listChange('performanceIndicators', [], ['Pipeline'])).toEqual({ field: 'performanceIndicators', before: null, after: 'Pipeline', added: ['Pipeline'], removed: [] });
  });
});

describe('roleFieldChanges on the description (paragraphs shown as one text)', () => {
  it('reports the paragraphs joined by a blank line, and an empty side as null', () => {
    const before: Role = { ...advocate(), description: ['First paragraph.', 'Second paragraph.'] };
    const after: Role = { ...before, description: ['First paragraph.', 'Second paragraph, reworded.'] };
    expect(roleFieldChanges(before, after)).toEqual([
      { field: 'description', before: 'First paragraph.\n\nSecond paragraph.', after: 'First paragraph.\n\nSecond paragraph, reworded.', added: [], removed: [] },
    ]);
    expect(roleFieldChanges({ ...before, description: [] }, before)).toEqual([
      { field: 'description', before: null, after: 'First paragraph.\n\nSecond paragraph.', added: [], removed: [] },
    ]);
  });

  it('reports nothing when the lists differ but the joined texts a reader sees are equal', () => {
    const before: Role = { ...advocate(), description: ['First paragraph.\n\nSecond paragraph.'] };
    const after: Role = { ...before, description: ['First paragraph.', 'Second paragraph.'] };
    expect(roleFieldChanges(before, after)).toEqual([]);
  });
});

describe('roleFieldChanges on nested bullets (lines `parent › child`)', () => {
  const item = (text: string, children: ListItem[] = []): ListItem => ({ text, children });
  const withItems = (items: ListItem[]): Role => ({ ...advocate(), responsibilities: items.map((i) => i.text), responsibilityItems: items });

  it('reports an edited sub-bullet under unchanged bullets as the lines that changed', () => {
    const before = withItems([item('Own the roadmap', [item('Publish it every quarter')]), item('Sell')]);
    const after = withItems([item('Own the roadmap', [item('Publish it every month')]), item('Sell')]);
    expect(roleFieldChanges(before, after)).toEqual([
      {
        field: 'responsibilities',
        before: 'Own the roadmap\nOwn the roadmap › Publish it every quarter\nSell',
        after: 'Own the roadmap\nOwn the roadmap › Publish it every month\nSell',
        added: ['Own the roadmap › Publish it every month'],
        removed: ['Own the roadmap › Publish it every quarter'],
      },
    ]);
  });

  it('reports nothing for equal bullets held in different objects, nor for nestings that read as the same lines', () => {
    const nested = (): Role => withItems([item('Own the roadmap', [item('Publish it', [item('every quarter')])])]);
    expect(roleFieldChanges(nested(), nested())).toEqual([]);
    // `a › b › c` either way: the lines a reader sees are equal.
    const flatter = withItems([item('Own the roadmap', [item('Publish it'), item('Publish it › every quarter')])]);
    expect(roleFieldChanges(nested(), flatter)).toEqual([]);
  });
});
