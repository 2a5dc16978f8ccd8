import type { CliIO } from '../io.js';
import type { Session } from '../session.js';
import { runChecks } from '../../engine/runner.js';
import { initialState, reduce, results } from '../../engine/store.js';
import { selectChecks } from '../../checks/index.js';
import { renderPlain } from '../../report/plain.js';
import { buildJsonReport } from '../../report/json.js';
import { redactText, secretValuesFromEnv } from '../../transcript/redact.js';
import type { CheckDefinition, EngineEvent, SessionInfo } from '../../engine/types.js';
import { UsageError } from '../usage-error.js';
import { plainText } from '../../transcript/control.js';
import { buildSessionInfo } from '../../transcript/session-info.js';
import { exportAtEnd, exportPathProblem } from '../../transcript/session-export.js';

export interface CheckRunResult {
  exitCode: number;
  events: EngineEvent[];
}

export interface CheckCommandOptions {
  /** Recorded in the transcript's session info (`demo` passes 'demo' and its scenario). */
  mode?: SessionInfo['mode'];
  scenario?: string;
  /** The checks to run instead of the selection from options (tests, demo). */
  checks?: CheckDefinition[];
}

/**
 * `acr-doctor check`: runs the chain once, never prompts, prints the plain or JSON report, and
 * writes the transcript when --export was given (demo reuses all of it).
 */
export async function runCheckCommand(session: Session, io: CliIO, extra: CheckCommandOptions = {}): Promise<CheckRunResult> {
  const { options, target, probes } = session;
  const known = secretValuesFromEnv(io.env);
  if (options.password) known.push(options.password.reveal());
  if (options.export) {
    const problem = await exportPathProblem(options.export, io.cwd);
    if (problem) {
      await probes.http.close().catch(() => {});
      throw new UsageError(problem);
    }
  }
  const log = (m: string): void => {
    if (options.verbose) io.stderr.write(`${redactText(plainText(m), known)}\n`);
  };
  if (!options.json) for (const n of session.notices) io.stderr.write(`${n}\n`);

  const interrupt = new AbortController();
  const onSigint = (): void => interrupt.abort();
  process.once('SIGINT', onSigint);
  const events: EngineEvent[] = [];
  let state = initialState;
  const record = (e: EngineEvent): void => {
    events.push(e);
    state = reduce(state, e);
  };
  const startedAt = new Date().toISOString();
  record({
    type: 'session-info',
    at: startedAt,
    info: buildSessionInfo({ target, env: io.env, mode: extra.mode ?? 'check', scenario: extra.scenario, platform: io.platform }),
  });
  // Non-interactive: --yes answers every question; the transcript records what was asked and answered.
  let asked = 0;
  const confirm = async (question: string): Promise<boolean> => {
    const id = `confirm-${++asked}`;
    record({ type: 'prompt', at: new Date().toISOString(), id, question });
    record({ type: 'answer', at: new Date().toISOString(), id, answer: options.yes });
    return options.yes;
  };
  let outcome;
  try {
    outcome = await runChecks({
      checks: extra.checks ?? selectChecks(options, target),
      options,
      target,
      probes,
      signal: interrupt.signal,
      log,
      confirm,
      emit: record,
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    await probes.http.close().catch(() => {});
  }
  const checks = results(state);
  if (options.json) {
    const report = buildJsonReport({ startedAt, durationMs: outcome.durationMs, target, checks });
    io.stdout.write(redactText(JSON.stringify(report, null, 2), known) + '\n');
  } else {
    const color = options.color && Boolean(io.stdout.isTTY);
    io.stdout.write(redactText(renderPlain(checks, { color, target: target?.loginServer ?? null }), known));
  }
  let exitCode = outcome.interrupted ? 130 : checks.some((c) => c.status === 'fail') ? 1 : 0;
  if (options.export) {
    const written = await exportAtEnd(options.export, { events, state, target, secrets: known }, io);
    // Someone created the file while the checks ran: it is kept, and that is a usage error.
    if (written === 'exists') exitCode = 2;
    else if (written === 'failed' && exitCode === 0) exitCode = 1;
  }
  return { exitCode, events };
}
