import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The target already exists and overwriting was not allowed. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'FileExistsError';
  }
}

const errno = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

/**
 * Writes `content` to `path` so that a reader never sees half a file: the text goes to a temp file
 * in the same directory, is flushed, and is then moved into place. Without `overwrite` the move is
 * a hard link, which fails when the name exists, so a file created meanwhile is never clobbered.
 */
export async function writeFileAtomic(path: string, content: string, opts: { overwrite?: boolean } = {}): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (opts.overwrite) {
      await rename(tmp, path);
      return;
    }
    try {
      await link(tmp, path);
    } catch (err) {
      if (errno(err) === 'EEXIST') throw new FileExistsError(path);
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS'].includes(errno(err) ?? '')) throw err;
      // No hard links on this file system: claim the name exclusively, then move the full file over it.
      const claim = await open(path, 'wx').catch((e: unknown) => {
        throw errno(e) === 'EEXIST' ? new FileExistsError(path) : e;
      });
      await claim.close();
      await rename(tmp, path);
    }
  } finally {
    await unlink(tmp).catch(() => {});
  }
}
