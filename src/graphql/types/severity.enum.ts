import { registerEnumType } from 'type-graphql';
import type { Severity as SeverityValue } from '../../index/types';

export const Severity: { [K in SeverityValue]: K } = {
  ERROR: 'ERROR',
  WARNING: 'WARNING',
};

registerEnumType(Severity, { name: 'Severity' });
