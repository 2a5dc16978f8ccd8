import { accessSync, constants, statSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';

/**
 * Finds a program on the PATH of the given environment (not this process's), the way a shell
 * would: on Windows each PATHEXT extension is tried and the variable may be spelt `Path`.
 * Returns the full path, or null.
 */
export function findOnPath(
  name: string,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  isExecutable: (file: string) => boolean = defaultIsExecutable(platform),
): string | null {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return null;
  const windows = platform === 'win32';
  const pathValue = windows ? (env.PATH ?? env.Path ?? env.path ?? '') : (env.PATH ?? '');
  const dirs = pathValue.split(windows ? ';' : ':').filter((d) => d.length > 0);
  const exts = windows
    ? (env.PATHEXT ?? env.Pathext ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e.length > 0)
    : [''];
  const joinPath = windows ? win32.join : platform === process.platform ? join : posix.join;
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = joinPath(dir.replace(/^"(.*)"$/, '$1'), name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function defaultIsExecutable(platform: NodeJS.Platform): (file: string) => boolean {
  return (file) => {
    try {
      if (!statSync(file).isFile()) return false;
      if (platform !== 'win32') accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
}
