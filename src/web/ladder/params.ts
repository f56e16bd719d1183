// The page's inputs travel in the address bar: read them there, echo them in the form.
import { byId } from './dom';
import type { LadderParams } from './types';

/** department / role / at from the address bar; empty strings count as absent. */
export function readParams(): LadderParams {
  const search = new URLSearchParams(window.location.search);
  const pick = (name: string): string | null => {
    const value = (search.get(name) ?? '').trim();
    return value === '' ? null : value;
  };
  return { department: pick('department'), role: pick('role'), at: pick('at') };
}

/** Through input values only, never markup: a crafted URL stays text. */
export function fillForm(params: LadderParams): void {
  byId<HTMLInputElement>('field-department').value = params.department ?? '';
  byId<HTMLInputElement>('field-role').value = params.role ?? '';
  byId<HTMLInputElement>('field-at').value = params.at ?? '';
}
