import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckContext } from '../engine/types.js';
import { findOnPath } from '../checks/auth/path.js';
import { azureConfigDir } from '../cli/azure-config.js';
import { redactText } from '../transcript/redact.js';

/** Why an `az` call gave no JSON. */
export type AzFailure = 'not-installed' | 'not-signed-in' | 'timeout' | 'aborted' | 'failed' | 'bad-json';

export type AzResult<T> = { ok: true; value: T; durationMs: number } | { ok: false; reason: AzFailure; message: string; durationMs: number };

type AzContext = Pick<CheckContext, 'probes' | 'signal' | 'timeoutMs'>;

const NOT_SIGNED_IN = /az login|not logged in|no subscription found|refresh token has expired|AADSTS700082|AADSTS50173/i;

/** The line that says what went wrong: the exception of a traceback (az bugs), else the first meaningful line. */
export function firstLine(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const exception = [...lines].reverse().find((l) => /^[A-Za-z_.]*(Error|Exception)\b[^:]*:\s/.test(l) && !/^ERROR:/.test(l));
  const line = exception ?? lines.find((l) => l && !/^WARNING:/i.test(l));
  // az may echo a command line or URL with a token or SAS in it: scrub before it reaches a summary.
  return redactText((line ?? '').replace(/^ERROR:\s*/i, '')).slice(0, 300);
}

/** What az itself prints when no account is signed in. */
export const NOT_SIGNED_IN_MESSAGE = "Please run 'az login' to setup account.";

/**
 * True only when the CLI's own profile (azureProfile.json) proves nobody is signed in: the file
 * exists, parses, and lists no subscriptions. Anything else (no file, unreadable, odd content)
 * is false, so the caller asks az as before. One small synchronous read; never throws.
 */
export function profileSaysSignedOut(env: Record<string, string | undefined>): boolean {
  try {
    // The CLI writes this file with a UTF-8 byte order mark, which JSON.parse rejects.
    const text = readFileSync(join(azureConfigDir(env), 'azureProfile.json'), 'utf8').replace(/^\uFEFF/, '');
    const profile: unknown = JSON.parse(text);
    if (profile === null || typeof profile !== 'object' || Array.isArray(profile)) return false;
    const subscriptions = (profile as { subscriptions?: unknown }).subscriptions;
    return subscriptions === undefined || subscriptions === null || (Array.isArray(subscriptions) && subscriptions.length === 0);
  } catch {
    return false;
  }
}

/**
 * Runs `az ARGS --output json` without a shell and parses its answer. Tells apart a missing CLI,
 * a CLI that is not signed in, and other failures, so checks can skip with the right reason.
 */
export async function runAz<T = unknown>(ctx: AzContext, args: string[], options: { timeoutMs?: number } = {}): Promise<AzResult<T>> {
  // Starting the Python CLI costs seconds; when the answer is certain without it, skip the start.
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  // process.platform, not probes.platform: the question is whether the spawn below, on this
  // machine, would find az (probes.platform may be set to another OS to word remediations).
  // Without any PATH the spawn falls back to the system's default search path, so ask it then.
  const hasPath = Object.keys(ctx.probes.env).some((k) => k.toUpperCase() === 'PATH' && ctx.probes.env[k] !== undefined);
  if (hasPath && !findOnPath('az', ctx.probes.env, process.platform)) {
    return { ok: false, reason: 'not-installed', message: 'az was not found on PATH', durationMs: elapsed() };
  }
  if (profileSaysSignedOut(ctx.probes.env)) {
    return { ok: false, reason: 'not-signed-in', message: NOT_SIGNED_IN_MESSAGE, durationMs: elapsed() };
  }
  const argv = ['az', ...args, '--output', 'json', '--only-show-errors'];
  const r = await ctx.probes.runProcess(argv, {
    timeoutMs: options.timeoutMs ?? ctx.timeoutMs,
    signal: ctx.signal,
    env: { ...ctx.probes.env, AZURE_CORE_NO_COLOR: 'true', AZURE_CORE_COLLECT_TELEMETRY: 'no' },
  });
  const durationMs = r.durationMs;
  if (r.notFound) return { ok: false, reason: 'not-installed', message: 'az was not found on PATH', durationMs };
  if (r.timedOut) return { ok: false, reason: 'timeout', message: 'az did not answer in time', durationMs };
  if (r.aborted) return { ok: false, reason: 'aborted', message: 'stopped', durationMs };
  if (r.error) return { ok: false, reason: 'failed', message: r.error, durationMs };
  if (r.exitCode !== 0) {
    const message = firstLine(r.stderr) || `az exited with code ${r.exitCode}`;
    return { ok: false, reason: NOT_SIGNED_IN.test(r.stderr) ? 'not-signed-in' : 'failed', message, durationMs };
  }
  try {
    return { ok: true, value: JSON.parse(r.stdout) as T, durationMs };
  } catch {
    return { ok: false, reason: 'bad-json', message: firstLine(r.stdout) || 'empty output', durationMs };
  }
}

/** The subset of `az acr show --output json` the checks read (camelCase, as the CLI prints it). */
export interface AcrShow {
  id?: string;
  name?: string;
  loginServer?: string;
  location?: string;
  /** Newer API versions: "AbacRepositoryPermissions" or "LegacyRegistryPermissions". */
  roleAssignmentMode?: string | null;
  dataEndpointEnabled?: boolean | null;
  dataEndpointHostNames?: string[] | null;
  encryption?: {
    status?: string | null;
    keyVaultProperties?: {
      identity?: string | null;
      keyIdentifier?: string | null;
      versionedKeyIdentifier?: string | null;
    } | null;
  } | null;
  identity?: {
    type?: string | null;
    principalId?: string | null;
    tenantId?: string | null;
    userAssignedIdentities?: Record<string, { clientId?: string | null; principalId?: string | null } | null> | null;
  } | null;
  privateEndpointConnections?: {
    id?: string;
    name?: string;
    privateEndpoint?: { id?: string | null } | null;
    privateLinkServiceConnectionState?: { status?: string | null } | null;
  }[] | null;
}

const inFlight = new WeakMap<object, Map<string, Promise<AzResult<AcrShow>>>>();

/**
 * `az acr show --name NAME`. Checks that start together (cmk, private-endpoint) share one call
 * while it runs (az takes seconds); a later call asks again, so a re-run after a fix sees fresh data.
 */
export function acrShow(ctx: AzContext, name: string): Promise<AzResult<AcrShow>> {
  let pending = inFlight.get(ctx.probes);
  if (!pending) inFlight.set(ctx.probes, (pending = new Map()));
  const running = pending.get(name);
  if (running) return running;
  const call = runAz<AcrShow>(ctx, ['acr', 'show', '--name', name]).finally(() => pending.delete(name));
  pending.set(name, call);
  return call;
}
