import { Field, ObjectType } from 'type-graphql';
import { LadderEdgeKind } from './ladderEdgeKind.enum';
import { Role } from './role.type';
import type { LadderEdgeKind as LadderEdgeKindValue } from '../../index';

@ObjectType({ description: 'One step up the career ladder, from a role to a role above it.' })
export class LadderEdge {
  @Field(() => Role, { description: 'The lower role.' })
  from: Role;

  @Field(() => Role, { description: 'The role one ladder step up.' })
  to: Role;

  @Field(() => LadderEdgeKind, { description: 'Why this is a step: a Career Ladder link, or the next level in the family.' })
  kind: LadderEdgeKindValue;
}

@ObjectType({ description: 'A career-ladder graph, with ready-to-render Mermaid and Graphviz text.' })
export class Ladder {
  @Field(() => [Role], { description: 'Roles of the graph.' })
  nodes: Role[];

  @Field(() => [LadderEdge], { description: 'Steps up the ladder between those roles.' })
  edges: LadderEdge[];

  @Field(() => String, { description: 'Mermaid `flowchart` source.' })
  mermaid: string;

  @Field(() => String, { description: 'Graphviz DOT source.' })
  dot: string;
}
