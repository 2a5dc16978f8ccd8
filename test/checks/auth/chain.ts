import { runChecks } from '../../../src/engine/runner.js';
import type { CheckDefinition, CheckResult, SessionOptions } from '../../../src/engine/types.js';
import { authChecks } from '../../../src/checks/auth/index.js';
import type { ChallengeData } from '../../../src/checks/data.js';
import { createHttpClient } from '../../../src/probes/http.js';
import { runProcess } from '../../../src/probes/process.js';
import { findChallenge, parseWwwAuthenticate } from '../../../src/probes/www-authenticate.js';
import { options } from './fakes.js';

/**
 * A minimal registry.challenge for these tests (one GET /v2/, as the real check makes), so the
 * auth chain can run against a registry without depending on the registry checks' details.
 */
export const testChallenge: CheckDefinition = {
  id: 'registry.challenge',
  group: 'registry',
  title: 'challenge (test stand-in)',
  dependsOn: [],
  codes: ['CONNECTIVITY_CHALLENGE_ERROR'],
  async run(ctx) {
    const res = await ctx.probes.http.request({ url: `https://${ctx.target!.loginServer}/v2/`, signal: ctx.signal });
    const found = parseWwwAuthenticate(res.headers['www-authenticate']);
    const bearer = findChallenge(found, 'bearer');
    const basic = findChallenge(found, 'basic');
    const date = res.headers.date;
    const data: ChallengeData = {
      scheme: bearer ? 'bearer' : 'basic',
      realm: bearer?.params.realm ?? basic?.params.realm ?? '',
      service: bearer?.params.service ?? '',
      scope: bearer?.params.scope ?? null,
      serverDate: typeof date === 'string' ? new Date(date).toISOString() : null,
    };
    if (res.status !== 401 || (!bearer && !basic)) return { status: 'fail', code: 'CONNECTIVITY_CHALLENGE_ERROR', summary: `status ${res.status}` };
    return { status: 'pass', summary: 'challenge', data: data as unknown as Record<string, unknown> };
  },
};

export interface ChainRun {
  results: Map<string, CheckResult>;
  logs: string[];
  stats: ReturnType<ReturnType<typeof createHttpClient>['stats']>;
}

/** Runs the stand-in challenge and the real auth checks with the real HTTP client and process probe. */
export async function runAuthChain(
  loginServer: string,
  over: Partial<SessionOptions>,
  env: Record<string, string | undefined>,
  challenge: CheckDefinition = testChallenge,
): Promise<ChainRun> {
  const opts = options({ timeoutSeconds: 10, ...over });
  const logs: string[] = [];
  const http = createHttpClient(opts, env, (line) => logs.push(line));
  try {
    const out = await runChecks({
      checks: [challenge, ...authChecks],
      options: opts,
      target: { input: loginServer, registryName: loginServer.endsWith('.azurecr.io') ? loginServer.split('.')[0]! : null, loginServer, cloud: 'AzureCloud' },
      probes: { runProcess, http, env, platform: process.platform },
      emit: () => {},
      log: (m) => logs.push(m),
    });
    const results = new Map([...out.finished].map(([id, f]) => [id, f.result]));
    return { results, logs, stats: http.stats() };
  } finally {
    await http.close();
  }
}
