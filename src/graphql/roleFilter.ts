// RoleFilter semantics, kept apart from the resolver so they read (and test) as plain data.
import type { Role } from '../index';
import type { RoleFilter } from './inputs/roleFilter.input';

function departmentOf(role: Role): string {
  return role.familySlug.split('/')[0];
}

export function matchesFilter(role: Role, filter: RoleFilter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.department != null && departmentOf(role) !== filter.department) return false;
  if (filter.familySlug != null && role.familySlug !== filter.familySlug) return false;
  if (filter.hasGrade != null && (role.grade !== null) !== filter.hasGrade) return false;
  if (filter.gradeMin != null && (role.grade === null || role.grade < filter.gradeMin)) return false;
  if (filter.gradeMax != null && (role.grade === null || role.grade > filter.gradeMax)) return false;
  if (filter.titleContains != null && !role.title.toLowerCase().includes(filter.titleContains.toLowerCase())) return false;
  return true;
}

export function filterRoles(roles: readonly Role[], filter: RoleFilter | null | undefined): readonly Role[] {
  return filter ? roles.filter((role) => matchesFilter(role, filter)) : roles;
}
