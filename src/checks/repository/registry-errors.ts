import { safeIp } from '../../probes/safe-values.js';

/** One entry of the distribution API's `{"errors":[{"code","message"}]}` body. */
export interface RegistryError {
  code: string;
  message: string;
}

export function parseRegistryErrors(body: string): RegistryError[] {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors
      .filter((e): e is { code?: unknown; message?: unknown } => typeof e === 'object' && e !== null)
      .map((e) => ({ code: typeof e.code === 'string' ? e.code : '', message: typeof e.message === 'string' ? e.message : '' }));
  } catch {
    return [];
  }
}

export type Failure =
  | { kind: 'firewall'; clientIp: string | null; error: RegistryError }
  | { kind: 'permission'; error: RegistryError | null }
  | { kind: 'not-found'; error: RegistryError }
  | { kind: 'upload-invalid'; error: RegistryError }
  | { kind: 'other'; error: RegistryError | null };

const FIREWALL = /client with IP '([^']*)' is not allowed/i;

/** Sorts a non-success registry answer into what the checks tell people. */
export function classifyRegistryAnswer(status: number, body: string): Failure {
  const errors = parseRegistryErrors(body);
  const first = errors[0] ?? null;
  const firewall = errors.find((e) => FIREWALL.test(e.message));
  if (status === 403 && firewall) return { kind: 'firewall', clientIp: safeIp(FIREWALL.exec(firewall.message)?.[1]), error: firewall };
  const upload = errors.find((e) => e.code === 'BLOB_UPLOAD_INVALID' || e.code === 'BLOB_UPLOAD_UNKNOWN');
  if (upload) return { kind: 'upload-invalid', error: upload };
  if (status === 401 || status === 403) return { kind: 'permission', error: first };
  const missing = errors.find((e) => e.code === 'NAME_UNKNOWN' || e.code === 'MANIFEST_UNKNOWN' || e.code === 'BLOB_UNKNOWN');
  if (missing) return { kind: 'not-found', error: missing };
  return { kind: 'other', error: first };
}

/** "403 DENIED: retrieving permissions failed" for summaries (server messages are facts, kept verbatim). */
export function describeAnswer(status: number, error: RegistryError | null): string {
  if (!error) return String(status);
  return `${status} ${error.code}${error.message ? `: ${error.message}` : ''}`.slice(0, 300);
}
