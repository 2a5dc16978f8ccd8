import type { Status } from '../engine/types.js';

export interface Style {
  status(s: Status, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const codes: Record<Status, string> = { pass: '32', warn: '33', fail: '31', skip: '90' };

export function makeStyle(color: boolean): Style {
  if (!color) return { status: (_s, x) => x, dim: (x) => x, bold: (x) => x };
  return {
    status: (s, x) => `\x1b[${codes[s]}m${x}\x1b[39m`,
    dim: (x) => `\x1b[2m${x}\x1b[22m`,
    bold: (x) => `\x1b[1m${x}\x1b[22m`,
  };
}

export const MARKS: Record<Status, string> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };

/** Formats an argv array so a person can read and copy it; arguments with spaces or quotes are quoted. */
export function formatArgv(argv: string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_\-./:=@,%+]+$/.test(a) ? a : `"${a.replace(/(["\\$`])/g, '\\$1')}"`)).join(' ');
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
