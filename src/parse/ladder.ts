// Career-ladder links: every job-family link in the ladder section resolved to a family slug, and
// unlinked mentions ("move to the SMB Account Executive job family") kept as text for the index to
// resolve by title.
import type { LadderLink } from './types';
import type { Block, RawItem } from './sections';
import type { InlineLink } from './inline';

/** Hosts the handbook has been served from; links to them are links into the same content. */
const HANDBOOK_ORIGIN = /^(?:https?:)?\/\/(?:handbook\.gitlab\.com|about\.gitlab\.com|www\.about\.gitlab\.com)(?=\/|$)/i;
/** The job-families part of a site path or a repository path (`{{< ref "job-families/x.md" >}}`). */
const JOB_FAMILIES_PATH = /^\/?(?:content\/)?job-families\/(.*)$/;
/** Page endings and folder-page leaves that a ref-style target may carry. */
const PAGE_SUFFIX = /(?:\/(?:_?index))?(?:\.html\.md\.erb|\.html\.md|\.md|\.html)?$/;

/**
 * An unlinked family mention: `to the SMB Account Executive job family`, `or the VP, Global Enterprise
 * Job Family`. Up to eight capitalised words before `job family`; each word is a bounded class.
 */
const UNLINKED_FAMILY = /\b(?:to|into|or|either|and)[ \t]+(?:the[ \t]+|a[ \t]+)?((?:[A-Z0-9][\w&'’,/()-]*[ \t]+){1,8})([Jj]ob[ \t]+[Ff]amil(?:y|ies))\b/g;

export interface ResolvedHref {
  /** Family slug, '' for a same-page anchor (`#manager`). */
  target: string;
  anchor: string | null;
}

/** Resolves a link target to a family slug; null when it does not point into job-families. */
export function resolveFamilyHref(href: string): ResolvedHref | null {
  const h = href.trim();
  if (h.startsWith('#')) return { target: '', anchor: h.slice(1) || null };
  const local = h.replace(HANDBOOK_ORIGIN, '');
  if (/^[a-z]+:/i.test(local)) return null;
  const hash = local.indexOf('#');
  const pathPart = (hash >= 0 ? local.slice(0, hash) : local).split('?')[0] ?? '';
  const anchor = hash >= 0 ? local.slice(hash + 1) || null : null;
  const m = JOB_FAMILIES_PATH.exec(pathPart);
  if (!m) return null;
  const slug = (m[1] ?? '').replace(/\/+$/, '').replace(PAGE_SUFFIX, '').replace(/\/+$/, '');
  return { target: slug, anchor };
}

function linksOf(blocks: Block[]): Array<{ text: string; links: InlineLink[] }> {
  const out: Array<{ text: string; links: InlineLink[] }> = [];
  const walk = (items: RawItem[]): void => {
    for (const i of items) {
      out.push({ text: i.text, links: i.links });
      walk(i.children);
    }
  };
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push({ text: b.text, links: b.links });
    else if (b.type === 'list') walk(b.items);
  }
  return out;
}

/**
 * Ladder links of a family whose slug is `ownSlug`. Same-page anchors get the family's own slug;
 * unlinked mentions get target null.
 */
export function readLadder(blocks: Block[], ownSlug: string): LadderLink[] {
  const out: LadderLink[] = [];
  for (const piece of linksOf(blocks)) {
    let masked = piece.text;
    for (const link of piece.links) {
      const resolved = resolveFamilyHref(link.href);
      if (link.text !== '') masked = masked.split(link.text).join(' \u0000 ');
      if (!resolved) continue;
      out.push({ text: link.text, target: resolved.target === '' ? ownSlug : resolved.target, anchor: resolved.anchor, href: link.href });
    }
    for (const m of masked.matchAll(UNLINKED_FAMILY)) {
      const name = (m[1] ?? '').trim();
      if (name === '') continue;
      out.push({ text: `${name} ${m[2] ?? 'job family'}`, target: null, anchor: null, href: null });
    }
  }
  return out;
}
