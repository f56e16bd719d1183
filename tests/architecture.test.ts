// The layers of DESIGN.md, checked on every import of src/: parse and git know nothing of the rest,
// index never reaches up to graphql/server/watch, resolvers never run git or touch the file
// system, only git starts processes, the CLI sits on top and nothing imports it, util stands alone,
// and a layer is entered only through its index.ts (its door), never by a deep path. A new import that breaks one of these fails here, naming the file.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..', 'src');
const LAYERS = ['util', 'parse', 'git', 'index', 'graphql', 'watch', 'cluster', 'server', 'cli', 'web'] as const;
type Layer = (typeof LAYERS)[number];

/** The layers each layer may import from (itself always allowed). */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  util: [],
  parse: ['util'],
  git: ['util'],
  index: ['util', 'parse', 'git'],
  graphql: ['util', 'parse', 'index'],
  watch: ['util', 'parse', 'index'],
  // Replicas coordinated through Redis (issue 14): between watch and server.
  cluster: ['util', 'parse', 'git', 'index', 'watch'],
  server: ['util', 'parse', 'git', 'index', 'graphql', 'watch', 'cluster'],
  cli: ['util', 'parse', 'git', 'index', 'graphql', 'watch', 'cluster', 'server'],
  // Browser code (the ladder page): it reaches the server over HTTP only, and nothing imports it
  // (the server sends its bundle as a file).
  web: [],
};

/** Node and package imports a layer must not use: pure layers do no I/O, only git starts a process. */
const FORBIDDEN_MODULES: Partial<Record<Layer, RegExp>> = {
  util: /^(?:node:)?(?:fs|fs\/promises|child_process)$|^simple-git$/,
  parse: /^(?:node:)?(?:fs|fs\/promises|child_process)$|^simple-git$/,
  graphql: /^(?:node:)?(?:fs|fs\/promises|child_process)$|^simple-git$/,
  index: /^(?:node:)?child_process$|^simple-git$/,
  watch: /^(?:node:)?child_process$|^simple-git$/,
  cluster: /^(?:node:)?child_process$|^simple-git$/,
  server: /^(?:node:)?child_process$|^simple-git$/,
  cli: /^(?:node:)?child_process$|^simple-git$/,
  web: /^node:|^(?:fs|fs\/promises|child_process|path|os)$|^simple-git$/,
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function layerOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0];
}

/** Every module a file names: static and dynamic imports, `export … from`, `require()`. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((entry) => entry.fileName);
}

/** `file imports spec` broken down into the edges the rules forbid. */
export function violations(file: string, specs: readonly string[]): string[] {
  const from = layerOf(file) as Layer;
  const found: string[] = [];
  const where = path.relative(SRC, file);
  for (const spec of specs) {
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(`${SRC}${path.sep}`)) {
        found.push(`${where} imports ${spec}, outside src/`);
        continue;
      }
      const to = layerOf(target);
      if (to !== from && !(ALLOWED[from] ?? []).includes(to as Layer)) found.push(`${where} imports ${spec} (${from} -> ${to})`);
      // Another layer is reached through its door (its index.ts), never by a deep path into it.
      else if (to !== from && path.relative(SRC, target) !== to) found.push(`${where} imports ${spec}, past ${to}/index.ts`);
    } else if (FORBIDDEN_MODULES[from]?.test(spec)) {
      found.push(`${where} imports ${spec} (not in ${from})`);
    }
  }
  return found;
}

describe('architecture: layer imports point one way', () => {
  const files = sourceFiles(SRC);

  it('finds the source files of every layer, and no file outside a layer', () => {
    expect(files.length).toBeGreaterThan(50);
    const layers = new Set(files.map(layerOf));
    expect([...layers].sort()).toEqual([...LAYERS].sort());
  });

  it('has no forbidden edge', () => {
    const found = files.flatMap((file) => violations(file, importsOf(file)));
    expect(found).toEqual([]);
  });

  it('sees imports in all their forms, and would report each forbidden edge', () => {
    const text = [
      "import { a } from '../git/x';",
      "export * from '../server/y';",
      "const z = require('node:child_process');",
      "async function f() { await import('../watch/w'); }",
      "import type { T } from '../graphql/t';",
    ].join('\n');
    const specs = ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName);
    expect(specs).toEqual(['../git/x', '../server/y', 'node:child_process', '../watch/w', '../graphql/t']);
    expect(violations(path.join(SRC, 'parse', 'p.ts'), specs)).toEqual([
      'parse/p.ts imports ../git/x (parse -> git)',
      'parse/p.ts imports ../server/y (parse -> server)',
      'parse/p.ts imports node:child_process (not in parse)',
      'parse/p.ts imports ../watch/w (parse -> watch)',
      'parse/p.ts imports ../graphql/t (parse -> graphql)',
    ]);
    expect(violations(path.join(SRC, 'graphql', 'r.ts'), ['../index/x', 'node:fs', '../git'])).toEqual([
      'graphql/r.ts imports ../index/x, past index/index.ts',
      'graphql/r.ts imports node:fs (not in graphql)',
      'graphql/r.ts imports ../git (graphql -> git)',
    ]);
    expect(violations(path.join(SRC, 'index', 'i.ts'), ['../git', '../parse/types', '../watch', './store/blobCache'])).toEqual([
      'index/i.ts imports ../parse/types, past parse/index.ts',
      'index/i.ts imports ../watch (index -> watch)',
    ]);
    expect(violations(path.join(SRC, 'util', 'u.ts'), ['../parse'])).toEqual(['util/u.ts imports ../parse (util -> parse)']);
    expect(violations(path.join(SRC, 'server', 's.ts'), ['../cli', 'child_process', '../graphql'])).toEqual([
      'server/s.ts imports ../cli (server -> cli)',
      'server/s.ts imports child_process (not in server)',
    ]);
    expect(violations(path.join(SRC, 'cli', 'c.ts'), ['../server', 'node:child_process'])).toEqual(['cli/c.ts imports node:child_process (not in cli)']);
    expect(violations(path.join(SRC, 'git', 'g.ts'), ['../util/codedError', '../index/types', '../util'])).toEqual([
      'git/g.ts imports ../util/codedError, past util/index.ts',
      'git/g.ts imports ../index/types (git -> index)',
    ]);
    expect(violations(path.join(SRC, 'web', 'ladder', 'w.ts'), ['./layout', '../../graphql/types', 'node:fs', 'cytoscape'])).toEqual([
      'web/ladder/w.ts imports ../../graphql/types (web -> graphql)',
      'web/ladder/w.ts imports node:fs (not in web)',
    ]);
    expect(violations(path.join(SRC, 'server', 's.ts'), ['../web/ladder/layout'])).toEqual(['server/s.ts imports ../web/ladder/layout (server -> web)']);
  });
});
