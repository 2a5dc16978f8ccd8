import type {
  CheckContext,
  CheckDefinition,
  CheckOutcome,
  CheckResult,
  EngineEvent,
  Probes,
  SessionOptions,
  Target,
} from './types.js';
import { topoOrder } from './graph.js';
import { t } from '../knowledge/i18n.js';
import { cleanDetails, cleanRemediation, oneLine } from './sanitize.js';

export interface Finished {
  result: CheckResult;
  data: Record<string, unknown>;
  satisfies: boolean;
}

export interface RunRequest {
  checks: CheckDefinition[];
  options: SessionOptions;
  target: Target | null;
  probes: Probes;
  emit: (event: EngineEvent) => void;
  /** Interrupts the whole run (Ctrl-C). */
  signal?: AbortSignal;
  /** Consent for a check that changes something; the id tells which check asks. */
  confirm?: (question: string, checkId: string) => Promise<boolean>;
  log?: (message: string) => void;
  /** Re-run only these ids; every other check keeps its result from `previous`. */
  only?: Set<string>;
  previous?: Map<string, Finished>;
  /** Extra time the engine grants a check to stop after its signal fired, before it ends it itself. */
  graceMs?: number;
  now?: () => number;
}

export interface RunOutcome {
  finished: Map<string, Finished>;
  interrupted: boolean;
  durationMs: number;
}

const iso = (): string => new Date().toISOString();

function defaultSatisfies(o: CheckOutcome): boolean {
  return o.satisfiesDependents ?? (o.status === 'pass' || o.status === 'warn');
}

function toResult(def: CheckDefinition, o: CheckOutcome, durationMs: number, blockedBy: string | null): CheckResult {
  return {
    id: def.id,
    group: def.group,
    title: def.title,
    status: o.status,
    code: o.status === 'pass' ? null : (o.code ?? null),
    summary: oneLine(String(o.summary ?? '')),
    blockedBy,
    durationMs: Math.round(durationMs),
    details: cleanDetails(o.details ?? {}),
    remediations: (o.remediations ?? []).map(cleanRemediation),
  };
}

/**
 * Runs check definitions as a DAG: every check starts as soon as its prerequisites finish, so
 * independent checks run at the same time. Never throws: a crash or a hang becomes a result.
 */
export async function runChecks(req: RunRequest): Promise<RunOutcome> {
  const now = req.now ?? (() => performance.now());
  const started = now();
  const order = topoOrder(req.checks);
  const ids = new Set(order.map((c) => c.id));
  const finished = new Map<string, Finished>();
  const graceMs = req.graceMs ?? 1000;
  let stopAfter: string | null = null; // --fail-fast: the first failed check
  let interrupted = req.signal?.aborted ?? false;

  const toRun = order.filter((c) => !req.only || req.only.has(c.id));
  for (const c of order) {
    if (req.only && !req.only.has(c.id)) {
      const prev = req.previous?.get(c.id);
      if (prev) finished.set(c.id, prev);
    }
  }

  // A prerequisite that is neither run now nor known from before is treated as absent.
  const present = new Set([...toRun.map((c) => c.id), ...finished.keys()]);

  req.emit({
    type: 'run-started',
    at: iso(),
    checks: toRun.map((c) => ({ id: c.id, group: c.group, title: c.title, dependsOn: c.dependsOn.filter((d) => ids.has(d)) })),
  });

  const finish = (def: CheckDefinition, outcome: CheckOutcome, durationMs: number, blockedBy: string | null): void => {
    const result = toResult(def, outcome, durationMs, blockedBy);
    finished.set(def.id, { result, data: outcome.data ?? {}, satisfies: defaultSatisfies(outcome) });
    req.emit({ type: 'check-finished', at: iso(), result });
    if (req.options.failFast && result.status === 'fail' && !stopAfter) stopAfter = def.id;
  };

  const runOne = async (def: CheckDefinition): Promise<void> => {
    const timeoutMs = def.timeoutMs ? def.timeoutMs(req.options) : req.options.timeoutSeconds * 1000;
    const controller = new AbortController();
    const onInterrupt = (): void => controller.abort(new Error('interrupted'));
    req.signal?.addEventListener('abort', onInterrupt, { once: true });
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    const t0 = now();
    req.emit({ type: 'check-started', at: iso(), id: def.id });
    const ctx: CheckContext = {
      options: req.options,
      target: req.target,
      signal: controller.signal,
      timeoutMs,
      probes: req.probes,
      dep: <T,>(id: string) => {
        const f = finished.get(id);
        return (f && f.satisfies ? f.data : undefined) as T | undefined;
      },
      result: (id: string) => finished.get(id)?.result,
      log: req.log ?? (() => {}),
      confirm: req.confirm ? (q: string) => req.confirm!(q, def.id) : async () => req.options.yes,
      progress: (message: string) => {
        if (!controller.signal.aborted) req.emit({ type: 'check-progress', at: iso(), id: def.id, message: oneLine(String(message)) });
      },
    };
    let outcome: CheckOutcome;
    try {
      // The backstop: a check that ignores its signal is ended by the engine shortly after.
      const backstop = new Promise<CheckOutcome>((resolve) => {
        controller.signal.addEventListener(
          'abort',
          () => {
            setTimeout(() => {
              resolve(
                interrupted
                  ? { status: 'skip', summary: t('engine.interrupted'), satisfiesDependents: false }
                  : {
                      status: 'fail',
                      code: def.codes[0] ?? 'UNEXPECTED_ERROR',
                      summary: t('engine.timedOut', { seconds: timeoutMs / 1000 }),
                      details: { timeoutMs },
                    },
              );
            }, graceMs).unref();
          },
          { once: true },
        );
      });
      outcome = await Promise.race([def.run(ctx), backstop]);
      if (interrupted && outcome.status !== 'pass') {
        outcome = { status: 'skip', summary: t('engine.interrupted'), satisfiesDependents: false };
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      outcome = {
        status: 'fail',
        code: 'UNEXPECTED_ERROR',
        summary: t('engine.crashed', { message }),
        details: { error: message },
        remediations: [
          {
            id: 'report-bug',
            title: t('engine.reportBug'),
            command: null,
            changes: false,
          },
        ],
      };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onInterrupt);
    }
    finish(def, outcome, now() - t0, null);
  };

  const pending = new Set(toRun.map((c) => c.id));
  const running = new Map<string, Promise<void>>();
  const byId = new Map(order.map((c) => [c.id, c]));

  const onInterrupt = (): void => {
    interrupted = true;
  };
  req.signal?.addEventListener('abort', onInterrupt, { once: true });

  for (;;) {
    // Settle every pending check that can be decided now: blocked, skipped, or ready to start.
    let progressed = true;
    while (progressed) {
      progressed = false;
      for (const id of [...pending]) {
        const def = byId.get(id)!;
        if (interrupted) {
          pending.delete(id);
          finish(def, { status: 'skip', summary: t('engine.notRunInterrupted') }, 0, null);
          progressed = true;
          continue;
        }
        if (req.options.skip.includes(def.id) || req.options.skip.includes(def.group)) {
          pending.delete(id);
          finish(def, { status: 'skip', summary: req.options.skipReasons?.[def.id] ?? t('engine.skipped') }, 0, null);
          progressed = true;
          continue;
        }
        if (stopAfter) {
          pending.delete(id);
          finish(def, { status: 'skip', summary: t('engine.failFast', { id: stopAfter }) }, 0, stopAfter);
          progressed = true;
          continue;
        }
        const deps = def.dependsOn.filter((d) => present.has(d));
        const blocker = deps.find((d) => finished.has(d) && !finished.get(d)!.satisfies);
        if (blocker) {
          pending.delete(id);
          const b = finished.get(blocker)!.result;
          finish(def, { status: 'skip', summary: t('engine.blocked', { title: b.title }) }, 0, blocker);
          progressed = true;
          continue;
        }
        if (deps.every((d) => finished.has(d))) {
          pending.delete(id);
          const p = runOne(def).finally(() => running.delete(id));
          running.set(id, p);
          progressed = true;
        }
      }
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }

  req.signal?.removeEventListener('abort', onInterrupt);
  const durationMs = Math.round(now() - started);
  req.emit({ type: 'run-finished', at: iso(), durationMs, interrupted });
  return { finished, interrupted, durationMs };
}
