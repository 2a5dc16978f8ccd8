import { t } from '../../knowledge/i18n.js';
import type { CheckContext } from '../../engine/types.js';
import { HttpError, type HttpRequest, type HttpResponse } from '../../probes/http-types.js';
import { redactText } from '../../transcript/redact.js';

/** The longest Retry-After acr-doctor waits out by itself before reporting throttling. */
export const MAX_RETRY_WAIT_SECONDS = 5;

/** application/x-www-form-urlencoded body; empty or missing fields are left out. */
export function formBody(fields: Record<string, string | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== null && v !== undefined && v !== '') p.append(k, v);
  return p.toString();
}

export function header(res: HttpResponse, name: string): string | null {
  const v = res.headers[name.toLowerCase()];
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}

/** Retry-After in seconds (delta or HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(res: HttpResponse, now: Date = new Date()): number | null {
  const v = header(res, 'retry-after')?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v);
  const d = Date.parse(v);
  return Number.isNaN(d) ? null : Math.max(0, Math.ceil((d - now.getTime()) / 1000));
}

/** Parses a JSON object body; null for HTML, text or anything else. */
export function jsonObject(body: string): Record<string, unknown> | null {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(trimmed);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Whether the body is an HTML page (a proxy's or captive portal's sign-in page, for example). */
export function looksLikeHtml(res: HttpResponse): boolean {
  const type = header(res, 'content-type') ?? '';
  return /text\/html/i.test(type) || /^\s*(<!doctype html|<html)/i.test(res.body);
}

/** The registry's own error ({"errors":[{"code","message"}]}), redacted; null when it sent none. */
export function registryError(body: string): { code: string | null; message: string } | null {
  const obj = jsonObject(body);
  const errors = obj?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0] as { code?: unknown; message?: unknown };
    const message = typeof first.message === 'string' ? first.message : '';
    return { code: typeof first.code === 'string' ? first.code : null, message: clip(redactText(message)) };
  }
  // Token servers of other registries answer {"details": "..."} or {"error": "..."}.
  for (const key of ['details', 'error_description', 'error', 'message']) {
    const v = obj?.[key];
    if (typeof v === 'string' && v) return { code: null, message: clip(redactText(v)) };
  }
  return null;
}

/** A short, redacted excerpt of a body that is not the registry's JSON, for evidence. */
export function bodyExcerpt(body: string): string {
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return clip(redactText(text), 160);
}

export function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export interface Sent {
  response: HttpResponse;
  /** A 429 with a short Retry-After was waited out once. */
  retried: boolean;
}

/**
 * Sends one request through the session's client, bound to the check's signal. A 429 whose
 * Retry-After is at most a few seconds is waited out and retried once; a longer one is returned.
 * The session's client writes the --verbose log (redacted) itself.
 */
export async function send(ctx: CheckContext, req: HttpRequest): Promise<Sent> {
  ctx.progress(t('progress.http', { method: req.method ?? 'GET', url: req.url.split('?')[0]! }));
  const once = async (): Promise<HttpResponse> => {
    return ctx.probes.http.request({ ...req, signal: ctx.signal });
  };
  const first = await once();
  if (first.status !== 429) return { response: first, retried: false };
  const after = retryAfterSeconds(first);
  if (after === null || after > MAX_RETRY_WAIT_SECONDS) return { response: first, retried: false };
  await wait(after * 1000, ctx.signal);
  return { response: await once(), retried: true };
}

/** A short, safe description of a transport failure. */
export function describeHttpError(err: unknown): { kind: string; message: string } {
  if (err instanceof HttpError) return { kind: err.kind, message: clip(redactText(err.message)) };
  return { kind: 'other', message: clip(redactText(err instanceof Error ? err.message : String(err))) };
}
