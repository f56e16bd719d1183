// A `git clone` of this repository must test, benchmark and build with nothing beside it: the
// real handbook pages the tests read live in tests/fixtures/. Any file that reaches for the old
// sibling folder of the development machines fails here, naming the file and line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
/** What the repository ships and runs; sample/ and schema/ are data the tests already read in place. */
const SCANNED = ['src', 'tests', 'bench', 'scripts', '.ci', 'README.md'];

// The folder's name is assembled so that this file's own source never contains the patterns it
// looks for (a literal here would be the first hit).
const NAME = ['sha', 'red'].join('');
const OUTSIDE_REFERENCES = [`..${'/'}${NAME}`, `/${NAME}/`];

function filesUnder(full: string): string[] {
  if (!fs.statSync(full).isDirectory()) return [full];
  return fs.readdirSync(full).flatMap((name) => filesUnder(path.join(full, name)));
}

/** `file:line: text` for every line naming a folder outside the repository. */
function outsideReferences(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        OUTSIDE_REFERENCES.some((p) => line.includes(p)) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

describe('the repository is self-contained', () => {
  it('the scan finds this file and would catch a reference written into it', () => {
    const files = SCANNED.flatMap((entry) => filesUnder(path.join(ROOT, entry)));
    expect(files).toContain(__filename);
    expect(files).toContain(path.join(ROOT, 'tests', 'fixtures', 'corpus', 'build-history.sh'));
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-sc-')), 'probe.ts');
    fs.writeFileSync(probe, `const seeds = '${OUTSIDE_REFERENCES[0]}/seeds';\n`);
    try {
      expect(outsideReferences([probe])).toEqual([`${path.relative(ROOT, probe)}:1: const seeds = '${OUTSIDE_REFERENCES[0]}/seeds';`]);
    } finally {
      fs.rmSync(path.dirname(probe), { recursive: true, force: true });
    }
  });

  it('no file under src, tests, bench, scripts, .ci or the README names a folder outside the repository', () => {
    const files = SCANNED.flatMap((entry) => filesUnder(path.join(ROOT, entry)));
    expect(outsideReferences(files)).toEqual([]);
  });
});
