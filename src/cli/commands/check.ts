import type { CliIO } from '../io.js';
import type { Session } from '../session.js';
import { runChecks } from '../../engine/runner.js';
import { initialState, reduce, results } from '../../engine/store.js';
import { selectChecks } from '../../checks/index.js';
import { renderPlain } from '../../report/plain.js';
import { buildJsonReport } from '../../report/json.js';
import { redactText, secretValuesFromEnv } from '../../transcript/redact.js';
import type { EngineEvent } from '../../engine/types.js';

export interface CheckRunResult {
  exitCode: number;
  events: EngineEvent[];
}

/** `acr-doctor check`: runs the chain once, never prompts, prints the plain or JSON report. */
export async function runCheckCommand(session: Session, io: CliIO): Promise<CheckRunResult> {
  const { options, target, probes } = session;
  const known = secretValuesFromEnv(io.env);
  if (options.password) known.push(options.password.reveal());
  const log = (m: string): void => {
    if (options.verbose) io.stderr.write(`${redactText(m, known)}\n`);
  };
  if (!options.json) for (const n of session.notices) io.stderr.write(`${n}\n`);

  const interrupt = new AbortController();
  const onSigint = (): void => interrupt.abort();
  process.once('SIGINT', onSigint);
  const events: EngineEvent[] = [];
  let state = initialState;
  const startedAt = new Date().toISOString();
  let outcome;
  try {
    outcome = await runChecks({
      checks: selectChecks(options, target),
      options,
      target,
      probes,
      signal: interrupt.signal,
      log,
      emit: (e) => {
        events.push(e);
        state = reduce(state, e);
      },
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
  const exitCode = outcome.interrupted ? 130 : checks.some((c) => c.status === 'fail') ? 1 : 0;
  return { exitCode, events };
}
