import { createHash } from 'node:crypto';
import { HttpError, type HttpClient, type HttpResponse } from '../../probes/http-types.js';
import type { DataEndpointObservation } from '../data.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const BLOB_CAP = 4 * 1024 * 1024;

export function isRedirect(status: number): boolean {
  return REDIRECTS.has(status);
}

export function headerValue(res: HttpResponse, name: string): string | null {
  const v = res.headers[name.toLowerCase()];
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}

/** sha256 of a text body; null when it cannot be judged (truncated, or not the config JSON). */
export function digestMatches(body: string, truncated: boolean, expected: string, textual: boolean): boolean | null {
  if (truncated || !textual) return null;
  return `sha256:${createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex')}` === expected;
}

/** The short error code of a refusal: Azure storage's XML <Code>, or a distribution error code. */
export function serverCode(body: string): string | null {
  const xml = /<Code>([A-Za-z0-9_.-]{1,80})<\/Code>/.exec(body);
  if (xml) return xml[1]!;
  const json = /"code"\s*:\s*"([A-Za-z0-9_.-]{1,80})"/.exec(body);
  return json ? json[1]! : null;
}

function portOf(u: URL): number {
  return u.port ? Number(u.port) : u.protocol === 'http:' ? 80 : 443;
}

/**
 * Downloads a blob from the data endpoint a redirect pointed at. The URL carries a SAS query
 * and is sent exactly as given, never with the registry's Authorization header (another host).
 * Further redirects are followed a few times, also without credentials.
 */
export async function downloadRedirect(
  http: HttpClient,
  url: string,
  expectedDigest: string,
  textual: boolean,
  signal: AbortSignal,
): Promise<DataEndpointObservation> {
  const first = new URL(url);
  const t0 = performance.now();
  const base = { host: first.hostname, port: portOf(first) };
  let current = url;
  try {
    for (let hop = 0; hop < 4; hop++) {
      const res = await http.request({ url: current, method: 'GET', signal, maxBodyBytes: BLOB_CAP });
      const location = headerValue(res, 'location');
      if (isRedirect(res.status) && location && hop < 3) {
        current = new URL(location, current).toString();
        continue;
      }
      const ok = res.status === 200;
      return {
        ...base,
        textual,
        serverCode: ok ? null : serverCode(res.body),
        status: res.status,
        errorKind: null,
        errorCode: null,
        bytes: Buffer.byteLength(res.body, 'utf8'),
        durationMs: Math.round(performance.now() - t0),
        digestOk: ok ? digestMatches(res.body, res.truncated, expectedDigest, textual) : null,
      };
    }
    throw new HttpError('other', 'too many redirects', undefined, '');
  } catch (err) {
    const kind = err instanceof HttpError ? err.kind : 'other';
    const code = err instanceof HttpError ? (err.code ?? null) : ((err as { code?: string }).code ?? null);
    return { ...base, textual, status: null, errorKind: kind, errorCode: code, bytes: 0, durationMs: Math.round(performance.now() - t0), digestOk: null };
  }
}
