// One fill colour per department, the same for a department whatever else is drawn beside it:
// a handful of colours that mean something (families are shown by their frames, not by colour). Pure.

/** Colour-blind-friendly pastel fills (node text stays dark and readable on each). */
export const PALETTE = ['#a6cee3', '#b2df8a', '#fdbf6f', '#cab2d6', '#fb9a99', '#ffff99', '#8dd3c7', '#d9d9d9'];

export interface DepartmentPalette {
  /** Department names in sorted order: the legend's order. */
  departments: string[];
  colours: Record<string, string>;
}

/** Colours go to departments by a hash of the name, so a department keeps its colour from view to view. */
export function departmentColours(departments: Iterable<string>): DepartmentPalette {
  const names = [...new Set(departments)].sort();
  const colours: Record<string, string> = {};
  for (const name of names) {
    let hash = 0;
    for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
    colours[name] = PALETTE[hash % PALETTE.length]!;
  }
  return { departments: names, colours };
}
