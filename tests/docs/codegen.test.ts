// The GraphQL Code Generator config README shows (docs/codegen.ts, quoted there verbatim) works:
// run through @graphql-codegen/cli against schema/schema.graphql and schema/examples.graphql, it
// generates the types a frontend imports, with DateTimeISO mapped to string.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../../docs/codegen';

const ROOT = path.resolve(__dirname, '..', '..');
const OUTPUT = 'src/gql/rolegraph.ts';

let generated: string;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-codegen-'));
  const target = path.join(tmp, 'rolegraph.ts');
  const generates = config.generates as Record<string, unknown>;
  expect(Object.keys(generates)).toEqual([OUTPUT]);
  // The config as shown, only written into a temporary folder instead of a frontend's src/.
  await generate({ ...config, cwd: ROOT, silent: true, generates: { [target]: generates[OUTPUT] } } as Parameters<typeof generate>[0], true);
  generated = fs.readFileSync(target, 'utf8');
}, 60_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('docs/codegen.ts', () => {
  it('is quoted in README.md as it is', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'codegen.ts'), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${text}\`\`\``);
  });

  it('generates the schema types, a nullable grade as an optional Maybe<Float>', () => {
    expect(generated).toMatch(/export type Role = Node & \{[^}]*\n {2}grade\?: Maybe<Scalars\['Float'\]\['output'\]>;/);
    expect(generated).toMatch(/export type Role = Node & \{[^}]*\n {2}id: Scalars\['ID'\]\['output'\];/);
  });

  it('maps DateTimeISO and ID to string', () => {
    expect(generated).toContain("DateTimeISO: { input: string; output: string; }");
    expect(generated).toContain("ID: { input: string; output: string; }");
    expect(generated).toMatch(/export type Commit = Node & \{[^}]*\n {2}date: Scalars\['DateTimeISO'\]\['output'\];/);
  });

  it('generates a result and a variables type for each example operation', () => {
    for (const name of ['RoleAtCommit', 'RoleHistory', 'Diff', 'Families', 'Search', 'Ladder']) {
      expect(generated).toContain(`export type ${name}Query = `);
      expect(generated).toContain(`export type ${name}QueryVariables = `);
    }
    expect(generated).toMatch(/export type ChangeKind =\n(?: {2}\/\*\*.*\*\/\n)? {2}\| 'ADDED'/);
  });

  it('carries the schema descriptions into the generated types', () => {
    expect(generated).toContain('/** Numeric grade; the lowest for "grade 11 or a grade 12". Null when none is stated. */');
  });
});
