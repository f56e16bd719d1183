// The text alternative of the graph (WCAG: a complex image needs one): a list whose items are
// exactly the boxes drawn, each item's text the box's label, changed items marked with
// data-change in compare mode. Visually hidden until the reader asks for it; screen readers read it always.
import type { Box } from './boxes';
import { byId } from './dom';

/** `hrefOf` gives the link that opens a box's view; `open` follows it without a reload. */
export function listBoxes(boxes: readonly Box[], hrefOf: (box: Box) => string, open: (box: Box) => void): void {
  const list = byId('ladder-list');
  list.replaceChildren();
  for (const box of boxes) {
    const item = document.createElement('li');
    if (box.change) item.dataset.change = box.change;
    item.dataset.kind = box.kind;
    const link = document.createElement('a');
    link.href = hrefOf(box);
    link.textContent = box.label;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      open(box);
    });
    item.appendChild(link);
    list.appendChild(item);
  }
}

/** The "Show as a list" button: toggles the list's visibility and says which state it is in. */
export function wireListToggle(): void {
  const button = byId<HTMLButtonElement>('list-toggle');
  const panel = byId('ladder-list-panel');
  button.addEventListener('click', () => {
    const show = panel.classList.contains('visually-hidden');
    panel.classList.toggle('visually-hidden', !show);
    button.setAttribute('aria-expanded', String(show));
    button.textContent = show ? 'Hide the list' : 'Show as a list';
  });
}
