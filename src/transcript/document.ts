import type { CheckResult, EngineEvent, SessionInfo, Target } from '../engine/types.js';
import { OUTPUT_LIMIT, results, type SessionState } from '../engine/store.js';
import { buildJsonReport, type JsonReport } from '../report/json.js';
import { redactDeep, secretValuesFromEnv } from './redact.js';

export const TRANSCRIPT_KIND = 'acr-doctor-transcript';
export const TRANSCRIPT_SCHEMA_VERSION = 1;

/** Claims about the signed-in identity, as auth.credential reported them (never a token). */
export interface IdentityClaims {
  kind: string | null;
  name: string | null;
  objectId: string | null;
  tenantId: string | null;
  audience: string | null;
  expiresAt: string | null;
}

/** The exported JSON: the contract's report plus who/where, and every event of the session. */
export interface TranscriptDocument extends JsonReport {
  kind: typeof TRANSCRIPT_KIND;
  session: SessionInfo | null;
  identity: IdentityClaims | null;
  events: EngineEvent[];
}

export interface DocumentInput {
  events: EngineEvent[];
  state: SessionState;
  target: Target | null;
  secrets: string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The identity claims from auth.credential's evidence, when that check ran. */
export function identityFrom(checks: CheckResult[]): IdentityClaims | null {
  const cred = checks.find((c) => c.id === 'auth.credential');
  const raw = cred?.details?.identity;
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  return {
    kind: str(o.kind),
    name: str(o.name),
    objectId: str(o.objectId),
    tenantId: str(o.tenantId),
    audience: str(o.audience),
    expiresAt: str(o.expiresAt),
  };
}

/**
 * A process writes in chunks, and a token can straddle two of them, where no pattern would see
 * it whole. Consecutive output of one run on one stream is joined into its first event before
 * scrubbing; the folded output stays the same.
 */
export function coalesceOutput(events: EngineEvent[]): EngineEvent[] {
  const out: EngineEvent[] = [];
  const open = new Map<string, number>(); // runId -> index in out of its latest output event
  for (const e of events) {
    if (e.type !== 'remediation-output') {
      if (e.type === 'remediation-finished') open.delete(e.runId);
      out.push(e);
      continue;
    }
    const i = open.get(e.runId);
    const prev = i === undefined ? undefined : out[i];
    if (prev && prev.type === 'remediation-output' && prev.stream === e.stream) {
      out[i!] = { ...prev, text: prev.text + e.text };
    } else {
      open.set(e.runId, out.length);
      out.push({ ...e });
    }
  }
  return out;
}

/**
 * Keeps the last OUTPUT_LIMIT characters of each (joined) output event, as the store does for the
 * screen: folding the capped events gives the same output. Run after scrubbing, so a cut can never
 * leave half a token that the patterns no longer recognise.
 */
export function capOutput(events: EngineEvent[], limit = OUTPUT_LIMIT): EngineEvent[] {
  return events.map((e) => (e.type === 'remediation-output' && e.text.length > limit ? { ...e, text: e.text.slice(-limit) } : e));
}

/** Builds the transcript and scrubs every string in it (the second wall behind Secret). */
export function buildTranscript(input: DocumentInput, env: Record<string, string | undefined> = process.env): TranscriptDocument {
  const checks = results(input.state);
  const firstAt = input.events[0]?.at;
  const report = buildJsonReport({
    startedAt: input.state.startedAt ?? firstAt ?? new Date().toISOString(),
    durationMs: input.state.durationMs ?? 0,
    target: input.target ?? input.state.info?.target ?? null,
    checks,
  });
  const doc: TranscriptDocument = {
    schemaVersion: 1,
    kind: TRANSCRIPT_KIND,
    tool: report.tool,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    target: report.target,
    checks: report.checks,
    summary: report.summary,
    session: input.state.info,
    identity: identityFrom(checks),
    events: coalesceOutput(input.events),
  };
  const clean = redactDeep(doc, [...input.secrets, ...secretValuesFromEnv(env)]);
  return { ...clean, events: capOutput(clean.events) };
}
