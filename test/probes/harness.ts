import { runChecks } from '../../src/engine/runner.js';
import type { CheckDefinition, CheckResult, Probes, SessionOptions, Target } from '../../src/engine/types.js';
import { parseTarget } from '../../src/cli/target.js';
import { createHttpClient } from '../../src/probes/http.js';
import { runProcess } from '../../src/probes/process.js';
import type { HttpStats } from '../../src/probes/http-types.js';
import { loginServerCheck } from '../../src/checks/registry/login-server.js';
import { dnsCheck } from '../../src/checks/registry/dns.js';
import { tlsCheck } from '../../src/checks/registry/tls.js';
import { challengeCheck } from '../../src/checks/registry/challenge.js';
import { sessionOptions } from './servers.js';

export interface ChainRun {
  results: Record<string, CheckResult>;
  data: Record<string, Record<string, unknown>>;
  stats: HttpStats;
  logs: string[];
}

/**
 * Runs the registry connectivity chain (login server → DNS → TLS → challenge) in-process with
 * the real HTTP client, as `acr-doctor check REGISTRY` would.
 */
export async function runRegistryChain(
  registry: string,
  over: Partial<SessionOptions> = {},
  opts: { env?: Record<string, string | undefined>; checks?: CheckDefinition[]; platform?: NodeJS.Platform; target?: Target | null } = {},
): Promise<ChainRun> {
  const options = sessionOptions({ registry, ...over });
  const target = opts.target !== undefined ? opts.target : parseTarget(registry, options.cloud).target;
  const env = opts.env ?? {};
  const logs: string[] = [];
  const http = createHttpClient(options, env, (l) => logs.push(l));
  const probes: Probes = { runProcess, http, env, platform: opts.platform ?? 'linux' };
  try {
    const out = await runChecks({
      checks: opts.checks ?? [loginServerCheck, dnsCheck, tlsCheck, challengeCheck],
      options,
      target,
      probes,
      emit: () => undefined,
    });
    const results: Record<string, CheckResult> = {};
    const data: Record<string, Record<string, unknown>> = {};
    for (const [id, f] of out.finished) {
      results[id] = f.result;
      data[id] = f.data;
    }
    return { results, data, stats: http.stats(), logs };
  } finally {
    await http.close();
  }
}
