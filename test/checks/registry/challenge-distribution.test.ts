import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasDistribution, startDistribution, type Distribution } from '../../support/distribution.js';
import { hasTinyproxy, startTinyproxy } from '../../support/proxy.js';
import { requireTool } from '../../support/tools.js';
import { runRegistryChain } from '../../probes/harness.js';

const dist = requireTool(hasDistribution(), 'docker-registry (Distribution)');

describe('registry checks against a real Distribution registry', () => {
  let open: Distribution | undefined;
  let locked: Distribution | undefined;
  beforeAll(async () => {
    if (!dist) return;
    [open, locked] = await Promise.all([
      startDistribution({ tls: true }),
      startDistribution({ tls: true, htpasswd: { username: 'alice', password: 'wonder land' } }),
    ]);
  });
  afterAll(async () => {
    await open?.close();
    await locked?.close();
  });

  it.skipIf(!dist)('an open registry (200 on /v2/) is a challenge error', async () => {
    const run = await runRegistryChain(open!.loginServer, { caFile: open!.caFile! });
    expect(run.results['registry.tls']!.status).toBe('pass');
    const r = run.results['registry.challenge']!;
    expect(r).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_CHALLENGE_ERROR', details: { status: 200 } });
    expect(r.summary).toContain(open!.loginServer);
  });

  it.skipIf(!dist)('htpasswd (Basic) is an AAD login error by default and passes with --auth basic', async () => {
    const byDefault = (await runRegistryChain(locked!.loginServer, { caFile: locked!.caFile! })).results['registry.challenge']!;
    expect(byDefault).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_AAD_LOGIN_ERROR' });
    expect(byDefault.summary).toContain('acr-doctor-test');
    const basic = await runRegistryChain(locked!.loginServer, { caFile: locked!.caFile!, auth: 'basic', username: 'alice' });
    expect(basic.results['registry.challenge']!.status).toBe('pass');
    expect(basic.data['registry.challenge']).toMatchObject({ scheme: 'basic', realm: 'acr-doctor-test' });
    expect(basic.stats.connections).toEqual({ [locked!.loginServer]: 1 });
  });

  it.skipIf(!dist || !requireTool(hasTinyproxy(), 'tinyproxy'))('the same chain works through a real proxy', async () => {
    const proxy = await startTinyproxy();
    try {
      const run = await runRegistryChain(locked!.loginServer, { caFile: locked!.caFile!, auth: 'basic', username: 'alice' }, { env: { HTTPS_PROXY: proxy.url } });
      expect(run.results['registry.tls']!.details.proxy).toBe(proxy.url);
      expect(run.results['registry.challenge']!.status).toBe('pass');
      expect(proxy.log()).toMatch(new RegExp(`CONNECT.*${locked!.port}`, 'i'));
    } finally {
      await proxy.close();
    }
  });
});
