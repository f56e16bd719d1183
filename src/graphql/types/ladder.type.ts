import { Field, ObjectType } from 'type-graphql';
import { LadderEdgeKind } from './ladderEdgeKind.enum';
import { Role } from './role.type';
import type { LadderEdgeKind as LadderEdgeKindValue } from '../../index/types';

@ObjectType()
export class LadderEdge {
  @Field(() => Role)
  from: Role;

  @Field(() => Role)
  to: Role;

  @Field(() => LadderEdgeKind)
  kind: LadderEdgeKindValue;
}

@ObjectType({ description: 'A career-ladder graph, with ready-to-render Mermaid and Graphviz text.' })
export class Ladder {
  @Field(() => [Role])
  nodes: Role[];

  @Field(() => [LadderEdge])
  edges: LadderEdge[];

  @Field(() => String, { description: 'Mermaid `flowchart` source.' })
  mermaid: string;

  @Field(() => String, { description: 'Graphviz DOT source.' })
  dot: string;
}
