import type { Screen } from './keys.js';

/** What the person is looking at. Pure reducer, kept apart from React so it survives a terminal hand-over. */
export interface ViewState {
  screen: Screen;
  /** The check the cursor is on (chain) or that is expanded (detail, confirm, run). */
  selectedId: string | null;
  /** Index of the highlighted remediation on the detail screen. */
  remediation: number;
  /** Detail screen: how many lines of the content are scrolled off the top. */
  scroll: number;
  /** Run screen: how many lines of output are scrolled back from the end. */
  runScroll: number;
  /** The remediation waiting for y/n (confirm screen). */
  confirmIndex: number | null;
  /** The remediation run shown on the run screen. */
  runId: string | null;
  /** The screen help returns to. */
  helpFrom: Screen | null;
  /** Start screen: what has been typed so far. */
  input: string;
  /** One line of feedback (export paths, "read-only", ...). */
  message: string | null;
}

export const initialView = (screen: Screen): ViewState => ({
  screen,
  selectedId: null,
  remediation: 0,
  scroll: 0,
  runScroll: 0,
  confirmIndex: null,
  runId: null,
  helpFrom: null,
  input: '',
  message: null,
});

export type ViewAction =
  | { type: 'move'; ids: string[]; delta: number }
  | { type: 'move-remediation'; count: number; delta: number }
  | { type: 'select'; id: string | null }
  /** Scroll the detail (or, on the run screen, the output back from its end) by `by` lines (±Infinity: to an end), kept within 0..max. */
  | { type: 'scroll'; by: number; max: number }
  | { type: 'open-detail' }
  | { type: 'close' }
  | { type: 'choose-remediation'; index: number }
  | { type: 'confirm'; index: number }
  | { type: 'show-run'; runId: string }
  | { type: 'help' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'enter-chain' }
  | { type: 'message'; text: string | null };

export function viewReducer(v: ViewState, a: ViewAction): ViewState {
  switch (a.type) {
    case 'move': {
      if (a.ids.length === 0) return v;
      const at = v.selectedId ? a.ids.indexOf(v.selectedId) : -1;
      const next = at < 0 ? 0 : Math.min(a.ids.length - 1, Math.max(0, at + a.delta));
      return { ...v, selectedId: a.ids[next] ?? null, message: null };
    }
    case 'move-remediation': {
      if (a.count === 0) return v;
      return { ...v, remediation: Math.min(a.count - 1, Math.max(0, v.remediation + a.delta)), message: null };
    }
    case 'select':
      return { ...v, selectedId: a.id };
    case 'scroll': {
      const max = Math.max(0, a.max);
      // A resize may have shrunk the content: start from what is really shown.
      const field = v.screen === 'run' ? 'runScroll' : 'scroll';
      const from = Math.min(v[field], max);
      return { ...v, [field]: Math.min(max, Math.max(0, from + a.by)) };
    }
    case 'open-detail':
      return v.selectedId ? { ...v, screen: 'detail', remediation: 0, scroll: 0, confirmIndex: null, message: null } : v;
    case 'close':
      switch (v.screen) {
        case 'detail':
          return { ...v, screen: 'chain', message: null };
        case 'confirm':
          return { ...v, screen: 'detail', confirmIndex: null };
        case 'run':
          return { ...v, screen: 'detail', runId: null };
        case 'help':
          return { ...v, screen: v.helpFrom ?? 'chain', helpFrom: null };
        default:
          return v;
      }
    case 'choose-remediation':
      return { ...v, remediation: a.index, message: null };
    case 'confirm':
      return { ...v, screen: 'confirm', remediation: a.index, confirmIndex: a.index, message: null };
    case 'show-run':
      return { ...v, screen: 'run', runId: a.runId, runScroll: 0, confirmIndex: null };
    case 'help':
      return v.screen === 'help' ? v : { ...v, screen: 'help', helpFrom: v.screen, message: null };
    case 'type':
      return { ...v, input: (v.input + a.text).slice(0, 253) };
    case 'erase':
      return { ...v, input: v.input.slice(0, -1) };
    case 'enter-chain':
      return { ...v, screen: 'chain', input: '' };
    case 'message':
      return { ...v, message: a.text };
  }
}
