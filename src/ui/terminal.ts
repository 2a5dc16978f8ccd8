import type { CliIO } from '../cli/io.js';

type TtyIn = NodeJS.ReadStream & { setRawMode?: (on: boolean) => unknown; isRaw?: boolean };

/**
 * Puts the terminal back the way a shell expects it: cooked mode (echo, line editing), cursor
 * visible, input no longer read. Safe to call more than once and from an 'exit' handler.
 */
export function restoreTerminal(io: CliIO): void {
  const stdin = io.stdin as TtyIn;
  try {
    if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(false);
  } catch {
    // The stream may already be closed.
  }
  try {
    if (io.stdout.isTTY) io.stdout.write('\x1b[?25h');
  } catch {
    // Writing to a closed terminal is not worth a crash on the way out.
  }
  try {
    stdin.pause();
  } catch {
    // Same.
  }
}
