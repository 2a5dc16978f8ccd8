import type { HttpErrorKind } from './http-types.js';

/** Raised when the proxy itself fails: refuses the CONNECT, asks for credentials, or cannot be reached. */
export class ProxyError extends Error {
  constructor(
    message: string,
    /** The proxy's HTTP status for a refused CONNECT, or null when the proxy could not be reached. */
    readonly status: number | null,
    /** The proxy URL without credentials. */
    readonly proxy: string,
    readonly code: string = status === null ? 'PROXY_UNREACHABLE' : `PROXY_${status}`,
  ) {
    super(message);
    this.name = 'ProxyError';
  }
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'EPROTO',
]);

const KIND_BY_CODE: Record<string, HttpErrorKind> = {
  ENOTFOUND: 'dns',
  EAI_NONAME: 'dns',
  EAI_NODATA: 'dns',
  EAI_AGAIN: 'dns-timeout',
  ETIMEOUT: 'dns-timeout',
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ERR_STREAM_PREMATURE_CLOSE: 'reset',
  EHOSTUNREACH: 'refused',
  ENETUNREACH: 'refused',
  UND_ERR_ABORTED: 'aborted',
  ABORT_ERR: 'aborted',
};

function codeOf(err: unknown): string | undefined {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && e.code !== 'UND_ERR_SOCKET' && e.code !== 'UND_ERR_CONNECT') return e.code;
    const inner = e.cause ? codeOf(e.cause) : undefined;
    if (inner) return inner;
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/** Whether an AbortSignal fired because the check's time limit passed (the runner says "timed out"). */
export function abortedByTimeout(signal: AbortSignal | undefined): boolean {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason.name === 'TimeoutError' || /timed out|timeout/i.test(reason.message);
  return typeof reason === 'string' && /timed out|timeout/i.test(reason);
}

/** Maps a network error (node, undici, our own) to an HttpErrorKind and its most telling code. */
export function classifyNetworkError(
  err: unknown,
  signal?: AbortSignal,
): { kind: HttpErrorKind; code: string | undefined; message: string } {
  const message = err instanceof Error ? err.message : String(err);
  if (signal?.aborted) {
    return { kind: abortedByTimeout(signal) ? 'timeout' : 'aborted', code: 'ABORT_ERR', message };
  }
  if (err instanceof ProxyError || (err as { cause?: unknown })?.cause instanceof ProxyError) {
    const p = err instanceof ProxyError ? err : ((err as { cause: ProxyError }).cause);
    return { kind: 'proxy', code: p.code, message: p.message };
  }
  const code = codeOf(err);
  if (code && TLS_CODES.has(code)) return { kind: 'tls', code, message };
  if (code && /^ERR_SSL_|^ERR_TLS_/.test(code)) return { kind: 'tls', code, message };
  if (code && KIND_BY_CODE[code]) return { kind: KIND_BY_CODE[code], code, message };
  if (err instanceof Error && err.name === 'AbortError') return { kind: 'aborted', code, message };
  if (/other side closed|socket hang up|closed/i.test(message)) return { kind: 'reset', code, message };
  return { kind: 'other', code, message };
}
