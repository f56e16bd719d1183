import type { JobFamily, Role } from '../types';

/**
 * What MiniSearch indexes for one role. Lists are joined with newlines so a match can be traced back
 * to the bullet it came from when building the snippet.
 */
export interface SearchDocument {
  /** Position in the snapshot's role list: role ids are not guaranteed unique in broken content. */
  id: number;
  roleId: string;
  title: string;
  responsibilities: string;
  requirements: string;
  description: string;
  familyTitle: string;
}

export const SEARCH_FIELDS = ['title', 'responsibilities', 'requirements', 'description', 'familyTitle'] as const;

/**
 * The title carries the most weight (someone searching "advocate" wants the Advocate roles, not every
 * role that mentions advocates); the family title helps find all roles of a family by its name.
 */
export const SEARCH_BOOST: Record<(typeof SEARCH_FIELDS)[number], number> = {
  title: 4,
  familyTitle: 1.5,
  responsibilities: 1,
  requirements: 1,
  description: 0.75,
};

export function toSearchDocument(id: number, role: Role, family: JobFamily | undefined): SearchDocument {
  return {
    id,
    roleId: role.id,
    title: role.title,
    responsibilities: role.responsibilities.join('\n'),
    requirements: role.requirements.join('\n'),
    description: role.description.join('\n'),
    familyTitle: family?.title ?? '',
  };
}
