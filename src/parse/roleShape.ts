// Whether a heading is a role, judged from the shape of the sections around it: parts below it,
// beside it (named after it), or one level above it; a grade stated in its text; a level inside
// Specialties that states its grade. roles.ts walks the page and asks these questions.
import { headingKey, looksLikeLevel, partPrefix, ROLE_PARTS, type HeadingKind } from './headings';
import type { Block, Section } from './sections';
import { findGrade, linksBareGrade } from './grades';
import { findExtends } from './prose';

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

export interface Classified extends Section {
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

export function roleShape(sections: Classified[], i: number, inLevels: boolean): RoleShape {
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
export function gradedLevel(sections: Classified[], i: number): boolean {
  const head = sections[i];
  if (!head || head.kind !== 'other' || !looksLikeLevel(head.title)) return false;
  if (hasGradeSentence(head.blocks)) return true;
  for (let j = i + 1; j < sections.length && (sections[j]?.depth ?? 0) > head.depth; j++) {
    const s = sections[j];
    if (s?.kind === 'grade' && hasGradeSentence(s.blocks)) return true;
  }
  return false;
}
