import { registerEnumType } from 'type-graphql';
import type { LadderLevel as LadderLevelValue } from '../../index';

export const LadderLevel: { [K in LadderLevelValue]: K } = {
  DEPARTMENTS: 'DEPARTMENTS',
  FAMILIES: 'FAMILIES',
  ROLES: 'ROLES',
};

registerEnumType(LadderLevel, {
  name: 'LadderLevel',
  description: 'How much detail a ladder draws: one box per department, per family, or per role.',
  valuesConfig: {
    DEPARTMENTS: { description: 'One summary group per department of the selection; no role nodes.' },
    FAMILIES: { description: 'One summary group per job family of the selection; no role nodes.' },
    ROLES: { description: 'Every role its own node (families beyond `collapseAbove` excepted).' },
  },
});
