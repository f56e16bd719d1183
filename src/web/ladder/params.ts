// The page's state travels in the address bar: read it there, echo it in the form.
import { byId } from './dom';
import { paramsFrom } from './views';
import type { LadderParams } from './types';

export function readParams(): LadderParams {
  return paramsFrom(window.location.search);
}

/** Through input values only, never markup: a crafted URL stays text. */
export function fillForm(params: LadderParams): void {
  byId<HTMLInputElement>('field-department').value = params.department ?? '';
  byId<HTMLInputElement>('field-role').value = params.role ?? '';
  byId<HTMLInputElement>('field-at').value = params.at ?? '';
  byId<HTMLInputElement>('field-from').value = params.from ?? '';
  byId<HTMLInputElement>('field-to').value = params.to ?? '';
}
