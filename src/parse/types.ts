// Plain data produced by the parser. Field names match the GraphQL contract in DESIGN.md so that
// `rolegraph parse` output and GraphQL answers read the same.

/** A problem found while reading a page: positioned data, never an exception. */
export interface ParseWarning {
  /** Stable identifier of the kind of problem, e.g. `front-matter-yaml`, `grade-missing`. */
  code: string;
  message: string;
  /** 1-based line in the file, when the problem has a place. */
  line: number | null;
  /** Title of the role it concerns, when it concerns one. */
  role: string | null;
}

/** One top-level bullet with its nested bullets. `text` has markdown links reduced to their text. */
export interface ListItem {
  text: string;
  children: ListItem[];
}

export interface Role {
  /** `<family slug>#<slug of title>`, e.g. `sales/high-velocity-sales-and-first-orders#smb-advocate`. */
  id: string;
  familySlug: string;
  title: string;
  /** Numeric grade (9.5 exists); for "grade 11 or a grade 12" the lowest. Null when the text states none. */
  grade: number | null;
  /** The grade as written, e.g. `grade 11 or a grade 12`, `grade 10+`. */
  gradeText: string | null;
  /** Paragraphs that describe the role, outside its lists. */
  description: string[];
  /** One string per top-level bullet. */
  responsibilities: string[];
  /** The same bullets with their nested children. */
  responsibilityItems: ListItem[];
  requirements: string[];
  requirementItems: ListItem[];
  performanceIndicators: string[];
  /** Title of the role this one reports to, as written ("the SMB Regional Manager" → "SMB Regional Manager"). */
  reportsTo: string | null;
  /** Title of the role this one extends, as written; the index resolves it to a role in the same family. */
  extends: string | null;
  /** Position of the role among the family's roles (level order), from 0. */
  order: number;
  /** 1-based line of the role's heading (or 1 for a single-role page). */
  line: number;
}

export interface LadderLink {
  /** The link text, or the unlinked mention ("SMB Account Executive job family"). */
  text: string;
  /** Family slug the link points at (`sales/vp-of-commercial-sales`); null for unlinked prose. */
  target: string | null;
  /** `#anchor` part of the link, without `#`, when present. */
  anchor: string | null;
  /** The link URL as written, null for unlinked prose. */
  href: string | null;
}

export type PageKind = 'family' | 'department';

export interface JobFamily {
  /** URL slug of the page: `sales/vp-of-commercial-sales`; for `_index.md`, the folder. */
  slug: string;
  /** First path segment below the content folder: `sales`, `engineering`. */
  department: string;
  title: string;
  description: string | null;
  /** Repository-relative path the page was parsed from. */
  path: string;
  /** A department page (`_index.md` with no roles) or a family. Decided by content, not by name. */
  kind: PageKind;
  /**
   * Slug of the folder the page sits in when that folder could hold a family `_index.md`
   * (`alliances/technology-partner-manager` for `.../senior.md`); the index decides whether it is one.
   */
  folderSlug: string | null;
  roles: Role[];
  careerLadder: LadderLink[];
  hiringProcess: string[];
  /** Family-level performance indicators (also when given by a shortcode such as `{{% job-families/sales/performance %}}`). */
  performanceIndicators: string[];
  /** Requirements shared by every role of the family. */
  requirements: string[];
  /** Front matter as read (YAML only, never executed). */
  frontMatter: Record<string, unknown>;
  warnings: ParseWarning[];
}
