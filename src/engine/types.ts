import type { Secret } from '../probes/secret.js';
import type { HttpClient } from '../probes/http-types.js';

export type Status = 'pass' | 'warn' | 'fail' | 'skip';
export type Group = 'environment' | 'registry' | 'auth' | 'repository';
export const GROUPS: readonly Group[] = ['environment', 'registry', 'auth', 'repository'];

/** A fix the person can apply. `command` is an argv array run without a shell, or null for a manual step. */
export interface Remediation {
  id: string;
  title: string;
  command: string[] | null;
  changes: boolean;
  docs?: string;
  /** The command needs the real terminal (az login, sudo): the wizard hands it over. */
  interactive?: boolean;
}

/** Evidence shown to people and written to JSON. Must never hold a secret. */
export type Details = Record<string, unknown>;

/** What a check's run() returns. */
export interface CheckOutcome {
  status: Status;
  code?: string | null;
  summary: string;
  details?: Details;
  remediations?: Remediation[];
  /**
   * In-memory values for later checks (tokens, realm, addresses). Never serialised;
   * secrets in here must be wrapped in Secret.
   */
  data?: Record<string, unknown>;
  /**
   * Whether checks that depend on this one may run. Default: true for pass and warn, false for
   * fail and skip. A missing client is a warn that blocks (nothing to ask a missing docker);
   * a step that does not apply (refresh token under basic auth) is a skip that does not.
   */
  satisfiesDependents?: boolean;
}

/** A finished check as the reporters see it (the contract's JSON shape). */
export interface CheckResult {
  id: string;
  group: Group;
  title: string;
  status: Status;
  code: string | null;
  summary: string;
  blockedBy: string | null;
  durationMs: number;
  details: Details;
  remediations: Remediation[];
}

export interface ProcessResult {
  argv: string[];
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The executable could not be found (ENOENT). */
  notFound: boolean;
  timedOut: boolean;
  /** Stopped by the AbortSignal (the check's timeout or the user). */
  aborted: boolean;
  durationMs: number;
  /** Spawn error text other than not-found (EACCES, ...). */
  error?: string;
}

export interface RunProcessOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
}

export type RunProcess = (argv: string[], options?: RunProcessOptions) => Promise<ProcessResult>;

/** Everything a check may use. Checks never reach globals: they read options and probes from here. */
export interface CheckContext {
  options: SessionOptions;
  target: Target | null;
  /** Aborted when the check's time limit passes or the run is interrupted. */
  signal: AbortSignal;
  /** The check's time limit in ms. */
  timeoutMs: number;
  probes: Probes;
  /** The `data` of a finished prerequisite (or any finished check); undefined when it has not passed/warned. */
  dep<T = Record<string, unknown>>(id: string): T | undefined;
  /** The result of any finished check (undefined when it has not finished or was not part of the run). */
  result(id: string): CheckResult | undefined;
  /** Redacted log line for --verbose (stderr). */
  log(message: string): void;
  /** Ask the person (wizard) for consent; non-interactive runs answer from --yes. */
  confirm(question: string): Promise<boolean>;
  /** Say what the check is waiting for (shown when it takes long). */
  progress(message: string): void;
}

export interface CheckDefinition {
  id: string;
  group: Group;
  title: string;
  dependsOn: string[];
  /** The codes this check can report, primary first (used when the engine must end it: timeout). */
  codes: string[];
  /** Overrides the session's per-check time limit (docker pull: 120 s). */
  timeoutMs?: (options: SessionOptions) => number;
  /** When false, the check is not part of this run at all (e.g. repository checks without --repository). */
  enabled?: (options: SessionOptions, target: Target | null) => boolean;
  run(ctx: CheckContext): Promise<CheckOutcome>;
}

export type Cloud = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';
export type AuthMode = 'auto' | 'az' | 'env' | 'basic' | 'anonymous';
export type Lang = 'en' | 'sv';

export interface Target {
  input: string;
  /** ACR name when the input names an Azure registry, else null (host:port of another registry). */
  registryName: string | null;
  /** host or host:port (default port 443 omitted). */
  loginServer: string;
  cloud: Cloud;
}

export interface ConnectTo {
  host: string;
  port: number;
  toHost: string;
  toPort: number;
}

export interface SessionOptions {
  registry: string | null;
  cloud: Cloud;
  /** True when --cloud was given explicitly (otherwise the Azure CLI's configured cloud may win). */
  cloudExplicit: boolean;
  auth: AuthMode;
  username: string | null;
  password: Secret | null;
  repository: { name: string; tag: string } | null;
  push: boolean;
  pullImage: string | null;
  caFile: string | null;
  connectTo: ConnectTo[];
  yes: boolean;
  failFast: boolean;
  skip: string[];
  /** Why a check in `skip` is skipped when the person did not ask for it (demo mode). */
  skipReasons?: Record<string, string>;
  timeoutSeconds: number;
  export: string | null;
  json: boolean;
  verbose: boolean;
  lang: Lang;
  color: boolean;
  /** Whether a person can be asked (wizard). */
  interactive: boolean;
}

/** Thin, injectable I/O. Tests swap these. */
export interface Probes {
  runProcess: RunProcess;
  /** HTTP over the session's one undici dispatcher (src/probes/http.ts). */
  http: HttpClient;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
}

export type EngineEvent =
  | { type: 'run-started'; at: string; checks: { id: string; group: Group; title: string; dependsOn: string[] }[] }
  | { type: 'check-started'; at: string; id: string }
  | { type: 'check-progress'; at: string; id: string; message: string }
  | { type: 'check-finished'; at: string; result: CheckResult }
  | { type: 'run-finished'; at: string; durationMs: number; interrupted: boolean }
  // The wizard's interactions, recorded for the transcript.
  | { type: 'session-info'; at: string; info: SessionInfo }
  | { type: 'prompt'; at: string; id: string; question: string; checkId?: string }
  | { type: 'answer'; at: string; id: string; answer: boolean }
  | { type: 'remediation-started'; at: string; runId: string; checkId: string; remediationId: string; title: string; argv: string[] }
  | { type: 'remediation-output'; at: string; runId: string; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'remediation-finished'; at: string; runId: string; exitCode: number | null; durationMs: number; cancelled: boolean }
  | { type: 'export-written'; at: string; paths: string[] };

/** Who, where and with what the session ran (claims only, never a token; proxy without credentials). */
export interface SessionInfo {
  toolVersion: string;
  platform: string;
  arch: string;
  nodeVersion: string;
  proxy: string | null;
  target: Target | null;
  mode: 'check' | 'wizard' | 'demo' | 'replay';
  scenario?: string;
}
