import { slugify } from '../../parse';
import type { Role, ValidationIssue } from '../types';
import { roleIssue } from './issue';
import type { LintRule } from './types';

/**
 * A role id is the family slug plus the slug of the title, so two headings in one family whose
 * titles slug alike ("Federal/Public Sector" twice, "Manager, SMB" and "Manager SMB") collide. The
 * parser keeps both by suffixing the later id (`-2`), which no link or bookmark will ever use; this
 * rule makes the author rename one. A repeated id across pages cannot happen (one page per slug),
 * but is checked too, since lookups by id would silently pick one.
 */
export const uniqueRoleIds: LintRule = {
  id: 'unique-role-ids',
  // An error: ids are the public identifier of a role; a collision makes one role unreachable by its title.
  severity: 'ERROR',
  description: 'No two roles share an id (family slug + slug of the title).',
  check(snapshot) {
    const issues: ValidationIssue[] = [];
    const firstById = new Map<string, Role>();
    for (const family of snapshot.families) {
      const firstBySlug = new Map<string, Role>();
      for (const role of [...family.roles].sort((a, b) => a.order - b.order)) {
        const base = `${family.slug}#${slugify(role.title)}`;
        const earlier = firstBySlug.get(base);
        if (earlier !== undefined) {
          issues.push(
            roleIssue(uniqueRoleIds, family, role, `"${role.title}" has the same id as "${earlier.title}" (line ${earlier.line}): ${base}`),
          );
        } else {
          firstBySlug.set(base, role);
        }
        const sameId = firstById.get(role.id);
        if (sameId !== undefined && sameId !== role) {
          issues.push(roleIssue(uniqueRoleIds, family, role, `role id ${role.id} is used by another page (${sameId.familySlug})`));
        } else {
          firstById.set(role.id, role);
        }
      }
    }
    return issues;
  },
};
