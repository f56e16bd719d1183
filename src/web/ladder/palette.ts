// One fill colour per family, the same for a family whatever else is drawn beside it. Pure.
import type { LadderNode } from './types';

/** Colour-blind-friendly pastel fills (node text stays dark and readable on each). */
export const PALETTE = ['#a6cee3', '#b2df8a', '#fdbf6f', '#cab2d6', '#fb9a99', '#ffff99', '#8dd3c7', '#bebada', '#80b1d3', '#fccde5', '#d9d9d9', '#ccebc5'];

export interface FamilyPalette {
  /** Family slugs in sorted order: the legend's order. */
  slugs: string[];
  titles: Record<string, string>;
  colours: Record<string, string>;
}

/** Colours go to families in slug order, so the same families always get the same colours. */
export function familyColours(nodes: LadderNode[]): FamilyPalette {
  const titles: Record<string, string> = {};
  for (const node of nodes) titles[node.family.slug] = node.family.title;
  const slugs = Object.keys(titles).sort();
  const colours: Record<string, string> = {};
  slugs.forEach((slug, i) => (colours[slug] = PALETTE[i % PALETTE.length]!));
  return { slugs, titles, colours };
}
