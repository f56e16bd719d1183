import { ArgsType, Field, Int } from 'type-graphql';

// `after`/`before` cursors carry the commit their list was read at: the page is read there, so
// paging on while the head moves neither skips nor repeats (src/graphql/pagedRead.ts).
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, default 20, at most 100: the items right after `after` (or from the start).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge already read. The list is read as it stood when the cursor was issued (the cursor carries its commit), even after the head moved and whatever `at` says.',
  })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size, at most 100: the items right before `before` (or at the end). Not with `first`.' })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first edge already read, to page backwards with `last`; like `after`, the list is read as it stood when the cursor was issued.',
  })
  before?: string | null;
}
