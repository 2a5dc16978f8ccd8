import { createHash } from 'node:crypto';
import { afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckContext, CheckOutcome, CheckResult, ProcessResult, RunProcess, SessionOptions, Target } from '../../../src/engine/types.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../../../src/probes/http-types.js';
import { makeOptions } from '../../support/options.js';
import { writeSignedInProfile } from './az-standin.js';

export type Handler = (req: HttpRequest) => Partial<HttpResponse> | Promise<Partial<HttpResponse>>;

/** An HttpClient answering from a function; records every request. */
export function fakeHttp(handler: Handler): HttpClient & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async request(req) {
      requests.push(req);
      const r = await handler(req);
      return { status: 200, headers: {}, body: '', truncated: false, url: req.url, durationMs: 1, ...r };
    },
    stats: () => ({ requests: requests.length, connections: {} }),
    close: async () => {},
  };
}

export function sha(text: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

export function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ code, message }] });
}

export interface CtxInit {
  options?: Partial<SessionOptions>;
  target?: Target | null;
  deps?: Record<string, unknown>;
  http?: HttpClient;
  runProcess?: RunProcess;
  confirm?: (q: string) => Promise<boolean>;
  env?: Record<string, string | undefined>;
}

export const TARGET: Target = { input: 'myreg', registryName: 'myreg', loginServer: 'myreg.azurecr.io', cloud: 'AzureCloud' };

export function makeCtx(init: CtxInit = {}): CheckContext & { logs: string[]; questions: string[] } {
  const logs: string[] = [];
  const questions: string[] = [];
  const deps = init.deps ?? {};
  const noProcess: RunProcess = async (argv) => ({
    argv,
    exitCode: null,
    stdout: '',
    stderr: '',
    notFound: true,
    timedOut: false,
    aborted: false,
    durationMs: 0,
  });
  return {
    logs,
    questions,
    progress: () => {},
    options: makeOptions({ repository: { name: 'hello-world', tag: 'latest' }, ...init.options }),
    target: init.target === undefined ? TARGET : init.target,
    signal: new AbortController().signal,
    timeoutMs: 5000,
    probes: {
      runProcess: init.runProcess ?? noProcess,
      http: init.http ?? fakeHttp(() => ({ status: 500 })),
      // A fakeAz brings the environment under which runAz will ask it (az on PATH, signed in).
      env: init.env ?? (init.runProcess as { azEnv?: Record<string, string> } | undefined)?.azEnv ?? {},
      platform: 'linux',
    },
    dep: <T,>(id: string) => deps[id] as T | undefined,
    result: (_id: string) => undefined as CheckResult | undefined,
    log: (m: string) => logs.push(m),
    confirm: async (q: string) => {
      questions.push(q);
      return init.confirm ? init.confirm(q) : false;
    },
  };
}

let signedIn: { dir: string; env: Record<string, string> } | null = null;
// Registered while the importing test file is collected: its directory goes when the file is done.
afterAll(() => {
  if (signedIn) rmSync(signedIn.dir, { recursive: true, force: true });
  signedIn = null;
});

/**
 * PATH with an `az` file on it and an AZURE_CONFIG_DIR whose profile lists a subscription: what
 * runAz looks at before it spawns. The file is never run (fakeAz answers instead). One directory
 * per test file, removed after its tests.
 */
export function signedInAzEnv(): Record<string, string> {
  if (signedIn) return signedIn.env;
  const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-fake-az-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'az'), '#!/bin/sh\necho "ERROR: placeholder az, answered by fakeAz" >&2\nexit 2\n', { mode: 0o755 });
  writeSignedInProfile(join(dir, 'azure-config'));
  signedIn = { dir, env: { PATH: bin, AZURE_CONFIG_DIR: join(dir, 'azure-config') } };
  return signedIn.env;
}

/**
 * A runProcess that answers `az` calls from a table keyed by the words before the first flag.
 * `azEnv` (used by makeCtx when no env is given) makes runAz see az installed and signed in.
 */
export function fakeAz(table: Record<string, { exitCode?: number; stdout?: unknown; stderr?: string }>): RunProcess & { calls: string[][]; azEnv: Record<string, string> } {
  const calls: string[][] = [];
  const fn = async (argv: string[]): Promise<ProcessResult> => {
    calls.push(argv);
    const words = argv.slice(1, argv.findIndex((a, i) => i > 0 && a.startsWith('-'))).join(' ');
    const hit = table[words];
    const base = { argv, notFound: false, timedOut: false, aborted: false, durationMs: 3 };
    if (!hit) return { ...base, exitCode: 2, stdout: '', stderr: `ERROR: '${words}' is misspelled or not recognized by the system.` };
    const stdout = typeof hit.stdout === 'string' ? hit.stdout : JSON.stringify(hit.stdout ?? null);
    return { ...base, exitCode: hit.exitCode ?? 0, stdout: hit.exitCode ? '' : stdout, stderr: hit.stderr ?? '' };
  };
  return Object.assign(fn, { calls, azEnv: signedInAzEnv() });
}

export function json(outcome: CheckOutcome): string {
  return JSON.stringify({ summary: outcome.summary, details: outcome.details, remediations: outcome.remediations });
}
