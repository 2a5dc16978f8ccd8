import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../../src/simulator/index.js';
import { runRegistryChain, type ChainRun } from '../../probes/harness.js';
import type { SessionOptions } from '../../../src/engine/types.js';

/** Runs the registry chain against the simulator in a scenario, as `check simreg.azurecr.io <sim args>` does. */
async function against(scenario: string, over: Partial<SessionOptions> = {}, timeoutSeconds = 5): Promise<ChainRun & { simRequests: string[]; simConnections: number }> {
  const sim = await startSimulator({ scenario });
  try {
    const run = await runRegistryChain(sim.loginServer, { caFile: sim.caFile, connectTo: sim.connectTo, timeoutSeconds, ...over });
    return { ...run, simRequests: sim.requests.map((r) => `${r.method} ${r.path}`), simConnections: sim.connectionCount() };
  } finally {
    await sim.close();
  }
}

describe('registry checks against the simulator', () => {
  it('healthy: the whole chain passes with one connection and one request', async () => {
    const run = await against('healthy');
    for (const id of ['registry.login-server', 'registry.dns', 'registry.tls', 'registry.challenge']) expect(run.results[id]!.status).toBe('pass');
    expect(run.data['registry.challenge']).toMatchObject({ scheme: 'bearer', realm: 'https://simreg.azurecr.io/oauth2/token', service: 'simreg.azurecr.io' });
    expect(run.data['registry.challenge']!.serverDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(run.results['registry.dns']!.details.mappedTo).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(run.simConnections).toBe(1);
    expect(run.simRequests).toEqual(['GET /v2/']);
    expect(run.stats).toEqual({ requests: 1, connections: { 'simreg.azurecr.io:443': 1 } });
  });

  it('firewall: CONNECTIVITY_FORBIDDEN_ERROR with the client IP in the network-rule command', async () => {
    const r = (await against('firewall')).results['registry.challenge']!;
    expect(r.code).toBe('CONNECTIVITY_FORBIDDEN_ERROR');
    const ip = r.details.clientIp as string;
    expect(ip).toMatch(/^[0-9a-f.:]+$/);
    expect(r.remediations[0]!.command).toEqual(['az', 'acr', 'network-rule', 'add', '--name', 'simreg', '--ip-address', ip]);
    expect(r.remediations[1]!.command).toEqual(['az', 'acr', 'show', '--name', 'simreg', '--query', 'networkRuleSet']);
  });

  it.each([
    ['no-challenge', 'CONNECTIVITY_CHALLENGE_ERROR', /without asking for credentials/],
    ['basic-only', 'CONNECTIVITY_AAD_LOGIN_ERROR', /only for Basic/],
    ['bad-challenge', 'CONNECTIVITY_AAD_LOGIN_ERROR', /without realm|without service|without .*realm/],
    ['proxy-html', 'CONNECTIVITY_CHALLENGE_ERROR', /HTML page/],
    ['connection-reset', 'CONNECTIVITY_CHALLENGE_ERROR', /closed before an answer/],
  ])('%s → %s', async (scenario, code, summary) => {
    const r = (await against(scenario)).results['registry.challenge']!;
    expect(r.status).toBe('fail');
    expect(r.code).toBe(code);
    expect(r.summary).toMatch(summary);
    expect(r.summary).toContain('simreg.azurecr.io');
    expect(r.remediations.length).toBeGreaterThan(0);
  });

  it('basic-only passes with --auth basic', async () => {
    const run = await against('basic-only', { auth: 'basic', username: 'simreg' });
    expect(run.results['registry.challenge']!.status).toBe('pass');
    expect(run.data['registry.challenge']).toMatchObject({ scheme: 'basic' });
  });

  it('slow: the challenge ends at the time limit with a timeout summary', async () => {
    const started = Date.now();
    const r = (await against('slow', {}, 1)).results['registry.challenge']!;
    expect(r.code).toBe('CONNECTIVITY_CHALLENGE_ERROR');
    expect(r.summary).toMatch(/did not answer GET \/v2\/ within the time limit/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('untrusted-certificate: CONNECTIVITY_SSL_ERROR naming the issuer; the challenge is not attempted', async () => {
    const run = await against('untrusted-certificate');
    const r = run.results['registry.tls']!;
    expect(r.code).toBe('CONNECTIVITY_SSL_ERROR');
    expect(r.details.failure).toBe('unknown-issuer');
    expect(r.summary).toContain(String(r.details.issuerName));
    expect(run.results['registry.challenge']!.status).toBe('skip');
    expect(run.simRequests).toEqual([]);
  });

  it('expiring-certificate: a warning, and the chain goes on', async () => {
    const run = await against('expiring-certificate');
    expect(run.results['registry.tls']).toMatchObject({ status: 'warn', code: 'CONNECTIVITY_SSL_ERROR' });
    expect(run.results['registry.tls']!.details.daysLeft as number).toBeLessThan(14);
    expect(run.results['registry.challenge']!.status).toBe('pass');
  });
});
