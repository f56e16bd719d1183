import { Field, ObjectType } from 'type-graphql';
import { ChangeKind } from './changeKind.enum';
import { FieldChange } from './fieldChange.type';
import { JobFamily } from './family.type';
import type { ChangeKind as ChangeKindValue } from '../../index';

@ObjectType({ description: 'How one family page differs between the two sides of a diff.' })
export class FamilyChange {
  @Field(() => String, { description: 'Family slug at `to` (at `from` when REMOVED). A page that changed path shape keeps its slug; one moved to another folder does not: see beforeSlug.' })
  slug: string;

  @Field(() => String, { nullable: true, description: 'Family slug at `from`; differs from `afterSlug` when the page moved to another folder. Null when ADDED.' })
  beforeSlug: string | null;

  @Field(() => String, { nullable: true, description: 'Family slug at `to`. Null when REMOVED.' })
  afterSlug: string | null;

  @Field(() => ChangeKind, { description: 'ADDED, MODIFIED, MOVED or REMOVED between `from` and `to`.' })
  change: ChangeKindValue;

  @Field(() => String, { nullable: true, description: 'Repository path of the page at `from`; null when ADDED.' })
  beforePath: string | null;

  @Field(() => String, { nullable: true, description: 'Repository path of the page at `to`; null when REMOVED.' })
  afterPath: string | null;

  @Field(() => JobFamily, { nullable: true, description: 'The page at `from`; null when ADDED.' })
  before: JobFamily | null;

  @Field(() => JobFamily, { nullable: true, description: 'The page at `to`; null when REMOVED.' })
  after: JobFamily | null;

  @Field(() => [FieldChange], { description: 'Field-by-field differences of the page itself (not its roles: see SnapshotDiff.roles).' })
  changes: FieldChange[];
}
