// Hostile handbook content through the real pipeline (git → index → parser → GraphQL): pages that
// are binary, huge, absurdly nested, not UTF-8, carry executable front matter, or are symlinks out
// of the repository. The index must stay up, every hostile page that is a page gets a warning, the
// good families are still served, nothing is executed and nothing outside the repository is read.
import fs from 'node:fs';
import path from 'node:path';
import { buildRolegraphSchema, createContext } from '../../src/graphql';
import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { DIRECTOR, SALES, VP, VP_ROLE, indexedRepo, seedCommit, type Indexed } from './harness';

const FIFTY_MB = 50 * 1024 * 1024;

/** Files written byte for byte (makeRepo only writes strings), keyed by path under SALES. */
function hostileFiles(): Record<string, Buffer> {
  return {
    // A PNG header with NULs and bytes that are not UTF-8: what a mis-committed image looks like.
    'binary-image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0]),
    // One 50 MB page (compressible, so git stores it quickly); the parser reads only a capped prefix.
    'huge.md': Buffer.alloc(FIFTY_MB, '- Manage a very long list of responsibilities\n'),
    // 10,000 levels of list inside list, and of blockquote inside blockquote, on single lines.
    'deep-nesting.md': Buffer.from(`# Deep Nesting\n\n## Responsibilities\n\n${'- '.repeat(10_000)}bottom\n\n${'>'.repeat(10_000)} bottom\n`),
    // Latin-1 bytes and stray continuation bytes in the title and a bullet.
    'bad-utf8.md': Buffer.concat([
      Buffer.from('---\ntitle: "Caf'),
      Buffer.from([0xe9, 0xc3, 0x28, 0xff]),
      Buffer.from(' Manager"\n---\n\n# Manager\n\n## Responsibilities\n\n- Serve '),
      Buffer.from([0x80, 0x81]),
      Buffer.from('\n'),
    ]),
    // gray-matter would eval this with its JavaScript engine enabled.
    'js-front-matter.md': Buffer.from(
      '---js\n{ title: (globalThis.__rolegraphPwned = "front matter ran", "Owned") }\n---\n\n# Js Front Matter\n\n## Responsibilities\n\n- Stay inert\n',
    ),
    'javascript-front-matter.md': Buffer.from(
      '---javascript\nmodule.exports = { title: (globalThis.__rolegraphPwned = "front matter ran", "Owned") }\n---\n\n# Javascript Front Matter\n',
    ),
  };
}

let indexed: Indexed;
let schema: GraphQLSchema;

async function run(source: string): Promise<ExecutionResult> {
  return (await graphql({ schema, source, contextValue: createContext({ indexer: indexed.indexer, isAdmin: false }) })) as ExecutionResult;
}

beforeAll(async () => {
  delete (globalThis as Record<string, unknown>).__rolegraphPwned;
  indexed = await indexedRepo([], { refresh: false });
  // Built by hand: the hostile files are bytes, and one is a symlink.
  const { repo } = indexed;
  repo.commit(seedCommit());
  const dir = path.join(repo.dir, SALES);
  for (const [name, bytes] of Object.entries(hostileFiles())) {
    fs.writeFileSync(path.join(dir, name), bytes);
    repo.git('add', '--', path.join(SALES, name));
  }
  fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd.md'));
  fs.mkdirSync(path.join(dir, 'escape'));
  fs.symlinkSync('/etc', path.join(dir, 'escape', 'etc'));
  repo.git('add', '--', path.join(SALES, 'passwd.md'), path.join(SALES, 'escape', 'etc'));
  repo.commit({ message: 'Hostile pages' });
  await indexed.indexer.refresh();
  schema = await buildRolegraphSchema();
}, 120_000);

afterAll(async () => {
  await indexed?.cleanup();
});

function family(slug: string) {
  const fam = indexed.indexer.current()!.head.familyBySlug.get(slug);
  if (!fam) throw new Error(`family ${slug} is not in the index`);
  return fam;
}

it('keeps the index up and serving the good families', async () => {
  expect(indexed.indexer.status().phase).toBe('ready');
  expect(indexed.indexer.status().lastError).toBeNull();
  const result = await run(`{ role(id: "${VP_ROLE}") { title grade } family(slug: "${DIRECTOR}") { roles { grade } } }`);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ role: { title: 'VP of Commercial Sales', grade: 12 }, family: { roles: [{ grade: 10 }] } });
  expect(family(VP).warnings.map((w) => w.code)).not.toContain('binary');
});

it('warns that a binary page is binary and not UTF-8', () => {
  const codes = family('sales/binary-image').warnings.map((w) => w.code);
  expect(codes).toEqual(expect.arrayContaining(['binary', 'invalid-utf8']));
});

it('reads only a capped prefix of a 50 MB page, with a warning', () => {
  const huge = family('sales/huge');
  expect(huge.warnings.map((w) => w.code)).toContain('too-large');
  const served = JSON.stringify(huge).length;
  expect(served).toBeLessThan(FIFTY_MB / 5);
});

it('survives 10,000 levels of nesting and still finds the page title', () => {
  const deep = family('sales/deep-nesting');
  expect(deep.title).toBe('Deep Nesting');
  expect(deep.warnings.length).toBeGreaterThan(0);
});

it('replaces invalid UTF-8 and says so', () => {
  const bad = family('sales/bad-utf8');
  expect(bad.warnings.map((w) => w.code)).toContain('invalid-utf8');
  expect(JSON.stringify(bad)).toContain('\uFFFD');
});

it('never executes ---js or ---javascript front matter', () => {
  expect((globalThis as Record<string, unknown>).__rolegraphPwned).toBeUndefined();
  for (const slug of ['sales/js-front-matter', 'sales/javascript-front-matter']) {
    const fam = family(slug);
    expect(fam.title).not.toBe('Owned');
    expect(fam.warnings.map((w) => w.code)).toContain('front-matter-language');
  }
});

it('does not follow symlinks out of the repository', async () => {
  const slugs = indexed.indexer.current()!.head.families.map((f) => f.slug);
  expect(slugs).not.toContain('sales/passwd');
  expect(slugs.some((s) => s.startsWith('sales/escape'))).toBe(false);
  const result = await run('{ families(first: 100) { edges { node { slug title roles { title responsibilities } } } } }');
  expect(result.errors).toBeUndefined();
  expect(JSON.stringify(result.data)).not.toMatch(/root:[^:]*:0:0:/);
});
