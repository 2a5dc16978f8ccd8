import { makeOptions } from '../../support/options.js';
import type { CheckContext, CheckResult, ProcessResult, SessionOptions, Target } from '../../../src/engine/types.js';
import type { HttpRequest, HttpResponse } from '../../../src/probes/http-types.js';

/** A compact unsigned JWT with the given claims (enough for decode-only code). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}.c2lnbmF0dXJl`;
}

export function options(over: Partial<SessionOptions> = {}): SessionOptions {
  return makeOptions({ registry: 'simreg', ...over });
}

export const TARGET: Target = { input: 'simreg', registryName: 'simreg', loginServer: 'simreg.azurecr.io', cloud: 'AzureCloud' };

export function response(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? (headers['content-type'] ?? 'text/plain') : 'application/json';
  return { status, headers: { 'content-type': type, ...headers }, body: text, truncated: false, url: '', durationMs: 1 };
}

export type Route = (req: HttpRequest) => HttpResponse | Promise<HttpResponse>;

export interface FakeCtx {
  ctx: CheckContext;
  requests: HttpRequest[];
  processes: string[][];
  logs: string[];
}

export function fakeContext(init: {
  options?: Partial<SessionOptions>;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  http?: Route;
  process?: (argv: string[]) => Partial<ProcessResult>;
  deps?: Record<string, unknown>;
  target?: Target | null;
}): FakeCtx {
  const requests: HttpRequest[] = [];
  const processes: string[][] = [];
  const logs: string[] = [];
  const ctx: CheckContext = {
    progress: () => {},
    options: options(init.options),
    target: init.target === undefined ? TARGET : init.target,
    signal: new AbortController().signal,
    timeoutMs: 15_000,
    probes: {
      env: init.env ?? {},
      platform: init.platform ?? 'linux',
      runProcess: async (argv) => {
        processes.push(argv);
        const r = init.process ? init.process(argv) : { notFound: true };
        return { argv, exitCode: null, stdout: '', stderr: '', notFound: false, timedOut: false, aborted: false, durationMs: 1, ...r };
      },
      http: {
        request: async (req) => {
          requests.push(req);
          if (!init.http) throw new Error(`unexpected request ${req.url}`);
          return init.http(req);
        },
        stats: () => ({ requests: requests.length, connections: {} }),
        close: async () => {},
      },
    },
    dep: <T,>(id: string) => init.deps?.[id] as T | undefined,
    result: () => undefined as CheckResult | undefined,
    log: (m) => logs.push(m),
    confirm: async () => false,
  };
  return { ctx, requests, processes, logs };
}

export const BEARER = { scheme: 'bearer', realm: 'https://simreg.azurecr.io/oauth2/token', service: 'simreg.azurecr.io', scope: null, serverDate: null } as const;
