import { createHash } from 'node:crypto';
import type { HttpClient, HttpResponse } from '../../probes/http-types.js';
import { headerValue } from './blob.js';

export type UploadStage = 'start' | 'chunk' | 'commit' | 'verify';

export type UploadAttempt =
  | { ok: true; durationMs: number; location: string }
  | { ok: false; stage: UploadStage; url: string; res: HttpResponse | null; error: unknown; durationMs: number };

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

/**
 * One monolithic-in-chunks upload as the distribution API describes it: POST opens a session,
 * PATCH sends the bytes, PUT ?digest= commits, HEAD proves the blob is there. Credentials are
 * only sent to the registry's own origin.
 */
export async function uploadBlob(
  http: HttpClient,
  base: string,
  repository: string,
  authorization: string | null,
  bytes: Uint8Array,
  signal: AbortSignal,
  log: (m: string) => void = () => {},
): Promise<UploadAttempt> {
  const t0 = performance.now();
  const digest = sha256Digest(bytes);
  const auth = (url: string): Record<string, string> => (authorization && sameOrigin(url, base) ? { authorization } : {});
  let url = `${base}/v2/${repository}/blobs/uploads/`;
  let stage: UploadStage = 'start';
  const fail = (res: HttpResponse | null, error: unknown = null): UploadAttempt => ({
    ok: false,
    stage,
    url,
    res,
    error,
    durationMs: Math.round(performance.now() - t0),
  });
  const next = (res: HttpResponse): string | null => {
    const loc = headerValue(res, 'location');
    return loc ? new URL(loc, url).toString() : null;
  };
  try {
    log(`repository.push: POST ${url}`);
    let res = await http.request({ url, method: 'POST', headers: { ...auth(url), 'content-length': '0' }, body: '', signal });
    if (res.status !== 202) return fail(res);
    let loc = next(res);
    if (!loc) return fail(res);

    stage = 'chunk';
    url = loc;
    log(`repository.push: PATCH ${new URL(url).pathname} (${bytes.length} bytes)`);
    res = await http.request({
      url,
      method: 'PATCH',
      headers: { ...auth(url), 'content-type': 'application/octet-stream', 'content-range': `0-${bytes.length - 1}`, 'content-length': String(bytes.length) },
      body: bytes,
      signal,
    });
    if (res.status !== 202) return fail(res);
    loc = next(res) ?? url;

    stage = 'commit';
    const u = new URL(loc);
    u.searchParams.set('digest', digest);
    url = u.toString();
    log(`repository.push: PUT ${u.pathname}?digest=${digest}`);
    res = await http.request({ url, method: 'PUT', headers: { ...auth(url), 'content-length': '0' }, body: '', signal });
    if (res.status !== 201) return fail(res);
    const durationMs = Math.round(performance.now() - t0);

    stage = 'verify';
    url = `${base}/v2/${repository}/blobs/${digest}`;
    res = await http.request({ url, method: 'HEAD', headers: auth(url), signal });
    // ACR may answer a blob HEAD with a redirect to its data endpoint: the blob exists either way.
    if (res.status !== 200 && !(res.status >= 301 && res.status <= 308)) return fail(res);
    return { ok: true, durationMs, location: `${base}/v2/${repository}/blobs/${digest}` };
  } catch (err) {
    return fail(null, err);
  }
}
