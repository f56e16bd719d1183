import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ChangeKind } from './changeKind.enum';
import { LadderChangeAspect } from './ladderChangeAspect.enum';
import { LadderEdgeKind } from './ladderEdgeKind.enum';
import { LadderGroupKind } from './ladderGroupKind.enum';
import { LadderLevel } from './ladderLevel.enum';
import { Role } from './role.type';
import type {
  ChangeKind as ChangeKindValue,
  LadderChangeAspect as LadderChangeAspectValue,
  LadderEdgeKind as LadderEdgeKindValue,
  LadderGroupKind as LadderGroupKindValue,
  LadderLevel as LadderLevelValue,
} from '../../index';

@ObjectType({ description: 'One step up the career ladder, from a role to a role above it.' })
export class LadderEdge {
  @Field(() => Role, { description: 'The lower role.' })
  from: Role;

  @Field(() => Role, { description: 'The role one ladder step up.' })
  to: Role;

  @Field(() => LadderEdgeKind, { description: 'Why this is a step: a Career Ladder link, or the next level in the family.' })
  kind: LadderEdgeKindValue;
}

@ObjectType({ description: 'A department or a job family drawn as one box: the overview levels, and families collapsed in a large ladder.' })
export class LadderGroup {
  @Field(() => String, { description: 'Box id, unique in the ladder: `department:<name>` or `family:<slug>`; what `LadderGroupEdge` and `LadderChange.group` name.' })
  id: string;

  @Field(() => LadderGroupKind, { description: 'A department or a family.' })
  kind: LadderGroupKindValue;

  @Field(() => String, { description: 'The department name or the family slug: what `ladder(department:)` or `ladder(family:)` takes to open it.' })
  key: string;

  @Field(() => String, { description: "The family's title; the department's name." })
  title: string;

  @Field(() => String, { description: 'The department it files under.' })
  department: string;

  @Field(() => Float, { nullable: true, description: 'Lowest grade of its roles; null when none has a grade.' })
  lowestGrade: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest grade of its roles; null when none has a grade.' })
  highestGrade: number | null;

  @Field(() => Int, { description: 'Roles it stands for.' })
  roleCount: number;

  @Field(() => Int, { description: 'Job families it stands for (1 for a family).' })
  familyCount: number;

  @Field(() => Int, { description: 'Compare mode: roles inside that changed on the ladder (removed ones included); 0 otherwise.' })
  changeCount: number;
}

@ObjectType({ description: 'Steps up the ladder with a summary group at one end or both, counted per pair of boxes.' })
export class LadderGroupEdge {
  @Field(() => String, { description: 'Box id of the lower end: a `LadderGroup.id`, or a role key (`<family slug>#<slug of title>`) when that end is a role node.' })
  from: string;

  @Field(() => String, { description: 'Box id of the upper end, as `from`.' })
  to: string;

  @Field(() => LadderEdgeKind, { description: 'Why these are steps.' })
  kind: LadderEdgeKindValue;

  @Field(() => Int, { description: 'Role-to-role steps this edge stands for.' })
  count: number;
}

@ObjectType({ description: 'A role that changed on the ladder between `from` and `to` (compare mode).' })
export class LadderChange {
  @Field(() => Role, { description: 'The role at `to`; at `from` when it was removed.' })
  role: Role;

  @Field(() => ChangeKind, { description: 'ADDED, REMOVED, MOVED (retitled or its family page moved: one box, followed through the role chain) or MODIFIED (regraded or relinked).' })
  change: ChangeKindValue;

  @Field(() => [LadderChangeAspect], { description: 'What changed, never empty: a role both retitled and regraded lists both.' })
  aspects: LadderChangeAspectValue[];

  @Field(() => String, { nullable: true, description: 'Box id of the summary group it is counted in; null when the role is drawn as its own node (a removed one as a ghost).' })
  group: string | null;
}

@ObjectType({ description: 'A career-ladder graph, with ready-to-render Mermaid and Graphviz text.' })
export class Ladder {
  @Field(() => LadderLevel, { description: 'The detail drawn: the `level` asked for.' })
  level: LadderLevelValue;

  @Field(() => [Role], { description: 'Roles of the graph drawn as their own node (none at the DEPARTMENTS and FAMILIES levels).' })
  nodes: Role[];

  @Field(() => [LadderEdge], { description: 'Steps up the ladder between those roles.' })
  edges: LadderEdge[];

  @Field(() => [LadderGroup], { description: 'Departments or families drawn as one box each: every box at the DEPARTMENTS and FAMILIES levels; the collapsed families at ROLES.' })
  groups: LadderGroup[];

  @Field(() => [LadderGroupEdge], { description: 'Steps with a group at one end or both, one per pair of boxes and kind.' })
  groupEdges: LadderGroupEdge[];

  @Field(() => [LadderChange], { description: 'Compare mode (`from` given): the roles in view that changed on the ladder between `from` and `to`, by role key; empty otherwise.' })
  changes: LadderChange[];

  @Field(() => String, { nullable: true, description: 'Compare mode: the changes counted by aspect, most first, e.g. "3 regraded, 1 added"; null otherwise.' })
  changeSummary: string | null;

  @Field(() => String, { description: 'Mermaid `flowchart` source of what is drawn: groups, roles (removed ones captioned so) and steps.' })
  mermaid: string;

  @Field(() => String, { description: 'Graphviz DOT source of what is drawn, as `mermaid`.' })
  dot: string;
}
