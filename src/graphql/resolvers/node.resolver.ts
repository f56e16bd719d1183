import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { pinned, type Pinned, type RolegraphContext } from '../context';
import { roleChangeData } from '../diffNodes';
import { decodeGlobalId, type GlobalRef } from '../globalId';
import { NodeArgs } from '../args/node.args';
import { Node, type TaggedNode } from '../types/node.interface';
import { BadRefError, NotFoundError } from '../../index';
import type { Snapshot } from '../../index';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'The object a global id names, as it stood at the commit the id names (Relay `node`). A malformed id → BAD_USER_INPUT; a well-formed one that names nothing here (an unknown commit, a role absent there) → NOT_FOUND.',
  })
  async node(@Args(() => NodeArgs) { id }: NodeArgs, @Ctx() ctx: RolegraphContext): Promise<TaggedNode> {
    const ref = decodeGlobalId(id);
    const found = await lookup(ref, pinned(ctx));
    if (!found) throw new NotFoundError(`Nothing with id ${JSON.stringify(id.slice(0, 40))} in this repository`);
    return { ...found, __typename: ref.type };
  }
}

/** The object a decoded id names, or null. One lookup per kind, through the request's loaders. */
async function lookup(ref: GlobalRef, { view, loaders }: Pinned): Promise<object | null> {
  switch (ref.type) {
    case 'Commit':
      return view.resolveRef(ref.sha).catch(orNullOnBadRef);
    case 'Role': {
      const snapshot = await snapshotAt(loaders, ref.sha);
      return snapshot && loaders.role.load({ at: snapshot.commit, id: ref.key });
    }
    case 'JobFamily': {
      const snapshot = await snapshotAt(loaders, ref.sha);
      return snapshot && loaders.family.load({ at: snapshot.commit, slug: ref.slug });
    }
    case 'RoleVersion':
      return view.roleHistory(ref.key).find((version) => version.commit.sha === ref.sha && version.role.id === ref.key) ?? null;
    case 'RoleChange': {
      const [from, to] = await Promise.all([snapshotAt(loaders, ref.from), snapshotAt(loaders, ref.to)]);
      if (!from || !to) return null;
      const change = (await view.diff(from.commit, to.commit)).roles.find((c) => c.id === ref.key);
      return change ? roleChangeData(change, from, to) : null;
    }
  }
}

/** The snapshot at a full sha from an id; null when the repository does not have that commit. */
function snapshotAt(loaders: Pinned['loaders'], sha: string): Promise<Snapshot | null> {
  return loaders.snapshotByRef(sha).catch(orNullOnBadRef);
}

/** A commit the repository does not have is "not found" here, not a bad ref the client typed. */
function orNullOnBadRef(error: unknown): null {
  if (error instanceof BadRefError) return null;
  throw error;
}
