/** The simulator's shapes: mutable registry state, declarative scenarios, recorded traffic. */

export type Role = 'AcrPull' | 'AcrPush';

/** What the simulated registry (and its Azure-side view) currently looks like. Tests and the admin endpoint change it. */
export interface SimState {
  /** The registry firewall is on: only `allowedIps` reach it (others get 403 DENIED). */
  firewallEnabled: boolean;
  allowedIps: string[];
  anonymousPull: boolean;
  /** authentication-as-arm policy: when false, ARM-audience AAD tokens are refused at /oauth2/exchange. */
  armTokensAllowed: boolean;
  adminUserEnabled: boolean;
  /** Role assignments: principal (object id or client id) → roles on the registry. */
  roles: Record<string, Role[]>;
  /** Upload sessions that still answer 404 BLOB_UPLOAD_INVALID (-1: every one). */
  uploadFailuresLeft: number;
  /** Customer-managed key: whether the key's identity is assigned to the registry. */
  cmkIdentityAssigned: boolean;
  /** What the stand-in `az` reports about the signed-in session. */
  az: 'logged-in' | 'logged-out' | 'expired';
}

export type ChallengeMode = 'bearer' | 'none' | 'basic' | 'bad' | 'html' | 'reset' | 'throttled';
/** acr-denied: ACR-audience AAD tokens are refused too (with ARM ones disallowed, nothing gets through). */
export type ExchangeMode = 'ok' | 'throttled' | 'throttled-once' | 'denied' | 'html' | 'acr-denied';
export type TokenMode = 'ok' | 'denied' | 'partial' | 'throttled';
export type TlsMode = 'trusted' | 'untrusted' | 'expiring';

/** How a scenario bends the protocol. Everything not set behaves like a healthy registry. */
export interface Behaviour {
  challenge: ChallengeMode;
  exchange: ExchangeMode;
  token: TokenMode;
  tls: TlsMode;
  /** The data endpoint's --connect-to mapping points at a closed loopback port. */
  dataEndpointUnreachable: boolean;
  /** Added to every response (ms); the client's abort ends the wait. */
  delayMs: number;
  /** Seconds the Date header is off from the real clock. */
  clockSkewSec: number;
  /** What the stand-in `az acr show` adds about the registry. */
  azure: { cmk: boolean; privateEndpoint: 'none' | 'mismatch' };
}

/** One named scenario: a small declarative object (see scenarios/). */
export interface Scenario {
  name: string;
  /** i18n key of the one-line description. */
  descriptionKey: string;
  state?: Partial<SimState>;
  /** Roles every fixture identity (user, service principal) holds at start; default AcrPull + AcrPush. */
  roles?: Role[];
  behaviour?: Partial<Omit<Behaviour, 'azure'>> & { azure?: Partial<Behaviour['azure']> };
  /** What `acr-doctor demo` turns on so the scenario shows (a push test, a sign-in mode). */
  demo?: { push?: boolean; auth?: 'anonymous' | 'basic' };
}

export interface RecordedRequest {
  method: string;
  host: string;
  /** Path without the query. */
  path: string;
  status: number;
  /** Id of the TCP connection that carried it (1, 2, ...). */
  connection: number;
}
