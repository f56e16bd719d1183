// The page's views and the address bar: which `ladder(...)` answer each state asks for, how a
// state reads and writes as query parameters (so every view can be linked and Back works), and
// the trail back up. Pure: URLSearchParams only, tested in Node.
import type { LadderLevel, LadderParams } from './types';

/** No view draws more role boxes than this by default; beyond it the families are collapsed. */
export const MAX_BOXES = 150;

const KEYS = ['department', 'family', 'role', 'view', 'at', 'from', 'to'] as const;

/** The state in a query string; blank values count as absent, `expand` is comma-separated. */
export function paramsFrom(search: string): LadderParams {
  const query = new URLSearchParams(search);
  const pick = (name: string): string | null => {
    const value = (query.get(name) ?? '').trim();
    return value === '' ? null : value;
  };
  const expand = (pick('expand') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { department: pick('department'), family: pick('family'), role: pick('role'), view: pick('view'), at: pick('at'), from: pick('from'), to: pick('to'), expand };
}

/** The query string of a state, keys in a fixed order; no leading `?`. */
export function searchOf(params: Partial<LadderParams>): string {
  const query = new URLSearchParams();
  for (const key of KEYS) {
    const value = params[key];
    if (value) query.set(key, value);
  }
  if (params.expand && params.expand.length) query.set('expand', params.expand.join(','));
  return query.toString();
}

/** The refs that carry over when the reader opens another view: the commit shown, and compare mode. */
export function refsOf(params: LadderParams): Partial<LadderParams> {
  return { at: params.at, from: params.from, to: params.to };
}

export type ViewKind = 'overview' | 'department' | 'departmentRoles' | 'family' | 'role';

export function viewKind(params: LadderParams): ViewKind {
  if (params.role) return 'role';
  if (params.family) return 'family';
  if (params.department) return params.view === 'roles' ? 'departmentRoles' : 'department';
  return 'overview';
}

const LEVELS: Record<ViewKind, LadderLevel> = { overview: 'DEPARTMENTS', department: 'FAMILIES', departmentRoles: 'ROLES', family: 'ROLES', role: 'ROLES' };

/** The variables of the LadderPage operation for a state. */
export function variablesFor(params: LadderParams): Record<string, unknown> {
  const kind = viewKind(params);
  const level = LEVELS[kind];
  const variables: Record<string, unknown> = { level, at: params.at, from: params.from, to: params.to };
  if (kind !== 'overview') variables.department = params.department;
  if (kind === 'family') variables.family = params.family;
  if (kind === 'role') variables.role = params.role;
  if (level === 'ROLES') {
    variables.collapseAbove = MAX_BOXES;
    variables.expand = params.expand ?? [];
  }
  return variables;
}

export interface Crumb {
  label: string;
  params: Partial<LadderParams>;
}

/** The way back up: every department, then the department, then the family or role shown. */
export function trailOf(params: LadderParams, familyTitle: string | null): Crumb[] {
  const refs = refsOf(params);
  const trail: Crumb[] = [{ label: 'All departments', params: refs }];
  const department = params.department ?? (params.family ?? params.role ?? '').split('/')[0] ?? null;
  if (department) trail.push({ label: department, params: { ...refs, department } });
  if (params.role) trail.push({ label: params.role, params: { ...refs, role: params.role } });
  else if (params.family) trail.push({ label: familyTitle ?? params.family, params: { ...refs, family: params.family } });
  else if (params.view === 'roles') trail.push({ label: 'every role', params: { ...refs, department, view: 'roles' } });
  return trail;
}
