/** The HTTP probe's interface. One client per session: one undici dispatcher, keep-alive, proxy from env. */
export interface HttpRequest {
  url: string;
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Bound to the check's signal: aborting stops the request. */
  signal?: AbortSignal;
  /** Response body cap; the default is 1 MiB. */
  maxBodyBytes?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names; repeated headers joined into arrays. */
  headers: Record<string, string | string[]>;
  body: string;
  truncated: boolean;
  url: string;
  durationMs: number;
}

export type HttpErrorKind =
  | 'dns' // name does not resolve
  | 'dns-timeout' // DNS server not answering
  | 'refused' // TCP connection refused
  | 'timeout' // connect/headers/body timeout
  | 'reset' // connection reset / closed mid-way
  | 'tls' // handshake or certificate failure
  | 'proxy' // the proxy refused CONNECT or failed
  | 'aborted' // the check's signal fired
  | 'other';

export class HttpError extends Error {
  constructor(
    readonly kind: HttpErrorKind,
    message: string,
    /** The underlying error code (ENOTFOUND, UNABLE_TO_VERIFY_LEAF_SIGNATURE, UND_ERR_SOCKET, ...). */
    readonly code: string | undefined,
    readonly url: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface HttpStats {
  requests: number;
  /** TCP (and TLS) connections opened, per origin "host:port". */
  connections: Record<string, number>;
}

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
  stats(): HttpStats;
  close(): Promise<void>;
}
