import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect as tlsConnect } from 'node:tls';
import { connect as netConnect } from 'node:net';
import { listScenarios, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { SCENARIOS } from '../../src/simulator/scenarios/index.js';
import { catalogs } from '../../src/knowledge/i18n.js';
import { claims, form, simClient, type SimClient } from './client.js';

let sim: RunningSimulator;
let c: SimClient;
let L: string;

beforeAll(async () => {
  sim = await startSimulator();
  L = `https://${sim.loginServer}`;
});
afterAll(async () => {
  await c?.close();
  await sim.close();
});
// A fresh client per test: scenarios with other certificates must not ride on an old connection.
beforeEach(async () => {
  await c?.close();
  c = simClient(sim);
});

const exchange = (audience: 'arm' | 'acr' = 'arm') =>
  c.call('POST', `${L}/oauth2/exchange`, form({ grant_type: 'access_token', service: sim.loginServer, tenant: sim.fixtures.tenantId, access_token: sim.mintAadToken({ audience }) }));

async function token(scope: string): Promise<string> {
  const rt = (await exchange()).json().refresh_token as string;
  const r = await c.call('POST', `${L}/oauth2/token`, form({ grant_type: 'refresh_token', service: sim.loginServer, scope, refresh_token: rt }));
  expect(r.status).toBe(200);
  return r.json().access_token as string;
}

const bearer = async (scope: string): Promise<Record<string, string>> => ({ authorization: `Bearer ${await token(scope)}` });

describe('scenario registry', () => {
  it('names every scenario once and describes it in English and Swedish', () => {
    const names = listScenarios().map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of SCENARIOS) {
      expect(catalogs.en[s.descriptionKey], s.name).toBeTruthy();
      expect(catalogs.sv[s.descriptionKey], s.name).toBeTruthy();
    }
    for (const required of [
      'healthy', 'firewall', 'no-challenge', 'basic-only', 'bad-challenge', 'throttled', 'arm-token-disallowed', 'exchange-denied',
      'exchange-html', 'token-denied', 'partial-grant', 'no-pull-permission', 'no-push-permission', 'anonymous-enabled',
      'anonymous-disabled', 'blob-upload-invalid-once', 'blob-upload-invalid-always', 'data-endpoint-unreachable', 'slow',
      'connection-reset', 'proxy-html', 'untrusted-certificate', 'expiring-certificate', 'cmk-broken', 'private-endpoint-mismatch',
    ]) expect(names).toContain(required);
  });

  it('refuses an unknown scenario', async () => {
    await expect(startSimulator({ scenario: 'bogus' })).rejects.toThrow(/bogus/);
    expect(() => sim.setScenario('bogus')).toThrow(/bogus/);
  });
});

describe('connectivity scenarios', () => {
  it('firewall: 403 DENIED naming the IP until the IP is allowed', async () => {
    sim.setScenario('firewall');
    const r = await c.call('GET', `${L}/v2/`);
    expect(r.status).toBe(403);
    expect(r.json()).toEqual({
      errors: [{ code: 'DENIED', message: "client with IP '127.0.0.1' is not allowed access. Refer https://aka.ms/acr/firewall to grant access." }],
    });
    sim.state.allowedIps.push('127.0.0.1');
    expect((await c.call('GET', `${L}/v2/`)).status).toBe(401);
  });

  it('no-challenge: 200 without WWW-Authenticate', async () => {
    sim.setScenario('no-challenge');
    const r = await c.call('GET', `${L}/v2/`);
    expect(r.status).toBe(200);
    expect(r.headers['www-authenticate']).toBeUndefined();
  });

  it('basic-only: a Basic challenge, and the admin user gets in with Basic', async () => {
    sim.setScenario('basic-only');
    const r = await c.call('GET', `${L}/v2/`);
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toMatch(/^Basic realm=/);
    const basic = `Basic ${Buffer.from(`${sim.fixtures.adminUsername}:${sim.fixtures.adminPassword}`).toString('base64')}`;
    expect((await c.call('GET', `${L}/v2/`, { headers: { authorization: basic } })).status).toBe(200);
    expect((await c.call('GET', `${L}/v2/hello-world/manifests/latest`, { headers: { authorization: basic } })).status).toBe(200);
  });

  it('bad-challenge: Bearer without realm or service', async () => {
    sim.setScenario('bad-challenge');
    const h = (await c.call('GET', `${L}/v2/`)).headers['www-authenticate']!;
    expect(h).toMatch(/^Bearer/);
    expect(h).not.toContain('realm');
    expect(h).not.toContain('service');
  });

  it('challenge-throttled: 429 with Retry-After on /v2/', async () => {
    sim.setScenario('challenge-throttled');
    const r = await c.call('GET', `${L}/v2/`);
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('10');
    expect(r.json().errors[0].code).toBe('TOOMANYREQUESTS');
  });

  it('proxy-html: 200 text/html on /v2/', async () => {
    sim.setScenario('proxy-html');
    const r = await c.call('GET', `${L}/v2/`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.text).toMatch(/<html/i);
  });

  it('connection-reset: the socket dies on /v2/', async () => {
    sim.setScenario('connection-reset');
    await expect(c.call('GET', `${L}/v2/`)).rejects.toThrow();
    expect(sim.requests.at(-1)).toMatchObject({ path: '/v2/', status: 0 });
  });

  it('slow: the answer waits, and a client abort ends the wait at once', async () => {
    sim.setScenario('slow');
    const t0 = Date.now();
    await expect(c.call('GET', `${L}/v2/`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('data-endpoint-unreachable: the data host maps to a closed loopback port', async () => {
    sim.setScenario('data-endpoint-unreachable');
    const data = sim.connectTo.find((m) => m.host === sim.dataHost)!;
    expect(data.toPort).not.toBe(sim.port);
    expect(sim.cliArgs()).toContain(`${sim.dataHost}:443:127.0.0.1:${data.toPort}`);
    const refused = await new Promise<string>((resolve) => {
      const s = netConnect(data.toPort, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve('connected')));
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    // The login server still redirects there.
    const r = await c.call('GET', `${L}/v2/hello-world/blobs/sha256:${'a'.repeat(64)}`, { headers: await bearer('repository:hello-world:pull') });
    expect(r.status).toBe(404);
    sim.setScenario('healthy');
    expect(sim.connectTo.find((m) => m.host === sim.dataHost)!.toPort).toBe(sim.port);
  });

  it('clock-skew: the Date header runs 10 minutes ahead', async () => {
    sim.setScenario('clock-skew');
    const r = await c.call('GET', `${L}/v2/`);
    const skew = Date.parse(r.headers.date!) - Date.now();
    expect(skew).toBeGreaterThan(9 * 60_000);
    expect(skew).toBeLessThan(11 * 60_000);
  });
});

describe('certificate scenarios', () => {
  function peer(ca: string): Promise<{ authorized: boolean; error: string | null; validTo: string }> {
    return new Promise((resolve, reject) => {
      const s = tlsConnect({ host: '127.0.0.1', port: sim.port, servername: sim.loginServer, ca, rejectUnauthorized: false }, () => {
        const cert = s.getPeerCertificate();
        resolve({ authorized: s.authorized, error: s.authorizationError ? String(s.authorizationError) : null, validTo: cert.valid_to });
        s.destroy();
      });
      s.once('error', reject);
    });
  }

  it('healthy: the leaf is trusted through caPem', async () => {
    sim.setScenario('healthy');
    expect((await peer(sim.caPem)).authorized).toBe(true);
  });

  it('untrusted-certificate: the leaf comes from a CA that is not in caFile', async () => {
    sim.setScenario('untrusted-certificate');
    const p = await peer(sim.caPem);
    expect(p.authorized).toBe(false);
    expect(p.error).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
    await expect(c.call('GET', `${L}/v2/`)).rejects.toThrow();
  });

  it('expiring-certificate: trusted, but expires within 5 days', async () => {
    sim.setScenario('expiring-certificate');
    const p = await peer(sim.caPem);
    expect(p.authorized).toBe(true);
    const days = (Date.parse(p.validTo) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(4);
    expect(days).toBeLessThanOrEqual(5);
  });
});

describe('authentication scenarios', () => {
  it('throttled: 429 with Retry-After on the exchange', async () => {
    sim.setScenario('throttled');
    const r = await exchange();
    expect(r.status).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(5);
    expect((await exchange()).status).toBe(429);
  });

  it('throttled-once: a short Retry-After, then the retry works', async () => {
    sim.setScenario('throttled-once');
    const first = await exchange();
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('1');
    expect((await exchange()).status).toBe(200);
  });

  it('token-throttled: 429 on the token endpoint', async () => {
    sim.setScenario('token-throttled');
    const rt = (await exchange()).json().refresh_token as string;
    const r = await c.call('POST', `${L}/oauth2/token`, form({ grant_type: 'refresh_token', service: sim.loginServer, scope: 'registry:catalog:*', refresh_token: rt }));
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBeTruthy();
  });

  it('arm-token-disallowed: ARM tokens refused with the real message, ACR tokens work, until the policy is enabled', async () => {
    sim.setScenario('arm-token-disallowed');
    const arm = await exchange('arm');
    expect(arm.status).toBe(401);
    expect(arm.json()).toEqual({ errors: [{ code: 'UNAUTHORIZED', message: 'arm aad token disallowed' }] });
    expect((await exchange('acr')).status).toBe(200);
    sim.state.armTokensAllowed = true;
    expect((await exchange('arm')).status).toBe(200);
  });

  it('arm-token-disallowed-acr-denied: the ACR-audience retry is refused too', async () => {
    sim.setScenario('arm-token-disallowed-acr-denied');
    expect((await exchange('arm')).json().errors[0].message).toBe('arm aad token disallowed');
    const acr = await exchange('acr');
    expect(acr.status).toBe(401);
    expect(acr.json().errors[0].code).toBe('UNAUTHORIZED');
  });

  it('exchange-denied and exchange-html', async () => {
    sim.setScenario('exchange-denied');
    const denied = await exchange();
    expect(denied.status).toBe(401);
    expect(denied.json().errors[0].code).toBe('UNAUTHORIZED');
    sim.setScenario('exchange-html');
    const html = await exchange();
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
  });

  it('token-denied: the token endpoint refuses a valid refresh token', async () => {
    sim.setScenario('token-denied');
    const rt = (await exchange()).json().refresh_token as string;
    const r = await c.call('POST', `${L}/oauth2/token`, form({ grant_type: 'refresh_token', service: sim.loginServer, scope: 'registry:catalog:*', refresh_token: rt }));
    expect(r.status).toBe(401);
  });

  it('partial-grant: pull,push asked, pull granted, so the upload is refused', async () => {
    sim.setScenario('partial-grant');
    const tok = await token('repository:hello-world:pull,push');
    expect(claims(tok).access).toEqual([{ type: 'repository', name: 'hello-world', actions: ['pull'] }]);
    const up = await c.call('POST', `${L}/v2/hello-world/blobs/uploads/`, { headers: { authorization: `Bearer ${tok}` } });
    expect(up.status).toBe(401);
  });

  it('anonymous-enabled: a token without credentials grants pull only, and the manifest is served', async () => {
    sim.setScenario('anonymous-enabled');
    const r = await c.call('GET', `${L}/oauth2/token?service=simreg.azurecr.io&scope=repository:hello-world:pull,push`);
    expect(r.status).toBe(200);
    const tok = r.json().access_token as string;
    expect(claims(tok).access[0].actions).toEqual(['pull']);
    const m = await c.call('GET', `${L}/v2/hello-world/manifests/latest`, { headers: { authorization: `Bearer ${tok}` } });
    expect(m.status).toBe(200);
    const pw = await c.call('POST', `${L}/oauth2/token`, form({ grant_type: 'password', service: sim.loginServer, scope: 'repository:hello-world:pull', username: '', password: '' }));
    expect(pw.status).toBe(200);
  });

  it('anonymous-disabled: the same request is 401 until anonymous pull is switched on', async () => {
    sim.setScenario('anonymous-disabled');
    const url = `${L}/oauth2/token?service=simreg.azurecr.io&scope=repository:hello-world:pull`;
    expect((await c.call('GET', url)).status).toBe(401);
    sim.state.anonymousPull = true;
    expect((await c.call('GET', url)).status).toBe(200);
  });
});

describe('repository scenarios', () => {
  const DENIED = { errors: [{ code: 'DENIED', message: 'retrieving permissions failed' }] };

  it('no-pull-permission: 403 DENIED on the manifest until AcrPull is assigned', async () => {
    sim.setScenario('no-pull-permission');
    const auth = await bearer('repository:hello-world:pull');
    const r = await c.call('GET', `${L}/v2/hello-world/manifests/latest`, { headers: auth });
    expect(r.status).toBe(403);
    expect(r.json()).toEqual(DENIED);
    sim.state.roles[sim.fixtures.userObjectId] = ['AcrPull'];
    expect((await c.call('GET', `${L}/v2/hello-world/manifests/latest`, { headers: auth })).status).toBe(200);
  });

  it('no-push-permission: pull works, the upload is 403 DENIED', async () => {
    sim.setScenario('no-push-permission');
    const auth = await bearer('repository:hello-world:pull,push');
    expect((await c.call('GET', `${L}/v2/hello-world/manifests/latest`, { headers: auth })).status).toBe(200);
    const up = await c.call('POST', `${L}/v2/hello-world/blobs/uploads/`, { headers: auth });
    expect(up.status).toBe(403);
    expect(up.json()).toEqual(DENIED);
  });

  async function tryUpload(auth: Record<string, string>): Promise<number> {
    const start = await c.call('POST', `${L}/v2/hello-world/blobs/uploads/`, { headers: auth });
    expect(start.status).toBe(202);
    const patch = await c.call('PATCH', new URL(start.headers.location!, L).toString(), { headers: auth, body: 'chunk' });
    if (patch.status !== 202) {
      expect(patch.json()).toEqual({ errors: [{ code: 'BLOB_UPLOAD_INVALID', message: 'blob upload invalid' }] });
      return patch.status;
    }
    const done = new URL(patch.headers.location!, L);
    done.searchParams.set('digest', 'sha256:0b60fb0e0e44ebd5e1e8d3b7e8c72a1e6a2ba9c1dd1e4d38fbb4b5c5b7ba6d6b');
    return (await c.call('PUT', done.toString(), { headers: auth })).status;
  }

  it('blob-upload-invalid-once: the first upload breaks with 404 BLOB_UPLOAD_INVALID, the restart gets through', async () => {
    sim.setScenario('blob-upload-invalid-once');
    const auth = await bearer('repository:hello-world:pull,push');
    expect(await tryUpload(auth)).toBe(404);
    // The second attempt reaches the digest check (the test's digest is deliberately not the chunk's).
    expect(await tryUpload(auth)).toBe(400);
  });

  it('blob-upload-invalid-always: every upload breaks', async () => {
    sim.setScenario('blob-upload-invalid-always');
    const auth = await bearer('repository:hello-world:pull,push');
    expect(await tryUpload(auth)).toBe(404);
    expect(await tryUpload(auth)).toBe(404);
  });
});
