import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { roleKeyOf } from '../globalId';
import { roleNode, type RoleNode } from '../nodes';
import { LadderArgs } from '../args/ladder.args';
import { Ladder } from '../types/ladder.type';
import { BadUserInputError, NotFoundError } from '../../index';
import { changesInView, compareLadder, ladderPicture, ladderToDot, ladderToMermaid, selectLadder, summariseLadderChanges } from '../../index';
import type { ChangeKind, LadderChange, LadderChangeAspect, LadderEdgeKind, LadderGroup, LadderGroupEdge, LadderLevel } from '../../index';

interface LadderData {
  level: LadderLevel;
  nodes: RoleNode[];
  edges: Array<{ from: RoleNode; to: RoleNode; kind: LadderEdgeKind }>;
  groups: LadderGroup[];
  groupEdges: LadderGroupEdge[];
  changes: Array<{ role: RoleNode; change: ChangeKind; aspects: LadderChangeAspect[]; group: string | null }>;
  changeSummary: string | null;
  mermaid: string;
  dot: string;
}

@Resolver(() => Ladder)
export class LadderResolver {
  @Query(() => Ladder, { description: 'The career-ladder graph of a department, a family, the roles connected to one role, or everything; as departments, families or roles; in compare mode (`from`), with what changed marked.' })
  async ladder(@Args(() => LadderArgs) args: LadderArgs, @Ctx() ctx: RolegraphContext): Promise<LadderData> {
    const { department, family, level } = args;
    if (args.to != null && args.at != null) throw new BadUserInputError('ladder: give `to` or `at`, not both');
    if (args.collapseAbove != null && args.collapseAbove < 0) throw new BadUserInputError('ladder: collapseAbove must be 0 or more');
    const role = args.role == null ? args.role : roleKeyOf(args.role);
    const { view, loaders } = pinned(ctx);
    const snapshot = await loaders.snapshotByRef(args.to ?? args.at);
    const focus = role == null ? undefined : snapshot.roleById.get(role);
    if (role != null && !focus) throw new NotFoundError(`No role with id ${JSON.stringify(role)} at ${snapshot.commit.sha.slice(0, 8)}`);
    const selection = selectLadder(snapshot, department, role, family);

    let changes: LadderChange[] | undefined;
    let fromCommit = snapshot.commit;
    if (args.from != null) {
      // The index memoises the diff (with the renames of the role chains) per pair of commits.
      const difference = await view.diff(await view.resolveRef(args.from), snapshot.commit);
      fromCommit = difference.from;
      const before = await loaders.snapshotByCommit.load(difference.from);
      changes = changesInView(compareLadder(before, snapshot, difference), selection, { department, family }, role != null);
    }
    const expanded = new Set([...(args.expand ?? []), ...(family != null ? [family] : []), ...(focus ? [focus.familySlug] : [])]);
    const picture = ladderPicture(snapshot, selection, { level, collapseAbove: args.collapseAbove, expanded, changes });
    const ghosts = picture.changes.filter((c) => c.change === 'REMOVED' && c.box === null).map((c) => c.role);
    const byId = new Map(picture.nodes.map((r) => [r.id, roleNode(r, snapshot.commit)] as const));
    const extras = { groups: picture.groups, groupEdges: picture.groupEdges, ghosts };
    return {
      level,
      nodes: [...byId.values()],
      edges: picture.edges.map((edge) => ({ from: byId.get(edge.from)!, to: byId.get(edge.to)!, kind: edge.kind })),
      groups: picture.groups,
      groupEdges: picture.groupEdges,
      changes: picture.changes.map((c) => ({
        role: c.change === 'REMOVED' ? roleNode(c.role, fromCommit) : (byId.get(c.role.id) ?? roleNode(c.role, snapshot.commit)),
        change: c.change,
        aspects: c.aspects,
        group: c.box,
      })),
      changeSummary: changes ? summariseLadderChanges(changes) : null,
      mermaid: ladderToMermaid(picture.nodes, picture.edges, extras),
      dot: ladderToDot(picture.nodes, picture.edges, extras),
    };
  }
}
