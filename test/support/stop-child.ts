import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * A closer for a test server process: SIGTERM, SIGKILL after 3 s if it lingers, then remove its
 * working folder. `exited()` says whether the process is already gone.
 */
export function childCloser(child: ChildProcess, dir: string, exited: () => boolean): () => Promise<void> {
  return async () => {
    if (!exited()) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => {
          if (!exited()) child.kill('SIGKILL');
        }, 3000).unref();
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
