// What resolvers hand to type-graphql: the index's plain data plus the commit of the snapshot it was
// read from (`at`). Field resolvers such as Role.family or Role.nextRoles use `at` to look in the same
// snapshot, so a role fetched at an old commit links to its family and ladder as they were then.
import type { CommitInfo, LadderLink, Role, SnapshotFamily } from '../index';

export interface RoleNode extends Role {
  readonly at: CommitInfo;
}

export interface FamilyNode extends SnapshotFamily {
  readonly at: CommitInfo;
}

export interface LadderLinkNode extends LadderLink {
  readonly at: CommitInfo;
}

export function roleNode(role: Role, at: CommitInfo): RoleNode {
  return { ...role, at };
}

export function familyNode(family: SnapshotFamily, at: CommitInfo): FamilyNode {
  return { ...family, at };
}

export function ladderLinkNode(link: LadderLink, at: CommitInfo): LadderLinkNode {
  return { ...link, at };
}
