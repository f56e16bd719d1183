// Jest globalSetup: build dist/ once per run, exactly as `npm run build` does, before any suite
// spawns the built `rolegraph` command. dist/ is removed first and tsc's exit code is checked, so a
// broken build fails the run loudly instead of letting the CLI tests exercise a stale or half-emitted
// dist/ (tsc emits even when it reports errors).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export default function buildDist(): void {
  fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.error) throw new Error(`npm run build could not start: ${build.error.message}`);
  if (build.status !== 0) {
    throw new Error(`npm run build failed (exit ${build.status ?? build.signal}); the CLI tests need dist/:\n${build.stdout}${build.stderr}`);
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'cli.js'))) {
    throw new Error('npm run build succeeded but wrote no dist/cli/cli.js');
  }
}
