import { registerEnumType } from 'type-graphql';
import type { Severity as SeverityValue } from '../../index';

export const Severity: { [K in SeverityValue]: K } = {
  ERROR: 'ERROR',
  WARNING: 'WARNING',
};

registerEnumType(Severity, {
  name: 'Severity',
  description: 'How serious a lint finding is.',
  valuesConfig: {
    ERROR: { description: 'A broken fact, e.g. a grade out of range; `rolegraph lint` exits 1.' },
    WARNING: { description: 'Something missing or unresolved; the page is still usable.' },
  },
});
