/** Codes the contract's checks report (the table in CONTRACT.md), plus the engine's own crash code. */
export const CONTRACT_CODES = [
  'DOCKER_COMMAND_ERROR',
  'DOCKER_DAEMON_ERROR',
  'DOCKER_VERSION_ERROR',
  'DOCKER_PULL_ERROR',
  'HELM_COMMAND_ERROR',
  'HELM_VERSION_ERROR',
  'NOTARY_COMMAND_ERROR',
  'NOTARY_VERSION_ERROR',
  'AZ_CLI_ERROR',
  'LOGIN_SERVER_ERROR',
  'CONNECTIVITY_DNS_ERROR',
  'CONNECTIVITY_SSL_ERROR',
  'CONNECTIVITY_CHALLENGE_ERROR',
  'CONNECTIVITY_FORBIDDEN_ERROR',
  'CONNECTIVITY_AAD_LOGIN_ERROR',
  'CONNECTIVITY_TOOMANYREQUESTS_ERROR',
  'AAD_TOKEN_ERROR',
  'BASIC_CREDENTIALS_ERROR',
  'CONNECTIVITY_REFRESH_TOKEN_ERROR',
  'ARM_TOKEN_DISALLOWED',
  'CONNECTIVITY_ACCESS_TOKEN_ERROR',
  'ANONYMOUS_PULL_DISABLED',
  'REPOSITORY_PULL_ERROR',
  'PERMISSION_DENIED',
  'REPOSITORY_NOT_FOUND',
  'DATA_ENDPOINT_ERROR',
  'BLOB_UPLOAD_INVALID',
  'REPOSITORY_PUSH_ERROR',
  'CMK_ERROR',
  'PRIVATE_ENDPOINT_ERROR',
  'UNEXPECTED_ERROR',
] as const;

/**
 * Conditions seen by SDKs and container clients that no check reports under its own code. Where a
 * guide's condition means the same as a contract code (firewall → CONNECTIVITY_FORBIDDEN_ERROR,
 * "retrieving permissions failed" → PERMISSION_DENIED, 429 → CONNECTIVITY_TOOMANYREQUESTS_ERROR,
 * daemon not running → DOCKER_DAEMON_ERROR), the contract code is used instead.
 */
export const CLIENT_CODES = [
  'AUTHENTICATION_REQUIRED',
  'X509_UNKNOWN_AUTHORITY',
  'DNS_NO_SUCH_HOST',
  'TLS_HANDSHAKE_TIMEOUT',
  'REQUESTED_ACCESS_DENIED',
  'OAUTH_TOKEN_FETCH_FAILED',
] as const;

export type ContractCode = (typeof CONTRACT_CODES)[number];
export type ClientCode = (typeof CLIENT_CODES)[number];
export type KnownCode = ContractCode | ClientCode;

export const ALL_CODES: readonly KnownCode[] = [...CONTRACT_CODES, ...CLIENT_CODES];

/** The codes `az acr check-health` itself defines; their docs live at aka.ms/acr/errors#<code>. */
export const CHECK_HEALTH_CODES: ReadonlySet<string> = new Set([
  'DOCKER_COMMAND_ERROR',
  'DOCKER_DAEMON_ERROR',
  'DOCKER_VERSION_ERROR',
  'DOCKER_PULL_ERROR',
  'HELM_COMMAND_ERROR',
  'HELM_VERSION_ERROR',
  'NOTARY_VERSION_ERROR',
  'CMK_ERROR',
  'CONNECTIVITY_DNS_ERROR',
  'CONNECTIVITY_FORBIDDEN_ERROR',
  'CONNECTIVITY_CHALLENGE_ERROR',
  'CONNECTIVITY_AAD_LOGIN_ERROR',
  'CONNECTIVITY_REFRESH_TOKEN_ERROR',
  'CONNECTIVITY_ACCESS_TOKEN_ERROR',
  'CONNECTIVITY_SSL_ERROR',
  'CONNECTIVITY_TOOMANYREQUESTS_ERROR',
  'LOGIN_SERVER_ERROR',
]);

export function isKnownCode(code: string): code is KnownCode {
  return (ALL_CODES as readonly string[]).includes(code);
}
