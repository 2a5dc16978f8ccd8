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
  /**
   * Opens a TLS connection to the URL's origin the way requests do (connect-to, proxy, roots) and
   * describes it. A trusted connection is kept for the next request to that origin.
   * Throws HttpError for anything short of a finished handshake.
   */
  tlsHandshake?(url: string, signal?: AbortSignal): Promise<TlsHandshakeInfo>;
  /** The proxy a request to this URL would use, without credentials; null for a direct connection. */
  proxyFor?(url: string): string | null;
}

/** What a TLS handshake with the registry showed (HttpClient.tlsHandshake). */
export interface TlsHandshakeInfo {
  /** host:port dialled (after --connect-to). */
  dialled: string;
  /** The proxy that carried the tunnel, without credentials. */
  proxy: string | null;
  protocol: string | null;
  authorized: boolean;
  /** The verification failure (OpenSSL/node code and message) when not authorized. */
  errorCode: string | null;
  errorMessage: string | null;
  certificate: CertificateInfo | null;
  /** The handshake's connection was handed to the HTTP client for the next request to this origin. */
  reusable: boolean;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** The issuer's organisation, or its common name, for messages. */
  issuerName: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  fingerprint256: string;
  selfSigned: boolean;
}
