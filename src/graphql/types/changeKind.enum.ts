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
  description: 'How a role or family changed: MOVED means its page moved (and maybe changed) but its slug stayed.',
  valuesConfig: {
    ADDED: { description: 'Absent before, present after.' },
    MODIFIED: { description: 'Present on both sides, with different content.' },
    MOVED: { description: 'Its page moved to another path (and maybe changed); the slug stayed.' },
    REMOVED: { description: 'Present before, absent after.' },
  },
});
