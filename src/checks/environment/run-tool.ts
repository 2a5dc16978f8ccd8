import type { CheckContext, CheckOutcome, Details, ProcessResult, Remediation } from '../../engine/types.js';
import { redactText } from '../../transcript/redact.js';
import { t } from '../../knowledge/i18n.js';

/**
 * Runs a client program for a check: argv without a shell, the session's environment (so PATH and
 * DOCKER_HOST come from ctx.probes.env, which tests control), the check's signal and time limit.
 */
export function runTool(ctx: CheckContext, argv: string[], timeoutMs: number = ctx.timeoutMs): Promise<ProcessResult> {
  ctx.log(`environment: running ${argv.join(' ')}`);
  return ctx.probes.runProcess(argv, { env: ctx.probes.env, signal: ctx.signal, timeoutMs });
}

/** The first few non-empty lines of a program's output, scrubbed and shortened: evidence, not a dump. */
export function headLines(text: string, max = 5): string[] {
  return redactText(text)
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(0, max)
    .map((l) => (l.length > 300 ? `${l.slice(0, 297)}...` : l));
}

/** What every environment check records about the program it ran. */
export function evidence(r: ProcessResult): Details {
  const d: Details = { command: r.argv, exitCode: r.exitCode, durationMs: r.durationMs };
  const stderr = headLines(r.stderr);
  if (stderr.length) d.stderr = stderr;
  if (r.timedOut || r.aborted) d.timedOut = true;
  if (r.error) d.error = r.error;
  return d;
}

export function firstLine(text: string): string {
  return headLines(text, 1)[0] ?? '';
}

export function docsFor(code: string): string {
  return `https://aka.ms/acr/errors#${code.toLowerCase()}`;
}

export interface ToolSpec {
  /** The program as the person knows it ("docker", "podman", "helm"). */
  program: string;
  code: string;
  /** How to install it on this platform (shown when it is missing). */
  install: Remediation[];
  /** What the missing program means, added to the summary (e.g. notary is legacy). */
  missingNote?: string;
}

/**
 * The outcomes every client check shares: not installed (warn, blocks its dependents), could not
 * start, no answer in time, or a non-zero exit (installed but broken: fail). Null when it ran fine.
 */
export function toolProblem(ctx: CheckContext, r: ProcessResult, spec: ToolSpec): CheckOutcome | null {
  const details = evidence(r);
  const reinstall: Remediation = {
    id: 'reinstall',
    title: t('environment.fix.reinstall', { program: spec.program }),
    command: null,
    changes: true,
    docs: docsFor(spec.code),
  };
  if (r.notFound) {
    const summary = t('environment.tool.missing', { program: spec.program }) + (spec.missingNote ? ` ${spec.missingNote}` : '');
    return { status: 'warn', code: spec.code, summary, details: { ...details, found: false }, remediations: spec.install, satisfiesDependents: false };
  }
  if (r.timedOut || r.aborted) {
    return {
      status: 'fail',
      code: spec.code,
      summary: t('environment.tool.timeout', { program: spec.program, seconds: Math.round(ctx.timeoutMs / 1000) }),
      details,
      remediations: [reinstall],
    };
  }
  if (r.error !== undefined || r.exitCode === null) {
    return {
      status: 'fail',
      code: spec.code,
      // A signal ended it (a crash), or it never started (EACCES, a bad interpreter line).
      summary:
        r.error === undefined || /killed with SIG/i.test(r.error)
          ? t('environment.tool.crashed', { program: spec.program, signal: /SIG[A-Z0-9]+/.exec(r.error ?? '')?.[0] ?? '?' })
          : t('environment.tool.cannotStart', { program: spec.program, error: firstLine(r.error) }),
      details,
      remediations: [reinstall],
    };
  }
  if (r.exitCode !== 0) {
    const line = firstLine(r.stderr) || firstLine(r.stdout);
    return {
      status: 'fail',
      code: spec.code,
      summary: line
        ? t('environment.tool.broken', { program: spec.program, exitCode: r.exitCode, line })
        : t('environment.tool.brokenSilent', { program: spec.program, exitCode: r.exitCode }),
      details,
      remediations: [reinstall],
    };
  }
  return null;
}
