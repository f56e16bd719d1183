// A role's bullets with their blame, as the Role.responsibilityItems / requirementItems fields
// answer them. The blame itself is computed once per version while the index builds the chains
// (src/index/itemBlame.ts); here the version that stood at the role's commit is found and its
// entries are laid onto the nested bullets by the same `parent › child` keys.
import type { CommitInfo, ItemBlame, IndexView, ListItem, RoleBlame, RoleVersion } from '../index';
import type { RoleNode } from './nodes';

export interface BlamedItem extends ListItem {
  since: CommitInfo;
  lastChanged: CommitInfo;
  children: BlamedItem[];
}

/**
 * The chain's version in force at the role's commit: the newest at or before it, when it is this
 * role. Undefined for a commit off the timeline (its place among the versions is unknown).
 */
export function versionAt(view: Pick<IndexView, 'roleHistory' | 'timeline'>, role: RoleNode): RoleVersion | undefined {
  const { at } = role;
  if (at.position < 0 || view.timeline[at.position]?.sha !== at.sha) return undefined;
  const version = view.roleHistory(role.id).find((v) => v.commit.position <= at.position);
  return version && version.change !== 'REMOVED' && version.role.id === role.id ? version : undefined;
}

/** The ids a role had before, oldest first, as of its commit (empty off the timeline). */
export function formerIdsAt(view: Pick<IndexView, 'roleHistory' | 'timeline'>, role: RoleNode): string[] {
  const current = versionAt(view, role);
  if (!current) return [];
  const chain = view.roleHistory(role.id);
  const ids: string[] = [];
  for (let i = chain.length - 1; i >= chain.indexOf(current); i--) {
    const id = chain[i].role.id;
    if (id !== role.id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * `items` with each bullet's blame. A bullet the blame does not hold (no version in force, e.g. a
 * commit off the timeline) is dated to the role's own commit: the oldest the answer can vouch for.
 */
export function blamedItems(items: readonly ListItem[], blame: readonly ItemBlame[] | undefined, at: CommitInfo): BlamedItem[] {
  const pool = new Map<string, ItemBlame[]>();
  for (const entry of blame ?? []) {
    const list = pool.get(entry.key);
    if (list) list.push(entry);
    else pool.set(entry.key, [entry]);
  }
  const walk = (list: readonly ListItem[], prefix: string): BlamedItem[] =>
    list.map((item) => {
      const key = prefix === '' ? item.text : `${prefix} › ${item.text}`;
      const entry = pool.get(key)?.shift();
      return { text: item.text, since: entry?.since ?? at, lastChanged: entry?.lastChanged ?? at, children: walk(item.children, key) };
    });
  return walk(items, '');
}

