// The search box: as the reader types, roles (and their families) matching the words are offered
// in a datalist; picking one opens its view, and Enter on other words opens the best match.
import { byId } from './dom';
import { postGraphql } from './graphqlClient';
import { SEARCH_QUERY } from './operations';
import type { LadderParams } from './types';

interface SearchAnswer {
  search: Array<{ role: { key: string; title: string; family: { slug: string; title: string } } }> | null;
}

/** Waits this long after the last keystroke before asking. */
const TYPING_PAUSE_MS = 200;

export function wireSearch(at: () => string | null, open: (target: Partial<LadderParams>) => void): void {
  const input = byId<HTMLInputElement>('ladder-search');
  const list = byId('search-suggestions');
  const targets = new Map<string, Partial<LadderParams>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  /** Suggestions for the words, best first: each role, then each role's family. */
  const ask = async (text: string): Promise<Array<[string, Partial<LadderParams>]>> => {
    const body = await postGraphql<SearchAnswer>(SEARCH_QUERY, { text, at: at() });
    const hits = body.data?.search ?? [];
    return [
      ...hits.map((hit): [string, Partial<LadderParams>] => [`${hit.role.title} — ${hit.role.family.title}`, { role: hit.role.key }]),
      ...hits.map((hit): [string, Partial<LadderParams>] => [`${hit.role.family.title} (family)`, { family: hit.role.family.slug }]),
    ];
  };
  const suggest = async (text: string): Promise<void> => {
    const ticket = ++asked;
    const found = await ask(text);
    if (ticket !== asked) return; // a later keystroke's answer wins
    targets.clear();
    list.replaceChildren();
    for (const [value, target] of found) {
      if (targets.has(value)) continue;
      targets.set(value, target);
      const option = document.createElement('option');
      option.value = value;
      list.appendChild(option);
    }
  };
  const go = (): boolean => {
    const target = targets.get(input.value);
    if (!target) return false;
    open(target);
    return true;
  };
  input.addEventListener('input', () => {
    if (go()) return; // a suggestion was picked
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return;
    timer = setTimeout(() => void suggest(text).catch(() => undefined), TYPING_PAUSE_MS);
  });
  // Enter on words that are not a suggestion opens the best match.
  byId<HTMLFormElement>('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (go()) return;
    const text = input.value.trim();
    if (text === '') return;
    // Typing's pending suggestions are moot now: this answer decides.
    clearTimeout(timer);
    asked++;
    void ask(text)
      .then((found) => {
        if (found[0]) open(found[0][1]);
      })
      .catch(() => undefined);
  });
}
