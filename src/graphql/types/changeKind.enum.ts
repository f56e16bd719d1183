import { registerEnumType } from 'type-graphql';
import type { ChangeKind as ChangeKindValue } from '../../index';

export const ChangeKind: { [K in ChangeKindValue]: K } = {
  ADDED: 'ADDED',
  MODIFIED: 'MODIFIED',
  MOVED: 'MOVED',
  REMOVED: 'REMOVED',
};

registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'How a role or family changed: MOVED means its page moved (and maybe changed), or it took a new id or slug (a retitled role, a page moved to another folder) and is followed through it.',
  valuesConfig: {
    ADDED: { description: 'Absent before, present after.' },
    MODIFIED: { description: 'Present on both sides, with different content.' },
    MOVED: { description: 'Its page moved to another path, or the role was retitled, or its family page moved to another folder (and maybe changed): the same role or family under its new path, id or slug.' },
    REMOVED: { description: 'Present before, absent after.' },
  },
});
