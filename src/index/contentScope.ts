// What the indexer reads as content: the configured folder, or — by default — every folder named
// `job-families` at any depth, followed commit by commit (contentRoots.ts). One place decides the
// git pathspec key, which paths are pages and how a path becomes a slug, so the two modes cannot
// drift apart.
import { ANY_CONTENT_ROOT } from '../git';
import { isFamilyPath, pageSlug } from '../parse';

export interface ContentScope {
  /** Asked of the git layer and keying the stored timeline: the configured folder or ANY_CONTENT_ROOT. */
  dir: string;
  /** Handed to the parser: slugs below it. Undefined: below the innermost `job-families` folder. */
  parseDir: string | undefined;
  /** True when each commit's content folder is chosen by looking (most pages wins). */
  followRoots: boolean;
  isPage(path: string): boolean;
  slugOfPath(path: string): string;
}

export function contentScope(configured?: string): ContentScope {
  if (configured) {
    return {
      dir: configured,
      parseDir: configured,
      followRoots: false,
      isPage: (p) => isFamilyPath(p, configured),
      slugOfPath: (p) => pageSlug(p, configured),
    };
  }
  return {
    dir: ANY_CONTENT_ROOT,
    parseDir: undefined,
    followRoots: true,
    isPage: (p) => isFamilyPath(p),
    slugOfPath: (p) => pageSlug(p),
  };
}
