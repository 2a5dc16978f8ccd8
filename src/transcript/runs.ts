import type { CheckResult, EngineEvent, Status } from '../engine/types.js';
import { initialState, reduce, type RemediationRun, type SessionState } from '../engine/store.js';
import { plainText } from './control.js';

/** How much of a remediation's output the ticket and the plain replay show (the JSON keeps more). */
export const OUTPUT_LINES = 40;
export const OUTPUT_CHARS = 4000;

/** Replay is the reducer fed from the file. */
export function foldEvents(events: EngineEvent[]): SessionState {
  return events.reduce(reduce, initialState);
}

/** The last lines of an output, never starting mid-line, and how many lines were left out. */
export function trimOutput(output: string): { text: string; omitted: number } {
  const lines = plainText(output).replace(/\s+$/, '').split('\n');
  let kept = lines.slice(-OUTPUT_LINES);
  while (kept.length > 1 && kept.join('\n').length > OUTPUT_CHARS) kept = kept.slice(1);
  let text = kept.join('\n');
  if (text.length > OUTPUT_CHARS) text = `…${text.slice(-OUTPUT_CHARS)}`;
  return { text, omitted: lines.length - kept.length };
}

export type Recheck = Status | null;

/** The check's result the last time it finished before the remediation started. */
export function resultBefore(events: EngineEvent[], run: RemediationRun): CheckResult | null {
  const start = events.findIndex((e) => e.type === 'remediation-started' && e.runId === run.runId);
  let found: CheckResult | null = null;
  for (const e of events.slice(0, Math.max(0, start))) {
    if (e.type === 'check-finished' && e.result.id === run.checkId) found = e.result;
  }
  return found;
}

/** The status of the check the first time it ran again after the remediation finished. */
export function recheckAfter(events: EngineEvent[], run: RemediationRun): Recheck {
  const end = events.findIndex((e) => e.type === 'remediation-finished' && e.runId === run.runId);
  if (end < 0) return null;
  for (const e of events.slice(end + 1)) {
    if (e.type === 'check-finished' && e.result.id === run.checkId) return e.result.status;
  }
  return null;
}
