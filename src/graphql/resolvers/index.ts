// Every resolver class of the schema, in one list for buildSchema.
import { CareerPathResolver } from './careerPath.resolver';
import { CommitResolver } from './commit.resolver';
import { DiffResolver } from './diff.resolver';
import { FamilyResolver } from './family.resolver';
import { GradeResolver } from './grade.resolver';
import { HistoryResolver } from './history.resolver';
import { LadderResolver } from './ladder.resolver';
import { LadderLinkResolver } from './ladderLink.resolver';
import { NodeResolver } from './node.resolver';
import { RefreshResolver } from './refresh.resolver';
import { RepositoryResolver } from './repository.resolver';
import { RoleResolver } from './role.resolver';
import { SearchResolver } from './search.resolver';
import { SubscriptionResolver } from './subscription.resolver';
import { ValidationResolver } from './validation.resolver';

export const resolvers = [
  RepositoryResolver,
  NodeResolver,
  CommitResolver,
  FamilyResolver,
  LadderLinkResolver,
  RoleResolver,
  GradeResolver,
  CareerPathResolver,
  HistoryResolver,
  DiffResolver,
  SearchResolver,
  ValidationResolver,
  LadderResolver,
  RefreshResolver,
  SubscriptionResolver,
] as const;
