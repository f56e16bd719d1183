// Roles named in prose: "extends the SMB Advocate role", "reports to the SMB Regional Manager".
// One rule for GraphQL (`Role.extends`, `Role.reportsToRole`) and the lint rules, so a role the API
// says is extended is the role whose requirements the linter counts as inherited.
import { snapshotGraph } from './snapshotGraph';
import { titleKey } from '../parse';
import type { Role, Snapshot } from './types';

/**
 * The role `title` names, seen from a role of `familySlug`, compared by titleKey: a role of the same
 * family first (levels extend their own family's roles), else the only role in the snapshot with
 * that title; several outside the family and none inside → null (ambiguous). `exceptId` is never the
 * answer: a role does not extend or report to itself.
 */
export function roleByTitle(snapshot: Snapshot, title: string, familySlug: string, exceptId?: string): Role | null {
  const candidates = (snapshotGraph(snapshot).rolesByTitle.get(titleKey(title)) ?? []).filter((role) => role.id !== exceptId);
  const sameFamily = candidates.find((role) => role.familySlug === familySlug);
  if (sameFamily) return sameFamily;
  return candidates.length === 1 ? candidates[0] : null;
}

/** The role `role.extends` names, by the rule of roleByTitle; null when it extends nothing or nothing matches. */
export function extendedRole(snapshot: Snapshot, role: Role): Role | null {
  return role.extends === null ? null : roleByTitle(snapshot, role.extends, role.familySlug, role.id);
}
