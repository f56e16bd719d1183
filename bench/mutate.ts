// Creation and realistic edits of family models: the kinds of change the real handbook's history
// is made of (bullets added, dropped and reworded, grades moved, levels added, pages moved between
// path shapes, ladders rewired). Every function draws only from the seeded Rng, so a seed replays.
import type { FamilyModel, GradeStyle, LadderTarget, PathShape, RoleModel } from './model';
import { familyKey } from './model';
import { DEPARTMENTS, LEVELS, newFamilyTitle } from './names';
import type { Rng } from './prng';
import type { Templates } from './templates';

export interface World {
  rng: Rng;
  templates: Templates;
  departments: readonly string[];
  families: Map<string, FamilyModel>;
  /** Keys of live families in creation order: picks index into it, so order is part of the seed. */
  live: string[];
}

export function createWorld(rng: Rng, templates: Templates, departments: number): World {
  const count = Math.max(1, Math.min(departments, DEPARTMENTS.length));
  return { rng, templates, departments: DEPARTMENTS.slice(0, count), families: new Map(), live: [] };
}

function sample(rng: Rng, pool: readonly string[], count: number): string[] {
  const out = new Set<string>();
  while (out.size < count && out.size < pool.length) out.add(rng.pick(pool));
  return [...out];
}

function makeRole(world: World, base: string, level: number, style: GradeStyle, prefixed: boolean): RoleModel {
  const { rng, templates } = world;
  const spec = LEVELS[level] ?? LEVELS[1]!;
  return {
    title: spec.name(base),
    level,
    grade: spec.grade,
    gradeStyle: style,
    prefixedHeadings: prefixed,
    reportsTo: null,
    description: rng.chance(0.25) ? rng.pick(templates.paragraphs) : null,
    responsibilities: sample(rng, templates.responsibilities, rng.int(4, 9)),
    requirements: sample(rng, templates.requirements, rng.int(4, 9)),
  };
}

function ladderTarget(world: World, family: FamilyModel): LadderTarget | null {
  const { rng } = world;
  const sameDept = world.live.filter((k) => k.startsWith(`${family.department}/`));
  const pool = sameDept.length > 1 && rng.chance(0.7) ? sameDept : world.live;
  for (let i = 0; i < 5; i += 1) {
    const key = rng.pick(pool);
    const target = world.families.get(key);
    if (target && key !== familyKey(family) && !family.ladder.some((t) => t.key === key)) {
      return { key, title: target.title, absolute: rng.chance(0.1) };
    }
  }
  return null;
}

/** Links one more family from the career ladder, when there is one to link. */
export function addLadderLink(world: World, family: FamilyModel): void {
  const target = ladderTarget(world, family);
  if (target) family.ladder.push(target);
}

/** A new family, registered in the world; ladder links point at families already live. */
export function createFamily(world: World): FamilyModel {
  const { rng, templates } = world;
  const department = rng.pick(world.departments);
  const { title, base, name } = newFamilyTitle(rng, (n) => world.families.has(`${department}/${n}`));
  const single = rng.chance(0.15);
  const count = single ? 1 : rng.int(2, 5);
  const low = rng.int(0, LEVELS.length - count);
  const style: GradeStyle = rng.chance(0.7) ? 'link' : rng.chance(0.6) ? 'plain' : 'level';
  const prefixed = rng.chance(0.3);
  const roles: RoleModel[] = [];
  for (let level = low; level < low + count; level += 1) roles.push(makeRole(world, base, level, style, prefixed));
  roles.forEach((role, i) => {
    const above = roles[i + 1];
    if (above && rng.chance(0.4)) role.reportsTo = above.title;
  });
  const shapes: PathShape[] = ['file', 'file', 'file', 'index', 'indexHtml'];
  const family: FamilyModel = {
    department,
    name,
    title,
    base,
    shape: rng.pick(shapes),
    single,
    intro: rng.chance(0.7) ? sample(rng, templates.paragraphs, rng.int(1, 2)) : [],
    roles,
    ladder: [],
    hiring: rng.chance(0.6) ? sample(rng, templates.hiringSteps, rng.int(3, 5)) : [],
    performanceShortcode: department === 'sales' && rng.chance(0.5),
  };
  const links = rng.int(1, 3);
  for (let i = 0; i < links && world.live.length > 1; i += 1) {
    const target = ladderTarget(world, family);
    if (target) family.ladder.push(target);
  }
  world.families.set(familyKey(family), family);
  world.live.push(familyKey(family));
  return family;
}

export function deleteFamily(world: World, key: string): void {
  world.families.delete(key);
  world.live.splice(world.live.indexOf(key), 1);
}

/** Small rewordings like the ones real merge requests make. */
const REWORDINGS: ReadonlyArray<[RegExp, string]> = [
  [/^Ability to/, 'Demonstrated ability to'],
  [/^Demonstrated ability to/, 'Ability to'],
  [/^Experience/, 'Proven experience'],
  [/^Proven experience/, 'Experience'],
  [/\bStrong\b/, 'Excellent'],
  [/\bcustomers\b/, 'customers and partners'],
  [/\bteam\b/, 'teams'],
  [/\bBuild\b/, 'Develop'],
  [/\bManage\b/, 'Own'],
];
const CLAUSES = [' where appropriate', ' across the organization', ', in partnership with Product and Engineering', ' on a quarterly basis'];

function reword(rng: Rng, text: string): string {
  const start = rng.int(0, REWORDINGS.length - 1);
  for (let i = 0; i < REWORDINGS.length; i += 1) {
    const [pattern, replacement] = REWORDINGS[(start + i) % REWORDINGS.length]!;
    if (pattern.test(text) && rng.chance(0.7)) return text.replace(pattern, replacement);
  }
  if (rng.chance(0.5)) return text.endsWith('.') ? text.slice(0, -1) : `${text}.`;
  const stem = text.replace(/\.$/, '');
  return `${stem}${rng.pick(CLAUSES)}${text.endsWith('.') ? '.' : ''}`;
}

function pickList(rng: Rng, role: RoleModel): { list: string[]; pool: 'responsibilities' | 'requirements' } {
  return rng.chance(0.55)
    ? { list: role.responsibilities, pool: 'responsibilities' }
    : { list: role.requirements, pool: 'requirements' };
}

type Edit = (world: World, family: FamilyModel) => string | null;

const EDITS: ReadonlyArray<[weight: number, edit: Edit]> = [
  [26, ({ rng }, f) => {
    const role = rng.pick(f.roles);
    const { list, pool } = pickList(rng, role);
    const i = rng.int(0, list.length - 1);
    list[i] = reword(rng, list[i] ?? '');
    return `reword ${pool} of ${role.title}`;
  }],
  [18, ({ rng, templates }, f) => {
    const role = rng.pick(f.roles);
    const { list, pool } = pickList(rng, role);
    if (list.length >= 14) return null;
    const item = rng.pick(templates[pool]);
    if (list.includes(item)) return null;
    list.splice(rng.int(0, list.length), 0, item);
    return `add to ${pool} of ${role.title}`;
  }],
  [14, ({ rng }, f) => {
    const role = rng.pick(f.roles);
    const { list, pool } = pickList(rng, role);
    if (list.length <= 2) return null;
    list.splice(rng.int(0, list.length - 1), 1);
    return `remove from ${pool} of ${role.title}`;
  }],
  [8, ({ rng }, f) => {
    const role = rng.pick(f.roles);
    const step = rng.chance(0.5) ? 1 : -1;
    const next = rng.chance(0.03) ? Math.floor(role.grade) + 0.5 : Math.round(role.grade) + step;
    role.grade = Math.max(4, Math.min(15, next));
    return `${role.title} is now grade ${role.grade}`;
  }],
  [5, (world, f) => {
    const first = f.roles[0]!;
    const last = f.roles[f.roles.length - 1]!;
    const up = world.rng.chance(0.6);
    const level = up ? last.level + 1 : first.level - 1;
    if (level < 0 || level >= LEVELS.length) return null;
    const role = makeRole(world, f.base, level, first.gradeStyle, first.prefixedHeadings);
    if (up) f.roles.push(role);
    else f.roles.unshift(role);
    f.single = false;
    return `add the ${role.title} role`;
  }],
  [3, ({ rng }, f) => {
    if (f.roles.length < 2) return null;
    const [removed] = rng.chance(0.5) ? f.roles.splice(0, 1) : f.roles.splice(-1, 1);
    return `remove the ${removed!.title} role`;
  }],
  [3, ({ rng }, f) => {
    const i = rng.int(0, f.roles.length - 1);
    const role = f.roles[i]!;
    const above = f.roles[i + 1];
    role.reportsTo = role.reportsTo || !above ? null : above.title;
    return `update reporting line of ${role.title}`;
  }],
  [5, ({ rng, templates }, f) => {
    if (f.intro.length > 0 && rng.chance(0.5)) f.intro.pop();
    else f.intro.push(rng.pick(templates.paragraphs));
    return 'update the introduction';
  }],
  [3, ({ rng, templates }, f) => {
    const role = rng.pick(f.roles);
    role.description = role.description ? null : rng.pick(templates.paragraphs);
    return `describe the ${role.title} role`;
  }],
  [6, (world, f) => {
    if (f.ladder.length > 1 && world.rng.chance(0.4)) {
      f.ladder.splice(world.rng.int(0, f.ladder.length - 1), 1);
      return 'trim the career ladder';
    }
    const target = ladderTarget(world, f);
    if (!target) return null;
    if (f.ladder.length >= 4) f.ladder.shift();
    f.ladder.push(target);
    return `link the ${target.title} job family from the career ladder`;
  }],
  [4, ({ rng, templates }, f) => {
    if (f.hiring.length > 2 && rng.chance(0.4)) f.hiring.splice(rng.int(0, f.hiring.length - 1), 1);
    else f.hiring.push(rng.pick(templates.hiringSteps));
    return 'update the hiring process';
  }],
  [5, ({ rng }, f) => {
    const from = f.shape;
    f.shape = from === 'file' ? (rng.chance(0.8) ? 'index' : 'indexHtml') : from === 'index' ? 'file' : 'index';
    return `move the page to the ${f.shape === 'file' ? 'flat' : 'folder'} layout`;
  }],
];
const TOTAL_WEIGHT = EDITS.reduce((sum, [w]) => sum + w, 0);

/** Applies one weighted random edit in place and says what it did (for the commit message). */
export function editFamily(world: World, family: FamilyModel): string {
  for (;;) {
    let roll = world.rng.int(0, TOTAL_WEIGHT - 1);
    for (const [weight, edit] of EDITS) {
      roll -= weight;
      if (roll < 0) {
        const done = edit(world, family);
        if (done) return done;
        break;
      }
    }
  }
}
