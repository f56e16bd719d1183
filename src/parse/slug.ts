// Page identity: a repository path becomes the URL slug the handbook serves it at. The same slug is
// what career-ladder links point to, so history and ladder resolution both key on it.
import { rememberAnswers } from './rememberAnswers';

/** The folder every content layout ends in: `content/`, `source/`, `sites/marketing/source/` + this. */
const CONTENT_FOLDER = 'job-families/';

/**
 * Page file endings, longest first: Middleman `x/index.html.md.erb`, `x/index.html.md`, Hugo `x.md`.
 * Matches the tail of a path, anchored at the end; no nested quantifiers.
 */
const PAGE_EXTENSION = /\.(?:html\.md\.erb|html\.md|md\.erb|md)$/;

/** Leaf names that stand for their folder: Hugo `_index.md` (section page) and `index.md` (bundle). */
const FOLDER_PAGE_NAMES = new Set(['index', '_index']);

/** Normalises separators and strips leading `./` and `/` so all callers compare the same strings. */
function cleanPath(path: string): string {
  let p = path.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  while (p.startsWith('/')) p = p.slice(1);
  return p;
}

/**
 * The part of `path` below the content folder. With `contentDir` given and matching, strip it;
 * otherwise strip everything up to the last `job-families/` segment; a path with no such prefix is
 * taken as already relative to the job-families folder.
 */
export function relativeToContent(path: string, contentDir?: string): string {
  const p = cleanPath(path);
  if (contentDir) {
    let dir = cleanPath(contentDir);
    if (dir !== '' && !dir.endsWith('/')) dir += '/';
    if (dir !== '' && p.startsWith(dir)) return p.slice(dir.length);
  }
  if (p.startsWith(CONTENT_FOLDER)) return p.slice(CONTENT_FOLDER.length);
  const at = p.lastIndexOf('/' + CONTENT_FOLDER);
  if (at >= 0) return p.slice(at + 1 + CONTENT_FOLDER.length);
  return p;
}

/** True when the path has a page ending we parse (.md, .html.md, .html.md.erb). */
function hasPageExtension(path: string): boolean {
  return PAGE_EXTENSION.test(path);
}

/** True when `path` is a page we parse: a markdown page under the content folder. */
export function isFamilyPath(path: string, contentDir?: string): boolean {
  const p = cleanPath(path);
  if (!hasPageExtension(p)) return false;
  if (contentDir) {
    let dir = cleanPath(contentDir);
    if (dir !== '' && !dir.endsWith('/')) dir += '/';
    if (dir !== '') return p.startsWith(dir) && p.length > dir.length;
  }
  return p.startsWith(CONTENT_FOLDER) || p.includes('/' + CONTENT_FOLDER);
}

/** Path segments of the page's slug (leaf `index`/`_index` folded into the folder). */
function slugSegments(path: string, contentDir?: string): { segments: string[]; folderPage: boolean } {
  const rel = relativeToContent(path, contentDir).replace(PAGE_EXTENSION, '');
  const segments = rel.split('/').filter((s) => s !== '');
  const leaf = segments[segments.length - 1];
  const folderPage = leaf !== undefined && FOLDER_PAGE_NAMES.has(leaf);
  if (folderPage) segments.pop();
  return { segments, folderPage };
}

/** `content/job-families/sales/x/index.html.md.erb` → `sales/x`; `.../backend/_index.md` → `.../backend`. */
export function pageSlug(path: string, contentDir?: string): string {
  return slugSegments(path, contentDir).segments.join('/');
}

/** True when the file is a Hugo section page (`_index.md`), which may be a department or a family. */
export function isSectionIndex(path: string): boolean {
  const leaf = cleanPath(path).split('/').pop() ?? '';
  return leaf.replace(PAGE_EXTENSION, '') === '_index';
}

/**
 * The folder the page sits in, when that folder could itself be a family (`_index.md`): anything below
 * a department. `alliances/technology-partner-manager/senior.md` → `alliances/technology-partner-manager`;
 * `sales/x.md` → null (its folder is the department).
 */
export function folderSlugOf(path: string, contentDir?: string): string | null {
  const { segments } = slugSegments(path, contentDir);
  if (segments.length < 3) return null;
  return segments.slice(0, -1).join('/');
}

/** Characters that Hugo drops when making an anchor from a heading: quotes and apostrophes. */
const DROPPED_IN_SLUG = /['’‘"“”]/g;
/** Every run of characters that is not a letter or digit becomes one dash. */
const NON_ALNUM_RUN = /[^\p{L}\p{N}]+/gu;

/**
 * Role slug from a title: `Regional Manager, SMB` → `regional-manager-smb`. Remembered: every
 * version of a page repeats its headings (Unicode normalisation and four replaces per heading were
 * ~3% of a cold build's parse).
 */
export const slugify: (title: string) => string = rememberAnswers(makeSlug, { entries: 20_000, maxChars: 200 });

function makeSlug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(DROPPED_IN_SLUG, '')
    .replace(NON_ALNUM_RUN, '-');
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === '-') start++;
  while (end > start && s[end - 1] === '-') end--;
  return s.slice(start, end);
}
