// On-disk size of a repository's git directory (packs, loose objects, refs), for the report.
import fs from 'node:fs';
import path from 'node:path';

export function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

export function repoBytes(repoDir: string): number {
  const gitDir = path.join(repoDir, '.git');
  return directoryBytes(fs.existsSync(gitDir) ? gitDir : repoDir);
}
