import { registerEnumType } from 'type-graphql';
import type { LadderGroupKind as LadderGroupKindValue } from '../../index';

export const LadderGroupKind: { [K in LadderGroupKindValue]: K } = {
  DEPARTMENT: 'DEPARTMENT',
  FAMILY: 'FAMILY',
};

registerEnumType(LadderGroupKind, {
  name: 'LadderGroupKind',
  description: 'What a summary box on the ladder stands for.',
  valuesConfig: {
    DEPARTMENT: { description: 'All roles of one department (the first folder of a family slug).' },
    FAMILY: { description: 'All roles of one job family.' },
  },
});
