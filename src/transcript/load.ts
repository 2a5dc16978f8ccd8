import { open, stat } from 'node:fs/promises';
import type { EngineEvent } from '../engine/types.js';
import { t } from '../knowledge/i18n.js';
import { plainText } from './control.js';
import { TRANSCRIPT_KIND, TRANSCRIPT_SCHEMA_VERSION, type TranscriptDocument } from './document.js';

/** A transcript that cannot be replayed; the message is one sentence for the person. */
export class TranscriptLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranscriptLoadError';
  }
}

export const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrOrNull = (v: unknown): boolean => v === null || isStr(v);
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const STATUSES = new Set(['pass', 'warn', 'fail', 'skip']);
const GROUPS = new Set(['environment', 'registry', 'auth', 'repository']);

function validRemediation(r: unknown): boolean {
  return (
    isObj(r) &&
    isStr(r.id) &&
    isStr(r.title) &&
    (r.command === null || isStrArray(r.command)) &&
    typeof r.changes === 'boolean' &&
    (r.docs === undefined || isStr(r.docs))
  );
}

export function validResult(r: unknown): boolean {
  return (
    isObj(r) &&
    isStr(r.id) &&
    isStr(r.group) &&
    GROUPS.has(r.group) &&
    isStr(r.title) &&
    isStr(r.status) &&
    STATUSES.has(r.status) &&
    isStrOrNull(r.code) &&
    isStr(r.summary) &&
    isStrOrNull(r.blockedBy) &&
    isNum(r.durationMs) &&
    isObj(r.details) &&
    Array.isArray(r.remediations) &&
    r.remediations.every(validRemediation)
  );
}

/** Whether one event has the fields the reducer and the renderers read. */
export function validEvent(e: unknown): e is EngineEvent {
  if (!isObj(e) || !isStr(e.type) || !isStr(e.at)) return false;
  switch (e.type) {
    case 'run-started':
      return (
        Array.isArray(e.checks) &&
        e.checks.every((c) => isObj(c) && isStr(c.id) && isStr(c.group) && GROUPS.has(c.group) && isStr(c.title) && isStrArray(c.dependsOn))
      );
    case 'check-started':
      return isStr(e.id);
    case 'check-progress':
      return isStr(e.id) && isStr(e.message);
    case 'check-finished':
      return validResult(e.result);
    case 'run-finished':
      return isNum(e.durationMs) && typeof e.interrupted === 'boolean';
    case 'session-info':
      return isObj(e.info) && isStr(e.info.toolVersion) && isStr(e.info.mode);
    case 'prompt':
      return isStr(e.id) && isStr(e.question) && (e.checkId === undefined || isStr(e.checkId));
    case 'answer':
      return isStr(e.id) && typeof e.answer === 'boolean';
    case 'remediation-started':
      return isStr(e.runId) && isStr(e.checkId) && isStr(e.remediationId) && isStr(e.title) && isStrArray(e.argv);
    case 'remediation-output':
      return isStr(e.runId) && (e.stream === 'stdout' || e.stream === 'stderr') && isStr(e.text);
    case 'remediation-finished':
      return isStr(e.runId) && (e.exitCode === null || isNum(e.exitCode)) && isNum(e.durationMs) && typeof e.cancelled === 'boolean';
    case 'export-written':
      return isStrArray(e.paths);
    default:
      // An event type from a later version of the same schema: harmless to skip, the reducer ignores it.
      return true;
  }
}

/** Checks a parsed value is a transcript this version can replay; throws TranscriptLoadError otherwise. */
export function parseTranscript(value: unknown, file: string): TranscriptDocument {
  if (!isObj(value)) throw new TranscriptLoadError(t('transcript.load.notTranscript', { file }));
  if (value.kind !== TRANSCRIPT_KIND) {
    const isReport = value.schemaVersion !== undefined && Array.isArray(value.checks) && isObj(value.tool);
    throw new TranscriptLoadError(t(isReport ? 'transcript.load.reportOnly' : 'transcript.load.notTranscript', { file }));
  }
  const version = value.schemaVersion;
  if (!Number.isInteger(version) || (version as number) < 1) throw new TranscriptLoadError(t('transcript.load.corrupt', { file }));
  if ((version as number) > TRANSCRIPT_SCHEMA_VERSION) {
    throw new TranscriptLoadError(t('transcript.load.newer', { file, version: String(version), supported: TRANSCRIPT_SCHEMA_VERSION }));
  }
  if (!Array.isArray(value.events) || !value.events.every(validEvent) || !Array.isArray(value.checks) || !value.checks.every(validResult)) {
    throw new TranscriptLoadError(t('transcript.load.corrupt', { file }));
  }
  return value as unknown as TranscriptDocument;
}

/**
 * A deep copy with terminal escape sequences and control characters removed from every string:
 * a file from elsewhere must not be able to rewrite the screen it is replayed on.
 */
export function stripControls<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return plainText(v);
    if (Array.isArray(v)) return v.map(walk);
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, inner]) => [plainText(k), walk(inner)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * Reads at most `max` bytes through one handle: a file swapped or grown after the size check
 * (or one whose size the file system does not report) cannot make the read unbounded.
 */
async function readCapped(path: string, max: number, file: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new TranscriptLoadError(t('transcript.load.notFile', { file }));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.min(1024 * 1024, max + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) throw new TranscriptLoadError(t('transcript.load.tooLarge', { file }));
      chunks.push(buf.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Reads and validates FILE.json for replay (`file` is the name as the person typed it, for messages). */
export async function loadTranscript(path: string, file: string = path, maxBytes: number = MAX_TRANSCRIPT_BYTES): Promise<TranscriptDocument> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new TranscriptLoadError(t('transcript.load.notFile', { file }));
    if (info.size > maxBytes) throw new TranscriptLoadError(t('transcript.load.tooLarge', { file }));
    text = await readCapped(path, maxBytes, file);
  } catch (err) {
    if (err instanceof TranscriptLoadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new TranscriptLoadError(t(code === 'ENOENT' ? 'transcript.load.missing' : 'transcript.load.unreadable', { file }));
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new TranscriptLoadError(t('transcript.load.notJson', { file }));
  }
  return stripControls(parseTranscript(value, file));
}
