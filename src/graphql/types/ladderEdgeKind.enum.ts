import { registerEnumType } from 'type-graphql';
import type { LadderEdgeKind as LadderEdgeKindValue } from '../../index';

export const LadderEdgeKind: { [K in LadderEdgeKindValue]: K } = {
  LADDER_LINK: 'LADDER_LINK',
  LEVEL_ORDER: 'LEVEL_ORDER',
};

registerEnumType(LadderEdgeKind, {
  name: 'LadderEdgeKind',
  description: 'Why one role is a step up from another.',
  valuesConfig: {
    LADDER_LINK: { description: "A link in a family's Career Ladder section to another family." },
    LEVEL_ORDER: { description: 'The next level within the same family.' },
  },
});
