import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type RolegraphContext } from '../context';
import { roleKeyOf } from '../globalId';
import { roleNode, type RoleNode } from '../nodes';
import { LadderArgs } from '../args/ladder.args';
import { Ladder } from '../types/ladder.type';
import { NotFoundError } from '../../index';
import { ladderToDot, ladderToMermaid, selectLadder } from '../../index';
import type { LadderEdgeKind } from '../../index';

interface LadderData {
  nodes: RoleNode[];
  edges: Array<{ from: RoleNode; to: RoleNode; kind: LadderEdgeKind }>;
  mermaid: string;
  dot: string;
}

@Resolver(() => Ladder)
export class LadderResolver {
  @Query(() => Ladder, { description: 'The career-ladder graph of a department, of the roles connected to one role, or of everything.' })
  async ladder(@Args(() => LadderArgs) args: LadderArgs, @Ctx() ctx: RolegraphContext): Promise<LadderData> {
    const { department, at } = args;
    const role = args.role == null ? args.role : roleKeyOf(args.role);
    const snapshot = await pinned(ctx).loaders.snapshotByRef(at);
    if (role != null && !snapshot.roleById.has(role)) throw new NotFoundError(`No role with id ${JSON.stringify(role)} at ${snapshot.commit.sha.slice(0, 8)}`);
    const { nodes, edges } = selectLadder(snapshot, department, role);
    const byId = new Map(nodes.map((r) => [r.id, roleNode(r, snapshot.commit)] as const));
    return {
      nodes: [...byId.values()],
      edges: edges.map((edge) => ({ from: byId.get(edge.from)!, to: byId.get(edge.to)!, kind: edge.kind })),
      mermaid: ladderToMermaid(nodes, edges),
      dot: ladderToDot(nodes, edges),
    };
  }
}
