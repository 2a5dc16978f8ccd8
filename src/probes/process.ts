import { execa } from 'execa';
import type { ProcessResult, RunProcess, RunProcessOptions } from '../engine/types.js';

const MAX_OUTPUT = 256 * 1024;
/** A backstop for a caller that names no limit: no subprocess may run unbounded. */
export const DEFAULT_PROCESS_TIMEOUT_MS = 5 * 60_000;

/**
 * Runs argv without a shell. Never throws: a missing program, a timeout or an abort are fields of
 * the result. The child is killed (SIGTERM, then SIGKILL after 1 s) when the signal fires.
 */
export const runProcess: RunProcess = async (argv: string[], options: RunProcessOptions = {}): Promise<ProcessResult> => {
  const [file, ...args] = argv;
  const t0 = performance.now();
  if (!file) throw new Error('runProcess needs a program');
  const base = { argv, notFound: false, timedOut: false, aborted: false };
  try {
    const r = await execa(file, args, {
      reject: false,
      shell: false,
      timeout: options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_PROCESS_TIMEOUT_MS,
      cancelSignal: options.signal,
      forceKillAfterDelay: 1000,
      env: options.env,
      extendEnv: options.env ? false : true,
      input: options.input,
      stdin: options.input === undefined ? 'ignore' : undefined,
      cwd: options.cwd,
      maxBuffer: MAX_OUTPUT,
      stripFinalNewline: true,
      windowsHide: true,
    });
    const code = (r as { code?: string }).code;
    const notFound = code === 'ENOENT' || /ENOENT/.test(String((r as { originalMessage?: string }).originalMessage ?? ''));
    return {
      ...base,
      exitCode: typeof r.exitCode === 'number' ? r.exitCode : null,
      stdout: typeof r.stdout === 'string' ? r.stdout : '',
      stderr: typeof r.stderr === 'string' ? r.stderr : '',
      notFound,
      timedOut: Boolean(r.timedOut),
      aborted: Boolean(r.isCanceled),
      durationMs: Math.round(performance.now() - t0),
      error: r.failed && !notFound && r.exitCode === undefined && !r.timedOut && !r.isCanceled ? String((r as { shortMessage?: string }).shortMessage ?? 'failed to start') : undefined,
    };
  } catch (err) {
    return {
      ...base,
      exitCode: null,
      stdout: '',
      stderr: '',
      error: err instanceof Error ? err.message : String(err),
      durationMs: Math.round(performance.now() - t0),
    };
  }
};
