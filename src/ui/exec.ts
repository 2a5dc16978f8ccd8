import { execa } from 'execa';

export interface CommandOutcome {
  exitCode: number | null;
  cancelled: boolean;
  /** Why it could not start (not found, not executable). */
  error: string | null;
}

export interface CommandOptions {
  env: Record<string, string | undefined>;
  signal: AbortSignal;
  timeoutMs: number;
  /** Streamed output; null when the command owns the terminal. */
  onOutput: ((stream: 'stdout' | 'stderr', text: string) => void) | null;
}

/** Runs a remediation's argv without a shell. Never throws. */
export async function runCommand(argv: string[], o: CommandOptions): Promise<CommandOutcome> {
  const [file, ...args] = argv;
  if (!file) return { exitCode: null, cancelled: false, error: 'empty command' };
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.env)) if (v !== undefined) env[k] = v;
  try {
    const child = execa(file, args, {
      env,
      extendEnv: false,
      reject: false,
      buffer: false,
      stripFinalNewline: false,
      cancelSignal: o.signal,
      timeout: o.timeoutMs,
      forceKillAfterDelay: 2000,
      stdio: o.onOutput ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (o.onOutput) {
      const emit = o.onOutput;
      child.stdout?.setEncoding('utf8');
      child.stderr?.setEncoding('utf8');
      child.stdout?.on('data', (d: string) => emit('stdout', d));
      child.stderr?.on('data', (d: string) => emit('stderr', d));
    }
    const r = await child;
    const cancelled = Boolean(r.isCanceled) || o.signal.aborted;
    let error: string | null = null;
    const code = (r as { code?: string }).code;
    if (r.exitCode === undefined && !cancelled) {
      error = code === 'ENOENT' ? `${file}: command not found` : r.timedOut ? `timed out after ${Math.round(o.timeoutMs / 1000)} s` : (r.shortMessage ?? 'failed to start');
    }
    return { exitCode: r.exitCode ?? null, cancelled, error };
  } catch (err) {
    return { exitCode: null, cancelled: o.signal.aborted, error: err instanceof Error ? err.message : String(err) };
  }
}
