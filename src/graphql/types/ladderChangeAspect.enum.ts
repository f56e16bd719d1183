import { registerEnumType } from 'type-graphql';
import type { LadderChangeAspect as LadderChangeAspectValue } from '../../index';

export const LadderChangeAspect: { [K in LadderChangeAspectValue]: K } = {
  ADDED: 'ADDED',
  REMOVED: 'REMOVED',
  RETITLED: 'RETITLED',
  MOVED: 'MOVED',
  REGRADED: 'REGRADED',
  RELINKED: 'RELINKED',
};

registerEnumType(LadderChangeAspect, {
  name: 'LadderChangeAspect',
  description: 'What about a role changed on the ladder between two refs.',
  valuesConfig: {
    ADDED: { description: 'The role is new.' },
    REMOVED: { description: 'The role is gone (drawn as a ghost).' },
    RETITLED: { description: 'Its title changed; followed through the role chain, so it is the same box.' },
    MOVED: { description: 'Its family page moved to another folder, title unchanged.' },
    REGRADED: { description: 'Its grade changed.' },
    RELINKED: { description: "The families its family's Career Ladder links lead to changed." },
  },
});
