// Which sections are roles. Walks the sections in order, as a reader scrolls: a role heading opens a
// role; role parts (grade, responsibilities, requirements, indicators) attach to the open role when
// they sit below it — or beside it when the page writes parts at the role's own depth — and to the
// family (or the page's single role) otherwise. `Levels`-like headings hold roles; `Specialties`-like
// headings hold variants that are never roles.
import { pushAll } from './pushAll';
import { classifyHeading, headingKey, looksLikeLevel, partPrefix, ROLE_PARTS, type HeadingKind } from './headings';
import type { Block, Section } from './sections';
import { findGrade, linksBareGrade } from './grades';
import { findExtends } from './prose';

export type PartKind = 'grade' | 'responsibilities' | 'requirements' | 'performance';

export interface RoleDraft {
  title: string;
  depth: number;
  line: number;
  /** Blocks written directly under the role heading and in its plain sub-topics. */
  intro: Block[];
  parts: Record<PartKind, Block[]>;
  /** Line of the first heading of each part, to report copy-paste headings. */
  partTitles: Array<{ kind: PartKind; title: string; line: number }>;
  /** Parts at the role heading's own depth (team-member-relations style). */
  sameDepth: boolean;
  /** Parts one level above the role heading (`### Solutions Architect` then `## Responsibilities`). */
  partsAbove: boolean;
}

export interface FamilyDraft {
  /** Blocks before the first role and in family-level prose sections. */
  intro: Block[];
  /** Role parts found outside any role: the page's single role if no role heading exists, else shared. */
  parts: Record<PartKind, Block[]>;
  partTitles: Array<{ kind: PartKind; title: string; line: number }>;
  ladder: Block[];
  hiring: Block[];
  /** Sub-headings of the hiring process (`#### 1. Initial Screen - Recruiter`): steps written as headings. */
  hiringSteps: string[];
  /** Blocks under `Levels` headings (a bullet list of level names when levels are not headings). */
  levels: Block[];
  /** First H1, used as a title when the front matter has none. */
  h1: string | null;
  roles: RoleDraft[];
}

/** A fresh set of empty role parts (each caller fills or replaces its own arrays). */
export function emptyParts(): Record<PartKind, Block[]> {
  return { grade: [], responsibilities: [], requirements: [], performance: [] };
}

function hasGradeSentence(blocks: Block[]): boolean {
  return blocks.some((b) => b.type === 'paragraph' && findGrade(b.text, linksBareGrade(b.links)) !== null);
}

/**
 * Whether a heading named like a level declares itself a role that builds on another ("### Director of
 * Support": "The Director of Support role extends the Support Engineering Manager Role", then its
 * bullets): a role even with no grade and no part headings. A specialty may say the same ("The Senior
 * Backend Engineer for Analytics Instrumentation extends ..."), hence the level-like name.
 */
export function declaresRole(title: string, blocks: Block[]): boolean {
  return looksLikeLevel(title) && blocks.some((b) => b.type === 'paragraph' && findExtends(b.text) !== null);
}

interface Classified extends Section {
  kind: HeadingKind;
}

/**
 * Is the `other` heading at `i` a role? Yes when a role part (grade, responsibilities, requirements)
 * sits below it before the next heading of its depth, when its own text states a grade, or when it
 * sits directly in a `Levels` heading. Parts at its own depth count only when they carry its name
 * (`#### Team Member Relations Partner` then `#### Team Member Relations Partner Job Grade`) or when
 * there is no other owner for them (`inLevels`).
 */
interface RoleShape {
  role: boolean;
  sameDepth: boolean;
  partsAbove?: boolean;
}

function roleShape(sections: Classified[], i: number, inLevels: boolean): RoleShape {
  const head = sections[i];
  if (!head || head.title === '') return { role: false, sameDepth: false };
  if (partsRightAbove(sections, i)) return { role: true, sameDepth: false, partsAbove: true };
  const own = headingKey(head.title);
  let deeperPart = false;
  let namedSameDepth = false;
  let anySameDepth = false;
  let variantsDepth: number | null = null;
  for (let j = i + 1; j < sections.length; j++) {
    const s = sections[j];
    if (!s) break;
    if (s.depth > head.depth) {
      if (variantsDepth !== null && s.depth > variantsDepth) continue;
      variantsDepth = s.kind === 'variants' ? s.depth : null;
      if (s.kind === 'grade' || s.kind === 'responsibilities' || s.kind === 'requirements') deeperPart = true;
      if (!deeperPart && s.kind === 'other' && roleShape(sections, j, false).role) {
        return { role: false, sameDepth: false }; // a heading that only groups roles (`### Field CISO`)
      }
      continue;
    }
    if (s.depth === head.depth && ROLE_PARTS.has(s.kind)) {
      const prefix = headingKey(partPrefix(s.title));
      if (prefix !== '' && prefix === own) namedSameDepth = true;
      else if (s.kind !== 'performance') anySameDepth = true;
      continue;
    }
    break;
  }
  if (namedSameDepth) return { role: true, sameDepth: true };
  if (deeperPart || hasGradeSentence(head.blocks) || declaresRole(head.title, head.blocks)) return { role: true, sameDepth: false };
  if (inLevels && anySameDepth) return { role: true, sameDepth: true };
  return { role: inLevels && head.blocks.length > 0, sameDepth: false };
}

/**
 * A level heading whose parts follow it one level up (`### Solutions Architect`, then `## Job Grade`,
 * `## Responsibilities` for it): the writer's heading levels are off by one, the parts are still its.
 * Only when the very next heading is such a part and the heading itself is at least `###`.
 */
function partsRightAbove(sections: Classified[], i: number): boolean {
  const head = sections[i];
  const next = sections[i + 1];
  if (!head || !next || head.kind !== 'other' || head.depth < 3) return false;
  if (next.depth !== head.depth - 1 || !ROLE_PARTS.has(next.kind) || next.kind === 'performance' || partPrefix(next.title) !== '') return false;
  // A sub-topic of a part (`### Responsibilities` > `#### Logistics`, then `### Requirements`) is no
  // role: unless a Job Grade follows it, the heading must not sit inside a part.
  return next.kind === 'grade' || !ROLE_PARTS.has(enclosing(sections, i)?.kind ?? 'other');
}

/** The nearest section before `i` that is shallower than it: the heading it sits in. */
function enclosing(sections: Classified[], i: number): Classified | undefined {
  const depth = sections[i]?.depth ?? 0;
  for (let j = i - 1; j >= 0; j--) if ((sections[j]?.depth ?? 0) < depth) return sections[j];
  return undefined;
}

/**
 * A heading inside `Specialties` that is a level of its own: named like a level and stating its
 * grade (in its text or in a grade heading below it). Ungraded specialties stay variants.
 */
function gradedLevel(sections: Classified[], i: number): boolean {
  const head = sections[i];
  if (!head || head.kind !== 'other' || !looksLikeLevel(head.title)) return false;
  if (hasGradeSentence(head.blocks)) return true;
  for (let j = i + 1; j < sections.length && (sections[j]?.depth ?? 0) > head.depth; j++) {
    const s = sections[j];
    if (s?.kind === 'grade' && hasGradeSentence(s.blocks)) return true;
  }
  return false;
}

/** Builds the role/family structure of a page from its sections (sections[0] is the part before any heading). */
export function findRoles(sections: Section[]): FamilyDraft {
  const family: FamilyDraft = {
    intro: [...(sections[0]?.blocks ?? [])],
    parts: emptyParts(),
    partTitles: [],
    ladder: [],
    hiring: [],
    hiringSteps: [],
    levels: [],
    h1: null,
    roles: [],
  };
  const list: Classified[] = sections.map((s) => ({ ...s, kind: s.depth === 0 ? 'other' : classifyHeading(s.title, s.depth) }));
  let role: RoleDraft | null = null;
  let levelsDepth: number | null = null;
  /** Depth of the open `Specialties` heading: below it only graded levels are roles, the rest is skipped. */
  let variantsDepth: number | null = null;
  /** Where content of deeper plain headings goes: the bucket of the last heading and its depth. */
  let bucket: { blocks: Block[]; depth: number; headings?: string[] } | null = null;

  for (let i = 1; i < list.length; i++) {
    const s = list[i];
    if (!s) continue;
    if (bucket && s.depth > bucket.depth && (s.kind === 'other' || s.kind === 'family') && !isNestedRole(list, i, levelsDepth)) {
      pushAll(bucket.blocks, s.blocks);
      if (bucket.headings) bucket.headings.push(s.title);
      continue;
    }
    bucket = null;
    if (levelsDepth !== null && s.depth <= levelsDepth && s.kind !== 'levels') levelsDepth = null;
    if (variantsDepth !== null && s.depth <= variantsDepth) variantsDepth = null;
    if (variantsDepth !== null) {
      // Inside Specialties: a graded level opens a role, its parts follow it; anything else is a variant.
      const inRole = role !== null && s.depth > role.depth;
      if (!inRole && !gradedLevel(list, i)) {
        role = null;
        skipBelow(list, i, (j) => (i = j));
        continue;
      }
    }
    const partAbove = role?.partsAbove === true && ROLE_PARTS.has(s.kind) && s.depth === role.depth - 1;
    if (role && s.depth < role.depth && !partAbove) role = null;
    switch (s.kind) {
      case 'title':
        if (s.title !== '') family.h1 ??= s.title;
        pushAll(family.intro, s.blocks);
        role = null;
        break;
      case 'variants':
        // Variants (and everything below them) are neither roles nor role text, except graded levels.
        variantsDepth = s.depth;
        if (role && s.depth <= role.depth) role = null;
        break;
      case 'levels':
        levelsDepth = s.depth;
        pushAll(family.levels, s.blocks);
        role = null;
        break;
      case 'ladder':
      case 'hiring':
        // The career ladder and hiring process are the family's, even when written one level too deep
        // (`### Career Ladder` under the last role): what follows them is no longer that role's text.
        role = null;
        pushAll(s.kind === 'ladder' ? family.ladder : family.hiring, s.blocks);
        bucket = s.kind === 'ladder' ? { blocks: family.ladder, depth: s.depth } : { blocks: family.hiring, depth: s.depth, headings: family.hiringSteps };
        break;
      case 'family':
        if (role && s.depth > role.depth) {
          pushAll(role.intro, s.blocks);
          bucket = { blocks: role.intro, depth: s.depth };
        } else {
          role = null;
          if (family.roles.length === 0) pushAll(family.intro, s.blocks);
          bucket = { blocks: family.roles.length === 0 ? family.intro : [], depth: s.depth };
        }
        break;
      case 'grade':
      case 'responsibilities':
      case 'requirements':
      case 'performance': {
        const kind: PartKind = s.kind;
        const target = partOwner(role, s, kind);
        const parts = target ? target.parts : family.parts;
        (target ? target.partTitles : family.partTitles).push({ kind, title: s.title, line: s.line });
        pushAll(parts[kind], s.blocks);
        bucket = { blocks: parts[kind], depth: s.depth };
        break;
      }
      case 'other': {
        const inLevels = levelsDepth !== null && s.depth > levelsDepth;
        const shape = roleShape(list, i, inLevels);
        if (shape.role) {
          role = newRole(s, shape.sameDepth, shape.partsAbove === true);
          family.roles.push(role);
        } else if (role && s.depth > role.depth) {
          pushAll(role.intro, s.blocks);
          bucket = { blocks: role.intro, depth: s.depth };
        } else if (family.roles.length === 0 && !inLevels) {
          pushAll(family.intro, s.blocks);
          bucket = { blocks: family.intro, depth: s.depth };
        } else {
          role = null;
          bucket = { blocks: [], depth: s.depth };
        }
        break;
      }
    }
  }
  return family;
}

/**
 * A plain heading below a part that is itself a role (`### Federal` > `#### Area Sales Manager (Federal)`
 * with its own parts) must open a role, not be swallowed as text of the part above it.
 */
function isNestedRole(list: Classified[], i: number, levelsDepth: number | null): boolean {
  const s = list[i];
  if (!s || s.kind !== 'other') return false;
  const shape = roleShape(list, i, levelsDepth !== null && s.depth > levelsDepth);
  return shape.role;
}

/** Advances past every section deeper than the one at `i` (the content of a variants heading). */
function skipBelow(list: Classified[], i: number, set: (j: number) => void): void {
  const depth = list[i]?.depth ?? 0;
  let j = i;
  while (j + 1 < list.length && (list[j + 1]?.depth ?? 0) > depth) j++;
  set(j);
}

function newRole(s: Section, sameDepth: boolean, partsAbove: boolean): RoleDraft {
  return { title: s.title, depth: s.depth, line: s.line, intro: [...s.blocks], parts: emptyParts(), partTitles: [], sameDepth, partsAbove };
}

/**
 * Which role a part heading belongs to. Below the role heading: that role. At the role's own depth:
 * the role when it writes its parts that way, or when it has no such part yet (`## Responsibilities`
 * right after `## Commercial Account Executive - Mid-Market`'s `### Job Grade`) — except performance
 * indicators, which at that depth are the family's. Otherwise none (family-level or the single role).
 */
function partOwner(role: RoleDraft | null, s: Section, kind: PartKind): RoleDraft | null {
  if (!role) return null;
  if (s.depth > role.depth) return role;
  if (headingKey(partPrefix(s.title)) === headingKey(role.title)) return role;
  if (role.partsAbove && s.depth === role.depth - 1) return role;
  if (s.depth < role.depth) return null;
  if (role.sameDepth) return role;
  if (kind === 'performance') return null;
  return role.parts[kind].length === 0 && !role.partTitles.some((p) => p.kind === kind) ? role : null;
}
