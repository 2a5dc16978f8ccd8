import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { requireTool, runCli } from '../support/tools.js';
import { hasTinyproxy, startTinyproxy } from '../support/proxy.js';

interface JsonCheck {
  id: string;
  status: string;
  code: string | null;
  summary: string;
}

describe('acr-doctor check against the simulator (built CLI)', () => {
  let slow: RunningSimulator;
  let healthy: RunningSimulator;
  beforeAll(async () => {
    [slow, healthy] = await Promise.all([startSimulator({ scenario: 'slow' }), startSimulator({ scenario: 'healthy' })]);
  });
  afterAll(async () => {
    await slow?.close();
    await healthy?.close();
  });

  it('a slow registry with --timeout 2 ends the run with the challenge timed out', async () => {
    const run = await runCli(['check', slow.loginServer, ...slow.cliArgs(), '--timeout', '2', '--json'], { timeoutMs: 40_000 });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { checks: JsonCheck[] };
    const challenge = report.checks.find((c) => c.id === 'registry.challenge')!;
    expect(challenge.code).toBe('CONNECTIVITY_CHALLENGE_ERROR');
    expect(challenge.summary).toMatch(/time limit/);
  });

  it('--verbose logs the exchanges to stderr, redacted, and keeps stdout clean JSON', async () => {
    // A service principal from the environment: real AAD and registry tokens cross the wire.
    const f = healthy.fixtures;
    const run = await runCli(
      ['check', healthy.loginServer, ...healthy.cliArgs(), '--skip', 'environment', '--auth', 'env', '--verbose', '--json'],
      { env: { AZURE_CLIENT_ID: f.clientId, AZURE_CLIENT_SECRET: f.clientSecret, AZURE_TENANT_ID: f.tenantId }, timeoutMs: 40_000 },
    );
    const report = JSON.parse(run.stdout) as { checks: JsonCheck[] };
    expect(report.checks.find((c) => c.id === 'registry.challenge')!.status).toBe('pass');
    expect(run.stderr).not.toContain(f.clientSecret);
    expect(run.stderr).toContain('HTTP > GET https://simreg.azurecr.io/v2/');
    expect(run.stderr).toContain('HTTP < 401 GET https://simreg.azurecr.io/v2/');
    expect(run.stderr).not.toMatch(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/);
    expect(run.stderr).not.toMatch(/sig=(?!\[REDACTED\])/);
  });
});

describe('bad registry input exits 2', () => {
  it.each([
    ['spaces', 'my reg'],
    ['shell characters', 'reg;rm'],
    ['a path', 'myreg.azurecr.io/library'],
    ['non-ASCII', 'myrég'],
    ['another scheme', 'http://myreg.azurecr.io'],
    ['a too-short name', 'abc'],
  ])('%s (%s)', async (_what, input) => {
    const run = await runCli(['check', input, '--skip', 'environment'], { timeoutMs: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.length).toBeGreaterThan(0);
  });
});

describe('acr-doctor check through a real proxy (tinyproxy)', () => {
  const run = requireTool(hasTinyproxy(), 'tinyproxy');
  let sim: RunningSimulator | undefined;
  beforeAll(async () => {
    if (run) sim = await startSimulator({ scenario: 'healthy' });
  });
  afterAll(async () => sim?.close());

  it.skipIf(!run)('tunnels the registry checks through HTTPS_PROXY', async () => {
    const proxy = await startTinyproxy();
    try {
      const res = await runCli(['check', sim!.loginServer, ...sim!.cliArgs(), '--skip', 'environment,auth', '--json'], {
        env: { HTTPS_PROXY: proxy.url, https_proxy: undefined, NO_PROXY: undefined, no_proxy: undefined },
        timeoutMs: 40_000,
      });
      const report = JSON.parse(res.stdout) as { checks: (JsonCheck & { details: Record<string, unknown> })[] };
      const tls = report.checks.find((c) => c.id === 'registry.tls')!;
      expect(tls.status).toBe('pass');
      expect(tls.details.proxy).toBe(proxy.url);
      expect(report.checks.find((c) => c.id === 'registry.challenge')!.status).toBe('pass');
      expect(proxy.log()).toMatch(/CONNECT/);
    } finally {
      await proxy.close();
    }
  });

  it.skipIf(!run)('a proxy that refuses CONNECT fails the TLS check with the proxy named, without its password', async () => {
    const proxy = await startTinyproxy({ connectPorts: [443], basicAuth: { username: 'corp', password: 'Secr3tProxy' } });
    try {
      const res = await runCli(['check', sim!.loginServer, ...sim!.cliArgs(), '--skip', 'environment,auth'], {
        env: { HTTPS_PROXY: proxy.url, https_proxy: undefined, NO_PROXY: undefined, no_proxy: undefined },
        timeoutMs: 40_000,
      });
      expect(res.code).toBe(1);
      expect(res.stdout).toContain('CONNECTIVITY_SSL_ERROR');
      expect(res.stdout).toContain(`proxy http://127.0.0.1:${proxy.port} refused to open a tunnel`);
      expect(res.stdout + res.stderr).not.toContain('Secr3tProxy');
    } finally {
      await proxy.close();
    }
  });
});
