// parseFamily never throws and never hangs: random text, mutated real files, binary, huge and deep input.
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseFamily } from '../../src/parse';
import type { JobFamily } from '../../src/parse';
import { FIXTURES_DIR } from '../helpers/makeRepo';

const PATH = 'content/job-families/sales/x.md';
const SEED = readFileSync(join(FIXTURES_DIR, 'seeds', 'high-velocity-sales-and-first-orders.md'), 'utf8');

function wellFormed(f: JobFamily): void {
  expect(typeof f.title).toBe('string');
  expect(f.title.length).toBeGreaterThan(0);
  expect(Array.isArray(f.roles)).toBe(true);
  expect(f.warnings.every((w) => typeof w.code === 'string')).toBe(true);
  expect(f.warnings.filter((w) => w.code === 'parse-failed')).toEqual([]);
  const ids = f.roles.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('robustness', () => {
  it('survives random strings made of markdown-ish pieces', () => {
    const piece = fc.constantFrom('---\n', '## ', '### Responsibilities\n', '- ', '  - ', '1. ', '[a](', ')', '{{% x %}}', '<%= y %>', '|', '\n', 'grade 7', '**', '`', '> ', '```\n', 'â€™', '&', '#');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 20 })), { maxLength: 60 }), (parts) => {
        wellFormed(parseFamily(PATH, parts.join('')));
      }),
      { numRuns: 200 },
    );
  });

  it('survives mutated seed files (lines dropped, duplicated, shuffled)', () => {
    const lines = SEED.split('\n');
    fc.assert(
      fc.property(fc.array(fc.nat({ max: lines.length - 1 }), { minLength: 1, maxLength: 120 }), (picks) => {
        wellFormed(parseFamily(PATH, picks.map((i) => lines[i]).join('\n')));
      }),
      { numRuns: 200 },
    );
  });

  it('survives arbitrary bytes, reporting invalid UTF-8 and NULs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        wellFormed(parseFamily(PATH, Buffer.from(bytes)));
      }),
      { numRuns: 200 },
    );
    const f = parseFamily(PATH, Buffer.from([0x2d, 0xff, 0xfe, 0x00, 0x41]));
    expect(f.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['invalid-utf8', 'binary']));
  });

  it('handles 10k-deep nesting of lists, quotes and headings', () => {
    wellFormed(parseFamily(PATH, Array.from({ length: 10000 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n')));
    wellFormed(parseFamily(PATH, '>'.repeat(10000) + ' deep'));
    wellFormed(parseFamily(PATH, '## Responsibilities\n\n' + '['.repeat(10000) + ']'.repeat(10000)));
  });

  it('truncates input over the size cap with a warning', () => {
    const f = parseFamily(PATH, '## Responsibilities\n\n' + '- item\n'.repeat(400_000));
    expect(f.warnings.map((w) => w.code)).toContain('too-large');
    expect(f.roles[0]?.responsibilities.length).toBeGreaterThan(200_000);
  });

  it('never throws on non-string input smuggled past the types', () => {
    wellFormed(parseFamily(PATH, undefined as unknown as string));
    wellFormed(parseFamily(PATH, 42 as unknown as string));
  });
});
