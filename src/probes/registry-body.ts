import { safeIp } from './safe-values.js';

/** Defensive readers for what a registry (or something pretending to be one) answers. */

export interface RegistryErrorEntry {
  code: string;
  message: string;
}

/** The `errors` array of a Distribution error body; [] for anything else. */
export function parseRegistryErrors(body: string): RegistryErrorEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const errors = (json as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({ code: typeof e.code === 'string' ? e.code : '', message: typeof e.message === 'string' ? e.message : '' }));
}

/**
 * The client IP in ACR's firewall denial ("client with IP '203.0.113.7' is not allowed access").
 * It goes into a command the person may run, so only a real address is taken.
 */
export function deniedClientIp(errors: RegistryErrorEntry[]): string | null {
  for (const e of errors) {
    const m = /client with IP '([^']{1,64})'/i.exec(e.message);
    if (m) return safeIp(m[1]);
  }
  return null;
}

function header(headers: Record<string, string | string[]>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** An HTML page (a proxy's block page, a captive portal) rather than an API answer; its title when it has one. */
export function htmlPage(headers: Record<string, string | string[]>, body: string): { title: string } | null {
  const type = header(headers, 'content-type') ?? '';
  const start = body.trimStart().slice(0, 200).toLowerCase();
  if (!/text\/html|application\/xhtml/i.test(type) && !start.startsWith('<!doctype html') && !start.startsWith('<html')) return null;
  const m = /<title[^>]*>([\s\S]{0,300}?)<\/title>/i.exec(body);
  const title = (m?.[1] ?? '').replace(/\s+/g, ' ').trim().slice(0, 120);
  return { title };
}

/** Retry-After as seconds (delta-seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** The Date header as ISO, or null. */
export function serverDate(headers: Record<string, string | string[]>): string | null {
  const v = header(headers, 'date');
  if (!v) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
