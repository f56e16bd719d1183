// The startup check of the cache folder: real folders for what the file system really refuses to
// root (a file in the way), an injected EACCES for the Docker case (a root-owned bind mount seen by
// the image's non-root user), since these tests run as root.
import { promises as fsPromises } from 'node:fs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertCacheDirWritable, CacheDirNotWritableError, type ProbeFs } from '../../src/server/cacheDirCheck';

const USER = `uid ${process.getuid!()} gid ${process.getgid!()}`;
const ADVICE = '(for a Docker bind mount: chown it on the host to that uid:gid, or use a named volume)';
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-cachedir-test-'));
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** An fs error as node makes it: an Error with an errno code. */
function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: permission denied, ${syscall} '${file}'`), { code, syscall, path: file });
}

describe('assertCacheDirWritable', () => {
  it('creates a missing folder and leaves no probe file behind', async () => {
    const dir = path.join(tmp, 'nested', 'repo-cache');
    await assertCacheDirWritable(dir);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('keeps what an existing cache folder holds', async () => {
    fs.writeFileSync(path.join(tmp, 'kept.json'), '{}');
    await assertCacheDirWritable(tmp);
    expect(fs.readdirSync(tmp)).toEqual(['kept.json']);
  });

  it('names the folder, the error and the uid/gid when a file stands where a parent folder should be', async () => {
    fs.writeFileSync(path.join(tmp, 'a-file'), '');
    const dir = path.join(tmp, 'a-file', 'cache');
    const failure = assertCacheDirWritable(dir);
    await expect(failure).rejects.toBeInstanceOf(CacheDirNotWritableError);
    await expect(failure).rejects.toThrow(`cache folder ${dir} is not writable (ENOTDIR): it must be a folder that ${USER} can write ${ADVICE}`);
  });

  it('names EEXIST when the cache path itself is a file', async () => {
    const file = path.join(tmp, 'repo-cache');
    fs.writeFileSync(file, '');
    await expect(assertCacheDirWritable(file)).rejects.toThrow(`cache folder ${file} is not writable (EEXIST): it must be a folder that ${USER} can write ${ADVICE}`);
  });

  it('reports EACCES from the probe write in one line, the root-owned bind mount case', async () => {
    const refusing: ProbeFs = {
      mkdir: fsPromises.mkdir,
      rm: fsPromises.rm,
      writeFile: async (file) => {
        throw errnoError('EACCES', 'open', String(file));
      },
    };
    const failure = assertCacheDirWritable(tmp, refusing);
    await expect(failure).rejects.toThrow(`cache folder ${tmp} is not writable (EACCES): it must be a folder that ${USER} can write ${ADVICE}`);
    await expect(failure).rejects.toMatchObject({ code: 'CACHE_DIR_NOT_WRITABLE' });
    const message = await failure.catch((err: Error) => err.message);
    expect(message).not.toContain('\n');
  });

  it('lets an error that is not a file-system refusal through unchanged', async () => {
    const bug = new TypeError('not an fs error');
    const broken: ProbeFs = { mkdir: fsPromises.mkdir, rm: fsPromises.rm, writeFile: async () => { throw bug; } };
    await expect(assertCacheDirWritable(tmp, broken)).rejects.toBe(bug);
  });
});
