// The generator keeps every family as structured data and renders markdown only for the files a
// commit touches: edits are then one-line operations on arrays, and every rendered page is valid by
// construction.

/** How a family's page is stored; the three shapes of different handbook eras, all one slug. */
export type PathShape = 'file' | 'index' | 'indexHtml';

/** How a role's grade sentence is written (all three occur in the real pages). */
export type GradeStyle = 'link' | 'plain' | 'level';

export interface RoleModel {
  title: string;
  /** Position in the level ladder (see LEVELS in names.ts), so added roles go above or below. */
  level: number;
  grade: number;
  gradeStyle: GradeStyle;
  /** Sub-headings `### <Title> Job Grade` instead of `### Job Grade`. */
  prefixedHeadings: boolean;
  reportsTo: string | null;
  description: string | null;
  responsibilities: string[];
  requirements: string[];
}

export interface LadderTarget {
  /** `<department>/<name>`, the slug that `/job-families/<slug>/` links carry. */
  key: string;
  /** Title as it was when the link was written; the target may since have been deleted. */
  title: string;
  /** Absolute `https://handbook.gitlab.com/...` URL instead of a site-relative one. */
  absolute: boolean;
}

export interface FamilyModel {
  department: string;
  name: string;
  title: string;
  /** Stem of the role titles ("Solutions Architect" → "Senior Solutions Architect"). */
  base: string;
  shape: PathShape;
  /** One role with its sections at the top level (vp-of-commercial-sales style). */
  single: boolean;
  intro: string[];
  roles: RoleModel[];
  ladder: LadderTarget[];
  hiring: string[];
  performanceShortcode: boolean;
}

export function familyKey(f: Pick<FamilyModel, 'department' | 'name'>): string {
  return `${f.department}/${f.name}`;
}

export function familyPath(contentDir: string, f: Pick<FamilyModel, 'department' | 'name' | 'shape'>): string {
  const stem = `${contentDir}/${f.department}/${f.name}`;
  switch (f.shape) {
    case 'file':
      return `${stem}.md`;
    case 'index':
      return `${stem}/index.md`;
    case 'indexHtml':
      return `${stem}/index.html.md`;
  }
}

export function departmentPagePath(contentDir: string, department: string): string {
  return `${contentDir}/${department}/_index.md`;
}
