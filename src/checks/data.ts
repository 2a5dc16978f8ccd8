import type { Secret } from '../probes/secret.js';

/**
 * What each check hands to the checks after it (CheckOutcome.data). Read it with ctx.dep<T>(id).
 * Secrets stay inside Secret; nothing here is ever serialised.
 */

/** registry.login-server */
export interface LoginServerData {
  /** host or host:port as typed in URLs (default port omitted). */
  loginServer: string;
  host: string;
  port: number;
  registryName: string | null;
  /** https://loginServer */
  baseUrl: string;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
  private: boolean;
}

/** registry.dns */
export interface DnsData {
  addresses: ResolvedAddress[];
  /** A --connect-to mapping replaced the lookup. */
  mappedTo: string | null;
  anyPrivate: boolean;
}

/** registry.challenge */
export interface ChallengeData {
  /** bearer: ACR's token flow (realm and service set). basic: a registry that only asks for Basic credentials (accepted when --auth basic). */
  scheme: 'bearer' | 'basic';
  realm: string;
  service: string;
  scope: string | null;
  /** The registry's Date header (ISO), for clock-skew checks. */
  serverDate: string | null;
}

/** The person behind a credential, from the token's claims (never the token). */
export interface Identity {
  kind: 'user' | 'service-principal' | 'managed-identity' | 'basic' | 'anonymous';
  /** upn, unique_name, app id or user name: what a person recognises. */
  name: string | null;
  objectId: string | null;
  tenantId: string | null;
  audience: string | null;
  expiresAt: string | null;
}

/** auth.credential */
export interface CredentialData {
  kind: 'aad' | 'basic' | 'anonymous';
  source: 'az' | 'env' | 'basic' | 'anonymous';
  aadToken?: Secret;
  tenantId?: string | null;
  username?: string;
  password?: Secret;
  identity: Identity;
  /** For the ARM-token-disallowed retry: fetch an ACR-audience AAD token from the same source. */
  acrAudienceToken?: (signal: AbortSignal) => Promise<Secret>;
}

/** auth.refresh-token */
export interface RefreshTokenData {
  refreshToken: Secret;
}

export interface GrantedAccess {
  type: string;
  name: string;
  actions: string[];
}

/** auth.access-token */
export interface AccessTokenData {
  /** The whole Authorization header value for registry calls: "Bearer <token>" or "Basic <b64>". */
  authorization: Secret;
  /** The registry access token (absent for a Basic-only registry). */
  accessToken: Secret | null;
  scope: string;
  granted: GrantedAccess[];
}

/** repository.pull */
export interface PullData {
  manifestDigest: string | null;
  blobDigest: string | null;
  /** Host of the 307 redirect for the blob (the data endpoint), when there was one. */
  dataEndpointHost: string | null;
  /** The full redirect URL with its SAS query: a secret. */
  redirectUrl: Secret | null;
  /** What pull saw when it followed the redirect (so repository.data-endpoint need not download again). */
  dataEndpoint?: DataEndpointObservation | null;
}

/** The redirect leg of a blob download, as observed by repository.pull. */
export interface DataEndpointObservation {
  host: string;
  port: number;
  /** HTTP status of the download, or null when the request itself failed. */
  status: number | null;
  /** HttpErrorKind when the request failed (dns, refused, tls, timeout, ...). */
  errorKind: string | null;
  errorCode: string | null;
  bytes: number;
  durationMs: number;
  /** The downloaded bytes match the digest (null: not checkable). */
  digestOk: boolean | null;
  /** The blob is text (the config JSON), so its digest can be checked again on a re-run. */
  textual?: boolean;
  /** The error code in a refusal's body (Azure storage XML <Code> or a registry error code). */
  serverCode?: string | null;
  /** Set once repository.data-endpoint reported it: a re-run downloads again. */
  reported?: boolean;
}
