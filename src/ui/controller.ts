import type { Session } from '../cli/session.js';
import type { CheckDefinition, EngineEvent, Remediation, SessionInfo, Status, Target } from '../engine/types.js';
import { initialState, reduce, OUTPUT_LIMIT, type SessionState } from '../engine/store.js';
import { runChecks, type Finished } from '../engine/runner.js';
import { withDependents } from '../engine/graph.js';
import { selectChecks } from '../checks/index.js';
import { secretValuesFromEnv } from '../transcript/redact.js';
import * as transcript from '../transcript/export.js';
import { buildSessionInfo } from '../transcript/session-info.js';
import { t } from '../knowledge/i18n.js';
import { runCommand, type CommandOutcome } from './exec.js';

/** What became of a remediation: "fixed" only when the check passes on the re-run. */
export type FixPhase = 'running' | 'rechecking' | 'fixed' | 'not-fixed' | 'cancelled' | 'failed';

export interface FixOutcome {
  phase: FixPhase;
  /** The check's status after the re-run. */
  status: Status | null;
  /** Why the command could not start. */
  error: string | null;
  /** The command had the terminal (its output is not recorded). */
  interactive?: boolean;
  /** The command was meant to change something (false: it only shows information). */
  changes?: boolean;
}

export interface PendingPrompt {
  id: string;
  question: string;
  checkId: string | null;
}

/** An immutable picture for the views; replaced on every change. */
export interface Snapshot {
  state: SessionState;
  target: Target | null;
  started: boolean;
  readOnly: boolean;
  prompt: PendingPrompt | null;
  activeRunId: string | null;
  fixes: Readonly<Record<string, FixOutcome>>;
  /** Counts finished chain runs; `lastRunFull` tells whether the last one ran everything. */
  runSeq: number;
  lastRunFull: boolean;
  /** Ctrl-C ended the chain. */
  interrupted: boolean;
}

/** Gives a command the real terminal (the wizard stops drawing meanwhile). */
export interface TerminalHandOver {
  /** `argv` is shown above the command's own output. */
  handOver<T>(argv: string[], fn: () => Promise<T>): Promise<T>;
}

export interface ControllerOptions {
  session?: Session;
  /** Replay: the recorded events; the controller is then read-only. */
  events?: EngineEvent[];
  /** Overrides the check definitions (tests). */
  checks?: CheckDefinition[];
  mode?: SessionInfo['mode'];
  scenario?: string;
  cwd?: string;
  terminal?: TerminalHandOver;
  remediationTimeoutMs?: number;
  interactiveTimeoutMs?: number;
  /** The clock export file names are stamped with (tests). */
  now?: () => Date;
}

export type ExportResult = { paths: string[] } | { error: 'unavailable' | 'exists' | 'already-saved' | 'failed'; detail: string };

export type Refusal = 'read-only' | 'busy' | 'manual' | 'unknown';

const iso = (): string => new Date().toISOString();

/** Owns the session outside React: the event list, the folded state, check runs and remediation runs. */
export class WizardController {
  private events: EngineEvent[] = [];
  private listeners = new Set<() => void>();
  private snap: Snapshot;
  private finished = new Map<string, Finished>();
  private chainAbort: AbortController | null = null;
  private chainDone: Promise<void> = Promise.resolve();
  private childAbort: AbortController | null = null;
  private promptResolve: ((answer: boolean) => void) | null = null;
  private seq = 0;
  private exporting: Promise<ExportResult> | null = null;
  /** Every path this session has written, so a name taken by our own earlier export is told apart. */
  private written = new Set<string>();
  private readonly session: Session | null;
  private readonly opts: ControllerOptions;

  constructor(opts: ControllerOptions) {
    this.opts = opts;
    this.session = opts.session ?? null;
    const readOnly = !this.session;
    let state = initialState;
    let target: Target | null = this.session?.target ?? null;
    if (opts.events) {
      for (const e of opts.events) {
        this.events.push(e);
        state = reduce(state, e);
      }
      target = state.info?.target ?? target;
      // A transcript saved mid-run: nothing is running in a replay.
      if (state.running) state = { ...state, running: false };
    }
    this.snap = {
      state,
      target,
      started: readOnly,
      readOnly,
      prompt: null,
      activeRunId: null,
      fixes: {},
      runSeq: readOnly ? 1 : 0,
      lastRunFull: true,
      interrupted: state.interrupted,
    };
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): Snapshot => this.snap;

  getEvents(): EngineEvent[] {
    return this.events;
  }

  private update(patch: Partial<Snapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  private emit = (event: EngineEvent): void => {
    this.events.push(event);
    this.update({ state: reduce(this.snap.state, event) });
  };

  private checks(): CheckDefinition[] {
    const s = this.session!;
    return this.opts.checks ?? selectChecks(s.options, this.snap.target);
  }

  /** Begins the session: the target chosen on the start screen (or null: environment only). */
  start(target: Target | null = this.snap.target): void {
    if (this.snap.started || !this.session) return;
    const s = this.session;
    const info: SessionInfo = buildSessionInfo({
      target,
      env: s.probes.env,
      mode: this.opts.mode ?? 'wizard',
      platform: s.probes.platform,
      ...(this.opts.scenario ? { scenario: this.opts.scenario } : {}),
    });
    this.update({ started: true, target });
    this.emit({ type: 'session-info', at: iso(), info });
    void this.runChain(null);
  }

  get busy(): boolean {
    return this.snap.state.running || this.snap.activeRunId !== null;
  }

  /** Re-runs the given checks and everything that depends on them; null re-runs everything. */
  rerun(ids: string[] | null): Refusal | null {
    if (this.snap.readOnly) return 'read-only';
    if (this.busy || !this.snap.started) return 'busy';
    void this.runChain(ids);
    return null;
  }

  private runChain(ids: string[] | null): Promise<void> {
    const s = this.session!;
    const checks = this.checks();
    const options = this.snap.target && !s.options.registry ? { ...s.options, registry: this.snap.target.input } : s.options;
    const only = ids ? withDependents(checks, ids) : undefined;
    const abort = new AbortController();
    this.chainAbort = abort;
    this.update({ interrupted: false });
    const done = runChecks({
      checks,
      options,
      target: this.snap.target,
      probes: s.probes,
      emit: this.emit,
      signal: abort.signal,
      confirm: (q, checkId) => this.ask(q, abort.signal, checkId),
      ...(only ? { only, previous: this.finished } : {}),
    }).then((outcome) => {
      this.finished = outcome.finished;
      if (this.chainAbort === abort) this.chainAbort = null;
      this.update({ runSeq: this.snap.runSeq + 1, lastRunFull: !ids, interrupted: outcome.interrupted });
    });
    this.chainDone = done;
    return done;
  }

  /** A check asks for consent (docker pull, push probe): a y/n prompt unless --yes. */
  private ask(question: string, signal: AbortSignal, askingCheck?: string): Promise<boolean> {
    if (this.session?.options.yes) return Promise.resolve(true);
    if (signal.aborted) return Promise.resolve(false);
    const running = this.snap.state.rows.filter((r) => r.state.phase === 'running');
    const prompt: PendingPrompt = { id: `p${++this.seq}`, question, checkId: askingCheck ?? (running.length === 1 ? running[0]!.id : null) };
    this.emit({ type: 'prompt', at: iso(), id: prompt.id, question, ...(prompt.checkId ? { checkId: prompt.checkId } : {}) });
    this.update({ prompt });
    return new Promise<boolean>((resolve) => {
      const settle = (answer: boolean): void => {
        signal.removeEventListener('abort', onAbort);
        this.promptResolve = null;
        this.emit({ type: 'answer', at: iso(), id: prompt.id, answer });
        this.update({ prompt: null });
        resolve(answer);
      };
      const onAbort = (): void => settle(false);
      signal.addEventListener('abort', onAbort, { once: true });
      this.promptResolve = settle;
    });
  }

  answer(yes: boolean): boolean {
    if (!this.promptResolve) return false;
    this.promptResolve(yes);
    return true;
  }

  remediation(checkId: string, index: number): Remediation | null {
    const row = this.snap.state.rows.find((r) => r.id === checkId);
    if (!row || row.state.phase !== 'done') return null;
    return row.state.result.remediations[index] ?? null;
  }

  /** Whether remediation N may be offered for running (the confirm screen asks next). */
  canRun(checkId: string, index: number): Refusal | null {
    if (this.snap.readOnly) return 'read-only';
    const rem = this.remediation(checkId, index);
    if (!rem) return 'unknown';
    if (!rem.command || rem.command.length === 0) return 'manual';
    if (this.busy) return 'busy';
    return null;
  }

  /**
   * Runs a confirmed remediation, then re-runs the check and its dependents. Returns the run id
   * at once (the run continues); a refusal when it cannot run.
   */
  runRemediation(checkId: string, index: number): { runId: string } | { refused: Refusal } {
    const refusal = this.canRun(checkId, index);
    if (refusal) return { refused: refusal };
    const rem = this.remediation(checkId, index)!;
    const argv = rem.command!;
    const runId = `r${++this.seq}`;
    const abort = new AbortController();
    this.childAbort = abort;
    const t0 = performance.now();
    this.emit({ type: 'remediation-started', at: iso(), runId, checkId, remediationId: rem.id, title: rem.title, argv });
    this.update({ activeRunId: runId, fixes: { ...this.snap.fixes, [runId]: { phase: 'running', status: null, error: null, interactive: Boolean(rem.interactive), changes: rem.changes } } });
    void this.execute(runId, checkId, rem, abort, t0);
    return { runId };
  }

  private async execute(runId: string, checkId: string, rem: Remediation, abort: AbortController, t0: number): Promise<void> {
    const s = this.session!;
    let emitted = 0;
    let truncated = false;
    const onOutput = (stream: 'stdout' | 'stderr', text: string): void => {
      if (truncated) return;
      if (emitted + text.length > OUTPUT_LIMIT) {
        text = text.slice(0, Math.max(0, OUTPUT_LIMIT - emitted)) + `\n${t('ui.run.truncated')}\n`;
        truncated = true;
      }
      emitted += text.length;
      this.emit({ type: 'remediation-output', at: iso(), runId, stream, text });
    };
    const argv = rem.command!;
    let outcome: CommandOutcome;
    if (rem.interactive && this.opts.terminal) {
      const timeoutMs = this.opts.interactiveTimeoutMs ?? 15 * 60_000;
      try {
        outcome = await this.opts.terminal.handOver(argv, () => runCommand(argv, { env: s.probes.env, signal: abort.signal, timeoutMs, onOutput: null }));
      } catch {
        outcome = { exitCode: null, cancelled: true, error: null };
      }
    } else {
      const timeoutMs = this.opts.remediationTimeoutMs ?? 5 * 60_000;
      outcome = await runCommand(argv, { env: s.probes.env, signal: abort.signal, timeoutMs, onOutput });
    }
    if (outcome.error) onOutput('stderr', `${outcome.error}\n`);
    this.childAbort = null;
    this.emit({
      type: 'remediation-finished',
      at: iso(),
      runId,
      exitCode: outcome.exitCode,
      durationMs: Math.round(performance.now() - t0),
      cancelled: outcome.cancelled,
    });
    if (outcome.cancelled) {
      this.setFix(runId, { phase: 'cancelled', status: null, error: null });
      this.update({ activeRunId: null });
      return;
    }
    this.setFix(runId, { phase: 'rechecking', status: null, error: outcome.error });
    this.update({ activeRunId: null });
    await this.runChain([checkId]);
    const row = this.snap.state.rows.find((r) => r.id === checkId);
    const status = row?.state.phase === 'done' ? row.state.result.status : null;
    this.setFix(runId, { phase: status === 'pass' ? 'fixed' : 'not-fixed', status, error: outcome.error });
  }

  private setFix(runId: string, fix: FixOutcome): void {
    const was = this.snap.fixes[runId];
    const keep = { ...(was?.interactive ? { interactive: true } : {}), ...(was?.changes !== undefined ? { changes: was.changes } : {}) };
    this.update({ fixes: { ...this.snap.fixes, [runId]: { ...fix, ...keep } } });
  }

  /** Stops a running remediation; false when none runs. */
  cancelRemediation(): boolean {
    if (!this.childAbort) return false;
    this.childAbort.abort();
    return true;
  }

  /** Secret values known to this session (password, client secret): scrubbed on screen and in exports. */
  knownSecrets(): string[] {
    const secrets = secretValuesFromEnv(this.session?.probes.env ?? {});
    const pw = this.session?.options.password;
    if (pw) secrets.push(pw.reveal());
    return secrets;
  }

  /**
   * Writes the transcript pair into the working directory. A second press while the first still
   * writes gets the first one's answer; a name this session already wrote (same second) is
   * 'already-saved' with those paths, never overwritten.
   */
  exportTranscript(): Promise<ExportResult> {
    if (this.exporting) return this.exporting;
    const job = this.writeExport().finally(() => {
      this.exporting = null;
    });
    this.exporting = job;
    return job;
  }

  private async writeExport(): Promise<ExportResult> {
    if (!transcript.transcriptAvailable) return { error: 'unavailable', detail: '' };
    const secrets = this.knownSecrets();
    try {
      const paths = await transcript.exportPair(
        this.opts.cwd ?? process.cwd(),
        { events: this.events, state: this.snap.state, target: this.snap.target, secrets },
        this.opts.now ? { now: this.opts.now() } : {},
      );
      for (const p of paths) this.written.add(p);
      this.emit({ type: 'export-written', at: iso(), paths });
      return { paths };
    } catch (err) {
      if (err instanceof transcript.ExportExistsError) {
        if (this.written.has(err.path)) {
          const base = err.path.replace(/\.(md|json)$/i, '');
          return { error: 'already-saved', detail: [`${base}.md`, `${base}.json`].filter((p) => this.written.has(p)).join(', ') };
        }
        return { error: 'exists', detail: err.path };
      }
      return { error: 'failed', detail: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Stops everything that runs (chain, child, prompt) and waits for the chain to settle. */
  async shutdown(): Promise<void> {
    this.childAbort?.abort();
    this.chainAbort?.abort();
    this.promptResolve?.(false);
    await Promise.race([this.chainDone, new Promise((r) => setTimeout(r, 3000).unref())]);
    await this.session?.probes.http.close().catch(() => {});
  }

  /** The exit code the contract asks for: 130 interrupted, 1 a check failed, else 0. */
  exitCode(interrupted: boolean): number {
    if (interrupted) return 130;
    if (this.snap.readOnly) return 0;
    return this.snap.state.rows.some((r) => r.state.phase === 'done' && r.state.result.status === 'fail') ? 1 : 0;
  }
}
