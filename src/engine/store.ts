import type { CheckResult, EngineEvent, Group, SessionInfo, Status } from './types.js';

export type RowState =
  | { phase: 'pending' }
  | { phase: 'running'; startedAt: string; progress: string | null }
  | { phase: 'done'; result: CheckResult };

export interface CheckRow {
  id: string;
  group: Group;
  title: string;
  dependsOn: string[];
  state: RowState;
}

/** One run of a remediation command, as the wizard showed it. */
export interface RemediationRun {
  runId: string;
  checkId: string;
  remediationId: string;
  title: string;
  argv: string[];
  startedAt: string;
  /** Output kept for display and the transcript, bounded to the last OUTPUT_LIMIT characters. */
  output: string;
  exitCode: number | null;
  durationMs: number | null;
  cancelled: boolean;
  finished: boolean;
}

export const OUTPUT_LIMIT = 64 * 1024;

export interface Interaction {
  id: string;
  question: string;
  checkId: string | null;
  answer: boolean | null;
  at: string;
}

export interface SessionState {
  info: SessionInfo | null;
  remediationRuns: RemediationRun[];
  interactions: Interaction[];
  exports: string[];
  /** Rows in the order the checks were defined. */
  rows: CheckRow[];
  running: boolean;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  interrupted: boolean;
}

export const initialState: SessionState = {
  info: null,
  remediationRuns: [],
  interactions: [],
  exports: [],
  rows: [],
  running: false,
  startedAt: null,
  finishedAt: null,
  durationMs: null,
  interrupted: false,
};

const updateRow = (rows: CheckRow[], id: string, state: RowState): CheckRow[] =>
  rows.map((r) => (r.id === id ? { ...r, state } : r));

/** Folds engine events into the session state. Pure: the wizard, the reporters and replay all use it. */
export function reduce(state: SessionState, event: EngineEvent): SessionState {
  switch (event.type) {
    case 'run-started': {
      // A re-run keeps rows it does not touch and resets the ones it will run.
      const rerun = new Set(event.checks.map((c) => c.id));
      const known = new Set(state.rows.map((r) => r.id));
      const rows = state.rows.map((r) => (rerun.has(r.id) ? { ...r, state: { phase: 'pending' } as RowState } : r));
      for (const c of event.checks) {
        if (!known.has(c.id)) rows.push({ ...c, state: { phase: 'pending' } });
      }
      return {
        ...state,
        rows,
        running: true,
        startedAt: state.startedAt ?? event.at,
        finishedAt: null,
        interrupted: false,
      };
    }
    case 'check-started':
      return { ...state, rows: updateRow(state.rows, event.id, { phase: 'running', startedAt: event.at, progress: null }) };
    case 'check-progress': {
      const row = state.rows.find((r) => r.id === event.id);
      if (!row || row.state.phase !== 'running') return state;
      return { ...state, rows: updateRow(state.rows, event.id, { ...row.state, progress: event.message }) };
    }
    case 'check-finished':
      return { ...state, rows: updateRow(state.rows, event.result.id, { phase: 'done', result: event.result }) };
    case 'run-finished':
      return {
        ...state,
        running: false,
        finishedAt: event.at,
        durationMs: (state.durationMs ?? 0) + event.durationMs,
        interrupted: event.interrupted,
      };
    case 'session-info':
      return { ...state, info: event.info };
    case 'prompt':
      return {
        ...state,
        interactions: [...state.interactions, { id: event.id, question: event.question, checkId: event.checkId ?? null, answer: null, at: event.at }],
      };
    case 'answer':
      return { ...state, interactions: state.interactions.map((i) => (i.id === event.id ? { ...i, answer: event.answer } : i)) };
    case 'remediation-started':
      return {
        ...state,
        remediationRuns: [
          ...state.remediationRuns,
          {
            runId: event.runId,
            checkId: event.checkId,
            remediationId: event.remediationId,
            title: event.title,
            argv: event.argv,
            startedAt: event.at,
            output: '',
            exitCode: null,
            durationMs: null,
            cancelled: false,
            finished: false,
          },
        ],
      };
    case 'remediation-output':
      return {
        ...state,
        remediationRuns: state.remediationRuns.map((r) =>
          r.runId === event.runId ? { ...r, output: (r.output + event.text).slice(-OUTPUT_LIMIT) } : r,
        ),
      };
    case 'remediation-finished':
      return {
        ...state,
        remediationRuns: state.remediationRuns.map((r) =>
          r.runId === event.runId
            ? { ...r, exitCode: event.exitCode, durationMs: event.durationMs, cancelled: event.cancelled, finished: true }
            : r,
        ),
      };
    case 'export-written':
      return { ...state, exports: [...state.exports, ...event.paths] };
    default:
      return state;
  }
}

export function results(state: SessionState): CheckResult[] {
  return state.rows.flatMap((r) => (r.state.phase === 'done' ? [r.state.result] : []));
}

export interface Counts {
  passed: number;
  warnings: number;
  failed: number;
  skipped: number;
}

export function countStatuses(list: CheckResult[]): Counts {
  const c: Counts = { passed: 0, warnings: 0, failed: 0, skipped: 0 };
  const key: Record<Status, keyof Counts> = { pass: 'passed', warn: 'warnings', fail: 'failed', skip: 'skipped' };
  for (const r of list) c[key[r.status]] += 1;
  return c;
}
