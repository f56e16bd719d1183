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
  // Lines are cut out only where a rule may apply (a marker, a fence, a line after a bullet), and
  // the page is copied only if a line changed: most lines and most pages need nothing.
  const pieces: string[] = [];
  let copied = 0; // markdown before this offset is in `pieces`
  let inFence = false;
  // The bullet that the line before is, as it reads after its own repair.
  let prevBullet: RegExpExecArray | null = null;
  for (let start = 0; start <= markdown.length; ) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    if (mayOpenFence(markdown, start) && FENCE.test(markdown.slice(start, end))) {
      inFence = !inFence;
      prevBullet = null;
    } else if (inFence) {
      prevBullet = null;
    } else if (!prevBullet) {
      prevBullet = bulletAt(markdown, start, end);
    } else {
      const line = markdown.slice(start, end);
      const next = (): RegExpExecArray | null => {
        if (newline === -1) return null;
        const nextEnd = markdown.indexOf('\n', end + 1);
        return bulletAt(markdown, end + 1, nextEnd === -1 ? markdown.length : nextEnd);
      };
      const repaired = repairAfterBullet(line, prevBullet, next);
      if (repaired !== line) {
        pieces.push(markdown.slice(copied, start), repaired);
        copied = end;
      }
      prevBullet = bulletAt(repaired, 0, repaired.length);
    }
    start = end + 1;
  }
  if (pieces.length === 0) return markdown;
  pieces.push(markdown.slice(copied));
  return pieces.join('');
}

/** `line`, which follows a bullet, with its marker mended (or itself). */
function repairAfterBullet(line: string, prevBullet: RegExpExecArray, nextBulletOf: () => RegExpExecArray | null): string {
  const doubled = DOUBLED_MARKER.exec(line);
  if (doubled) return `${doubled[1]}${doubled[2]} ${line.slice(doubled[0].length)}`;
  const glued = GLUED_MARKER.exec(line);
  if (glued && !line.startsWith('---')) return `${glued[1]}${glued[2]} ${line.slice(glued[0].length)}`;
  // A sentence between two bullets of one list is a bullet whose marker was lost; a wrapped
  // line of the last bullet (nothing after it) is left as the continuation it may be.
  if (prevBullet[1] !== '' || !UNMARKED_LINE.test(line)) return line;
  const nextBullet = nextBulletOf();
  return nextBullet && nextBullet[1] === '' && nextBullet[2] === prevBullet[2] ? `${prevBullet[2]} ${line}` : line;
}

/** BULLET's match on text[start, end), tried only when its first character past the indentation is a marker. */
function bulletAt(text: string, start: number, end: number): RegExpExecArray | null {
  let i = start;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  const c = i < end ? text.charCodeAt(i) : NaN;
  return c === 0x2d || c === 0x2a || c === 0x2b ? BULLET.exec(text.slice(start, end)) : null;
}

/** Whether FENCE could match the line at `start`: up to three spaces or tabs, then a backtick or a tilde. */
function mayOpenFence(text: string, start: number): boolean {
  let i = start;
  while (i < start + 3 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  const c = text.charCodeAt(i);
  return c === 0x60 || c === 0x7e;
}
