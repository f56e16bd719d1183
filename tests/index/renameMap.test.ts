import { NO_RENAMES, renamesBetween } from '../../src/index/renameMap';
import type { RenameEvent } from '../../src/index/types';

const events: RenameEvent[] = [
  { position: 2, kind: 'role', from: 'f#a', to: 'f#b' },
  { position: 4, kind: 'family', from: 'eng/x', to: 'product/x' },
  { position: 4, kind: 'role', from: 'f#b', to: 'g#c' },
  { position: 6, kind: 'role', from: 'f#z', to: 'f#y' },
];

describe('renamesBetween', () => {
  it('composes renames forwards: a → b → c reads as a → c, and only those inside the range', () => {
    expect(renamesBetween(events, 0, 5)).toEqual({ roles: new Map([['f#a', 'g#c']]), families: new Map([['eng/x', 'product/x']]) });
    expect(renamesBetween(events, 2, 4).roles).toEqual(new Map([['f#b', 'g#c']]));
  });

  it('composes them backwards for a diff from a newer commit to an older one', () => {
    expect(renamesBetween(events, 6, 0)).toEqual({ roles: new Map([['g#c', 'f#a'], ['f#y', 'f#z']]), families: new Map([['product/x', 'eng/x']]) });
  });

  it('drops a rename undone within the range, and places nothing off the timeline', () => {
    const back: RenameEvent[] = [...events, { position: 7, kind: 'role', from: 'f#y', to: 'f#z' }];
    expect(renamesBetween(back, 5, 7).roles).toEqual(new Map());
    expect(renamesBetween(events, -1, 6)).toBe(NO_RENAMES);
  });
});
