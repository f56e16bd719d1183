// Which sections are roles. Walks the sections in order, as a reader scrolls: a role heading opens a
// role; role parts (grade, responsibilities, requirements, indicators) attach to the open role when
// they sit below it — or beside it when the page writes parts at the role's own depth — and to the
// family (or the page's single role) otherwise. `Levels`-like headings hold roles; `Specialties`-like
// headings hold variants that are never roles.
import { pushAll } from './pushAll';
import { classifyHeading, headingKey, partPrefix, ROLE_PARTS } from './headings';
import { gradedLevel, roleShape, type Classified } from './roleShape';
import type { Block, Section } from './sections';

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
