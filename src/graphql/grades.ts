// Groups a snapshot's roles by numeric grade, lowest first; roles without a grade are left out.
import type { Role } from '../index';

export interface GradeGroup<R> {
  level: number;
  roles: R[];
}

export function groupByGrade(roles: readonly Role[]): GradeGroup<Role>[] {
  const byLevel = new Map<number, Role[]>();
  for (const role of roles) {
    if (role.grade === null) continue;
    const list = byLevel.get(role.grade);
    if (list) list.push(role);
    else byLevel.set(role.grade, [role]);
  }
  return [...byLevel.entries()].sort(([a], [b]) => a - b).map(([level, list]) => ({ level, roles: list }));
}
