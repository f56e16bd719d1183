// Field-level comparison of two versions of a role or a family. Shared by role history (one role
// across commits) and snapshot diffs (two arbitrary commits), so both report the same shape.
import type { JobFamily, ListItem, Role } from '../parse';
import { itemKeys } from './itemBlame';
import type { FieldChange } from './types';

/** Scalar change: reported only when the text differs. */
export function scalarChange(field: string, before: string | null, after: string | null): FieldChange | null {
  if (before === after) return null;
  return { field, before, after, added: [], removed: [] };
}

/** The lists a lazy change reads, and what joins them for `before`/`after`. */
const LISTS = Symbol('rolegraph.changeLists');
interface ChangeLists {
  before: readonly string[];
  after: readonly string[];
  separator: string;
}
type LazyChange = FieldChange & { [LISTS]: ChangeLists };

/**
 * The accessors every lazy change shares. A getter made per object (an object literal's own `get`)
 * makes V8 keep each change as a hash table with its own closures (848 bytes against 128), and a
 * first-to-last diff or a read role history holds thousands of them (bench/ANALYSIS.md, issue 15).
 */
const JOINED_BEFORE: PropertyDescriptor = {
  get(this: LazyChange) {
    return joined(this[LISTS].before, this[LISTS].separator);
  },
  enumerable: true,
  configurable: true,
};
const JOINED_AFTER: PropertyDescriptor = {
  get(this: LazyChange) {
    return joined(this[LISTS].after, this[LISTS].separator);
  },
  enumerable: true,
  configurable: true,
};
const ADDED: PropertyDescriptor = {
  get(this: LazyChange) {
    return keep(this, 'added', multisetMinus(this[LISTS].after, this[LISTS].before));
  },
  enumerable: true,
  configurable: true,
};
const REMOVED: PropertyDescriptor = {
  get(this: LazyChange) {
    return keep(this, 'removed', multisetMinus(this[LISTS].before, this[LISTS].after));
  },
  enumerable: true,
  configurable: true,
};

/** A change whose texts are joined when read; its added/removed items worked out when read, or given. */
function lazyChange(field: string, lists: ChangeLists, items: { added: string[]; removed: string[] } | null): FieldChange {
  const change = { field } as LazyChange;
  // Not enumerable: nothing that copies, compares or serialises a change sees it.
  Object.defineProperty(change, LISTS, { value: lists });
  Object.defineProperty(change, 'before', JOINED_BEFORE);
  Object.defineProperty(change, 'after', JOINED_AFTER);
  if (items) {
    change.added = items.added;
    change.removed = items.removed;
  } else {
    Object.defineProperty(change, 'added', ADDED);
    Object.defineProperty(change, 'removed', REMOVED);
  }
  return change;
}

/**
 * List change: items only in `after` are `added`, items only in `before` are `removed`, compared as
 * multisets so a duplicated bullet that loses one copy still shows. A pure reorder is a change with
 * empty added/removed (before/after still tell the reader what happened).
 *
 * All but `field` is worked out when read, from the parsed pages' own (shared) lists: role
 * histories hold a change per edited field of every version (tens of thousands at 20,000 commits),
 * a kept first-to-last diff thousands, and most queries read `field` alone, so joining every list
 * up front held tens of MB of new text nobody asked for (bench/ANALYSIS.md, issue 15). Enumerable
 * getters, so a change still reads, spreads, compares and serialises as the plain record it was.
 */
export function listChange(field: string, before: readonly string[], after: readonly string[]): FieldChange | null {
  if (sameList(before, after)) return null;
  return lazyChange(field, { before, after, separator: '\n' }, null);
}

/**
 * Turns a lazy list field into a plain one on its first read. graphql-jit's compiled code reads a
 * field without a resolver several times (a list five: null check, array check, length, items),
 * which recomputed the multiset difference each time (bench/ANALYSIS.md, wt/jit2). The kept array
 * holds only the page's own (shared) item strings, no new text, unlike `before`/`after`, which stay
 * worked out per read (every executor reads a scalar once). Same key position, still enumerable and
 * read-only, so the change still reads, spreads and serialises as before.
 */
function keep<K extends 'added' | 'removed'>(change: FieldChange, key: K, value: FieldChange[K]): FieldChange[K] {
  Object.defineProperty(change, key, { value, enumerable: true, writable: false, configurable: true });
  return value;
}

/** Paragraphs are shown as one text, a blank line between them. */
const PARAGRAPH_BREAK = '\n\n';

/**
 * A scalar change of a text kept as paragraphs: reported when the joined texts differ, joined when
 * read (as `listChange`, and for the same reason). While no paragraph holds the break, joining is
 * one-to-one, so comparing the lists decides without building either text.
 */
function paragraphsChange(field: string, before: readonly string[], after: readonly string[]): FieldChange | null {
  if (sameList(before, after)) return null;
  const holdsBreak = (text: string): boolean => text.includes(PARAGRAPH_BREAK);
  if (before.some(holdsBreak) || after.some(holdsBreak)) return scalarChange(field, joined(before, PARAGRAPH_BREAK), joined(after, PARAGRAPH_BREAK));
  return lazyChange(field, { before, after, separator: PARAGRAPH_BREAK }, { added: [], removed: [] });
}

function joined(list: readonly string[], separator: string): string | null {
  return list.length > 0 ? list.join(separator) : null;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

/**
 * A bulleted field: top-level bullets decide; when they are equal but a nested bullet changed, the
 * flattened nested lines are compared instead so the change is not lost.
 */
function bulletChange(field: string, before: readonly string[], after: readonly string[], itemsBefore: readonly ListItem[] | undefined, itemsAfter: readonly ListItem[] | undefined): FieldChange | null {
  const top = listChange(field, before, after);
  if (top || !itemsBefore || !itemsAfter || sameItems(itemsBefore, itemsAfter)) return top;
  // Nested bullets as lines (`parent › child`, the keys blame uses), so an edit to a sub-bullet is still a change.
  return listChange(field, itemKeys(itemsBefore), itemKeys(itemsAfter));
}

/**
 * Bullets with the same texts nested the same way flatten to the same lines. Checked first because
 * the cold build compares every role a commit's page kept (most bullets unchanged, their lists often
 * the very same interned arrays), and flattening both sides made new text for every nested bullet of
 * every one: at 20k commits ~17 MB of it lived long enough to be promoted (bench/ANALYSIS.md, issue 15
 * target 6). Not the converse: differently nested bullets can flatten alike, so then the lines decide.
 */
function sameItems(a: readonly ListItem[], b: readonly ListItem[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && (a[i].text !== b[i].text || !sameItems(a[i].children, b[i].children))) return false;
  }
  return true;
}

const gradeString = (grade: number | null): string | null => (grade === null ? null : String(grade));

/**
 * What changed in a role's own content. Position (`line`, `order`) is deliberately left out: an edit
 * to a sibling role shifts lines without changing this role. The grade is compared as a number;
 * `gradeText` is reported only when the number stayed and the wording changed.
 */
export function roleFieldChanges(before: Role, after: Role): FieldChange[] {
  const changes: Array<FieldChange | null> = [
    scalarChange('title', before.title, after.title),
    scalarChange('grade', gradeString(before.grade), gradeString(after.grade)),
    before.grade === after.grade ? scalarChange('gradeText', before.gradeText, after.gradeText) : null,
    paragraphsChange('description', before.description, after.description),
    bulletChange('responsibilities', before.responsibilities, after.responsibilities, before.responsibilityItems, after.responsibilityItems),
    bulletChange('requirements', before.requirements, after.requirements, before.requirementItems, after.requirementItems),
    listChange('performanceIndicators', before.performanceIndicators, after.performanceIndicators),
    scalarChange('reportsTo', before.reportsTo, after.reportsTo),
    scalarChange('extends', before.extends, after.extends),
  ];
  return changes.filter((c): c is FieldChange => c !== null);
}

/** Family-level fields (its roles are compared one by one elsewhere; here only which role ids it holds). */
export function familyFieldChanges(before: JobFamily, after: JobFamily): FieldChange[] {
  const changes: Array<FieldChange | null> = [
    scalarChange('path', before.path, after.path),
    scalarChange('title', before.title, after.title),
    scalarChange('kind', before.kind, after.kind),
    scalarChange('description', before.description, after.description),
    listChange('roles', before.roles.map((r) => r.id), after.roles.map((r) => r.id)),
    listChange('careerLadder', before.careerLadder.map(ladderText), after.careerLadder.map(ladderText)),
    listChange('hiringProcess', before.hiringProcess, after.hiringProcess),
    listChange('performanceIndicators', before.performanceIndicators, after.performanceIndicators),
    listChange('requirements', before.requirements, after.requirements),
  ];
  return changes.filter((c): c is FieldChange => c !== null);
}

function ladderText(link: JobFamily['careerLadder'][number]): string {
  return link.target ? `${link.text} → ${link.target}` : link.text;
}
