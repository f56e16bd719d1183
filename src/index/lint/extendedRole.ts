import type { Role, SnapshotFamily } from '../types';
import { titleKey } from './titleKey';

/**
 * The role of the same family that `role` says it extends ("The Senior Regional Manager extends
 * the Regional Manager, SMB role"), compared by titleKey; null when it names none or no such role.
 */
export function extendedRole(family: SnapshotFamily, role: Role): Role | null {
  if (role.extends === null) return null;
  const key = titleKey(role.extends);
  return family.roles.find((r) => r !== role && titleKey(r.title) === key) ?? null;
}
