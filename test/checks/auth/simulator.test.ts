import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/index.js';
import { Secret } from '../../../src/probes/secret.js';
import { makeStandinAz, type StandinDir } from './standin-az.js';
import { runAuthChain } from './chain.js';

let sim: RunningSimulator;
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
});
afterAll(async () => {
  await sim?.close();
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function loggedIn(): StandinDir {
  const az = makeStandinAz({
    kind: 'logged-in',
    armToken: sim.mintAadToken({ audience: 'arm' }),
    acrToken: sim.mintAadToken({ audience: 'acr' }),
    tenant: sim.fixtures.tenantId,
  });
  cleanups.push(az.remove);
  return az;
}

const simOptions = () => ({ connectTo: sim.connectTo, caFile: sim.caFile });
const status = (r: Awaited<ReturnType<typeof runAuthChain>>, id: string) => {
  const x = r.results.get(id)!;
  return [x.status, x.code];
};

async function withScenario(name: string, fn: () => Promise<void>): Promise<void> {
  sim.setScenario(name);
  sim.requests.length = 0;
  try {
    await fn();
  } finally {
    sim.setScenario('healthy');
  }
}

describe('the AAD chain through a stand-in az against the simulator', () => {
  it('healthy: three requests to the login server on one connection, all steps pass', async () =>
    withScenario('healthy', async () => {
      const az = loggedIn();
      const before = sim.connectionCount();
      const r = await runAuthChain(sim.loginServer, simOptions(), { PATH: az.path });
      expect(status(r, 'auth.credential')).toEqual(['pass', null]);
      expect(status(r, 'auth.refresh-token')).toEqual(['pass', null]);
      expect(status(r, 'auth.access-token')).toEqual(['pass', null]);
      expect(r.results.get('auth.credential')!.details.identity).toMatchObject({ kind: 'user', name: sim.fixtures.userPrincipalName, tenantId: sim.fixtures.tenantId });
      const toRegistry = sim.requests.filter((q) => q.host === sim.loginServer);
      expect(toRegistry.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual(['GET /v2/ 401', 'POST /oauth2/exchange 200', 'POST /oauth2/token 200']);
      expect(new Set(toRegistry.map((q) => q.connection)).size).toBe(1);
      expect(sim.connectionCount() - before).toBe(1);
    }));

  it('arm-token-disallowed: warns ARM_TOKEN_DISALLOWED after the ACR-audience retry, and the access token still comes', async () =>
    withScenario('arm-token-disallowed', async () => {
      const r = await runAuthChain(sim.loginServer, simOptions(), { PATH: loggedIn().path });
      expect(status(r, 'auth.refresh-token')).toEqual(['warn', 'ARM_TOKEN_DISALLOWED']);
      expect(status(r, 'auth.access-token')).toEqual(['pass', null]);
      expect(r.results.get('auth.refresh-token')!.remediations.map((x) => x.command?.slice(0, 5).join(' '))).toEqual([
        'az acr config authentication-as-arm show',
        'az acr config authentication-as-arm update',
      ]);
    }));

  it.each([
    ['exchange-denied', 'auth.refresh-token', 'CONNECTIVITY_REFRESH_TOKEN_ERROR', /authentication required/],
    ['exchange-html', 'auth.refresh-token', 'CONNECTIVITY_REFRESH_TOKEN_ERROR', /HTML page/],
    ['throttled', 'auth.refresh-token', 'CONNECTIVITY_TOOMANYREQUESTS_ERROR', /429/],
    ['token-denied', 'auth.access-token', 'CONNECTIVITY_ACCESS_TOKEN_ERROR', /authentication required/],
    ['token-throttled', 'auth.access-token', 'CONNECTIVITY_TOOMANYREQUESTS_ERROR', /429/],
  ])('%s: %s fails with %s', async (scenario, id, code, summary) =>
    withScenario(scenario, async () => {
      const r = await runAuthChain(sim.loginServer, simOptions(), { PATH: loggedIn().path });
      expect(status(r, id)).toEqual(['fail', code]);
      expect(r.results.get(id)!.summary).toMatch(summary);
    }));

  it('throttled-once: the short Retry-After is waited out and the exchange succeeds', async () =>
    withScenario('throttled-once', async () => {
      const r = await runAuthChain(sim.loginServer, simOptions(), { PATH: loggedIn().path });
      expect(status(r, 'auth.refresh-token')).toEqual(['pass', null]);
      expect(sim.requests.filter((q) => q.path === '/oauth2/exchange').map((q) => q.status)).toEqual([429, 200]);
    }));

  it('partial-grant: warns that push is missing from the token', async () =>
    withScenario('partial-grant', async () => {
      const r = await runAuthChain(sim.loginServer, { ...simOptions(), repository: { name: sim.fixtures.repository, tag: 'latest' }, push: true }, { PATH: loggedIn().path });
      expect(status(r, 'auth.access-token')).toEqual(['warn', 'CONNECTIVITY_ACCESS_TOKEN_ERROR']);
      expect(r.results.get('auth.access-token')!.summary).toMatch(/does not allow push/);
    }));

  it('clock-skew: the ten-minute difference from the registry is called out', async () =>
    withScenario('clock-skew', async () => {
      const r = await runAuthChain(sim.loginServer, simOptions(), { PATH: loggedIn().path });
      expect(r.results.get('auth.refresh-token')!.summary).toMatch(/10 minutes behind the registry/);
    }));

  it.each([
    ['logged-out', /not signed in/],
    ['expired', /expired/],
  ] as const)('az %s: AAD_TOKEN_ERROR and the rest of the chain does not run', async (kind, summary) => {
    const az = makeStandinAz({ kind });
    cleanups.push(az.remove);
    const r = await runAuthChain(sim.loginServer, { ...simOptions(), auth: 'az' }, { PATH: az.path });
    expect(status(r, 'auth.credential')).toEqual(['fail', 'AAD_TOKEN_ERROR']);
    expect(r.results.get('auth.credential')!.summary).toMatch(summary);
    expect(r.results.get('auth.credential')!.remediations[0]).toMatchObject({ interactive: true });
    expect(r.results.get('auth.access-token')!.status).toBe('skip');
  });
});

describe('service principal from the environment against the simulated AAD', () => {
  const spEnv = (secret: string, tenant = sim.fixtures.tenantId) => ({
    AZURE_CLIENT_ID: sim.fixtures.clientId,
    AZURE_CLIENT_SECRET: secret,
    AZURE_TENANT_ID: tenant,
    PATH: '/nonexistent',
  });

  it('a good secret: the whole chain passes as the service principal', async () => {
    const r = await runAuthChain(sim.loginServer, simOptions(), spEnv(sim.fixtures.clientSecret));
    expect(status(r, 'auth.credential')).toEqual(['pass', null]);
    expect(r.results.get('auth.credential')!.details.identity).toMatchObject({ kind: 'service-principal', name: sim.fixtures.clientId });
    expect(status(r, 'auth.access-token')).toEqual(['pass', null]);
    expect(JSON.stringify([...r.results.values()]) + r.logs.join('\n')).not.toContain(sim.fixtures.clientSecret);
  });

  it.each([
    ['bad secret', () => spEnv('wrong~secret'), 'AADSTS7000215'],
    ['expired secret', () => spEnv(sim.fixtures.expiredClientSecret), 'AADSTS7000222'],
    ['unknown tenant', () => spEnv(sim.fixtures.clientSecret, '9d2ac018-e843-4e14-9e2b-4e0ddac75450'), 'AADSTS90002'],
  ])('%s: AAD_TOKEN_ERROR naming %s', async (_name, env, code) => {
    const e = env();
    const r = await runAuthChain(sim.loginServer, simOptions(), e);
    expect(status(r, 'auth.credential')).toEqual(['fail', 'AAD_TOKEN_ERROR']);
    expect(r.results.get('auth.credential')!.summary).toContain(code);
    expect(JSON.stringify([...r.results.values()]) + r.logs.join('\n')).not.toContain(e.AZURE_CLIENT_SECRET);
  });
});

describe('admin user and anonymous access against the simulator', () => {
  it('the admin user gets a token; a wrong password is refused with CONNECTIVITY_ACCESS_TOKEN_ERROR', async () => {
    const ok = await runAuthChain(sim.loginServer, { ...simOptions(), username: sim.fixtures.adminUsername, password: new Secret(sim.fixtures.adminPassword) }, {});
    expect(status(ok, 'auth.refresh-token')).toEqual(['skip', null]);
    expect(status(ok, 'auth.access-token')).toEqual(['pass', null]);
    const bad = await runAuthChain(sim.loginServer, { ...simOptions(), username: sim.fixtures.adminUsername, password: new Secret('not-the-password') }, {});
    expect(status(bad, 'auth.access-token')).toEqual(['fail', 'CONNECTIVITY_ACCESS_TOKEN_ERROR']);
    expect(bad.results.get('auth.access-token')!.summary).toMatch(/refused the user name simreg/);
    expect(JSON.stringify([...ok.results.values(), ...bad.results.values()]) + ok.logs.join('\n')).not.toContain(sim.fixtures.adminPassword);
  });

  it('basic-only registry: the admin user is checked with GET /v2/', async () =>
    withScenario('basic-only', async () => {
      const r = await runAuthChain(sim.loginServer, { ...simOptions(), username: sim.fixtures.adminUsername, password: new Secret(sim.fixtures.adminPassword) }, {});
      expect(status(r, 'auth.access-token')).toEqual(['pass', null]);
      expect(sim.requests.filter((q) => q.path === '/v2/').map((q) => q.status)).toEqual([401, 200]);
    }));

  it('anonymous-enabled: an anonymous pull token for the repository', async () =>
    withScenario('anonymous-enabled', async () => {
      const r = await runAuthChain(sim.loginServer, { ...simOptions(), auth: 'anonymous', repository: { name: sim.fixtures.repository, tag: 'latest' } }, {});
      expect(status(r, 'auth.access-token')).toEqual(['pass', null]);
    }));

  it('anonymous-disabled: ANONYMOUS_PULL_DISABLED with the fix', async () =>
    withScenario('anonymous-disabled', async () => {
      const r = await runAuthChain(sim.loginServer, { ...simOptions(), auth: 'anonymous', repository: { name: sim.fixtures.repository, tag: 'latest' } }, {});
      expect(status(r, 'auth.access-token')).toEqual(['fail', 'ANONYMOUS_PULL_DISABLED']);
      expect(r.results.get('auth.access-token')!.remediations[0]?.command).toEqual(['az', 'acr', 'update', '--name', 'simreg', '--anonymous-pull-enabled', 'true']);
    }));
});
