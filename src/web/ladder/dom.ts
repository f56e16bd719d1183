// The page's fixed elements, by id. The HTML is a constant (src/server/ladderPage.ts), so a
// missing element is a bug in that pair, not a runtime condition worth handling.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}
