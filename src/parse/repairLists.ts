// Bullet lists as people damage them, mended before the markdown is parsed so each intended bullet
// is one item. Line for line (no line is added or removed), so every later line number still
// points into the page as written; fenced code is left alone.

/** A bullet line: indentation, marker, a space, text. */
const BULLET = /^([ \t]*)([-*+])[ \t]+\S/;
/** `-Write tests`: a dash glued to a word (never `---` or `-1`; `*Note*` is emphasis, not a bullet). */
const GLUED_MARKER = /^([ \t]*)(-)(?=[A-Za-z])/;
/** `- - Review merge requests`: a marker typed twice, which CommonMark reads as an empty item holding a list. */
const DOUBLED_MARKER = /^([ \t]*)([-*+])[ \t]+[-*+][ \t]+(?=\S)/;
/** A line with no indentation and no marker that starts like a sentence (`Work with designers ...`). */
const UNMARKED_LINE = /^[A-Z][^\n]*$/;
/** Start or end of a fenced code block. */
const FENCE = /^[ \t]{0,3}(?:```|~~~)/;

export function repairLists(markdown: string): string {
  const lines = markdown.split('\n');
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const previous = i > 0 ? (lines[i - 1] ?? '') : '';
    const prevBullet = BULLET.exec(previous);
    if (!prevBullet) continue;
    const doubled = DOUBLED_MARKER.exec(line);
    if (doubled) {
      lines[i] = `${doubled[1]}${doubled[2]} ${line.slice(doubled[0].length)}`;
      continue;
    }
    const glued = GLUED_MARKER.exec(line);
    if (glued && !line.startsWith('---')) {
      lines[i] = `${glued[1]}${glued[2]} ${line.slice(glued[0].length)}`;
      continue;
    }
    // A sentence between two bullets of one list is a bullet whose marker was lost; a wrapped
    // line of the last bullet (nothing after it) is left as the continuation it may be.
    const next = lines[i + 1] ?? '';
    const nextBullet = BULLET.exec(next);
    if (prevBullet[1] === '' && UNMARKED_LINE.test(line) && nextBullet && nextBullet[1] === '' && nextBullet[2] === prevBullet[2]) {
      lines[i] = `${prevBullet[2]} ${line}`;
    }
  }
  return lines.join('\n');
}
