import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Agent, buildConnector, request } from 'undici';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { claims, form, simClient, type SimClient } from './client.js';

const UNAUTHORIZED = {
  errors: [{ code: 'UNAUTHORIZED', message: 'authentication required, visit https://aka.ms/acr/authorization for more information.' }],
};
const OCI_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

let sim: RunningSimulator;
let c: SimClient;
let L: string;

beforeAll(async () => {
  sim = await startSimulator();
  c = simClient(sim);
  L = `https://${sim.loginServer}`;
});
afterAll(async () => {
  await c.close();
  await sim.close();
});

async function refreshToken(audience: 'arm' | 'acr' = 'arm', kind: 'user' | 'service-principal' = 'user'): Promise<string> {
  const r = await c.call(
    'POST',
    `${L}/oauth2/exchange`,
    form({ grant_type: 'access_token', service: sim.loginServer, tenant: sim.fixtures.tenantId, access_token: sim.mintAadToken({ audience, kind }) }),
  );
  expect(r.status).toBe(200);
  return r.json().refresh_token as string;
}

async function accessToken(scope: string): Promise<string> {
  const r = await c.call('POST', `${L}/oauth2/token`, form({ grant_type: 'refresh_token', service: sim.loginServer, scope, refresh_token: await refreshToken() }));
  expect(r.status).toBe(200);
  return r.json().access_token as string;
}

describe('challenge and token exchange', () => {
  it('GET /v2/ answers 401 with the Bearer challenge and the UNAUTHORIZED body', async () => {
    const r = await c.call('GET', `${L}/v2/`);
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toBe('Bearer realm="https://simreg.azurecr.io/oauth2/token",service="simreg.azurecr.io"');
    expect(r.json()).toEqual(UNAUTHORIZED);
  });

  it('exchanges ARM- and ACR-audience AAD tokens for a refresh token', async () => {
    for (const audience of ['arm', 'acr'] as const) {
      const rt = claims(await refreshToken(audience));
      expect(rt.grant_type).toBe('refresh_token');
      expect(rt.aud).toBe('simreg.azurecr.io');
      expect(rt.tenant).toBe(sim.fixtures.tenantId);
    }
  });

  it('refuses a forged or expired AAD token with 401 UNAUTHORIZED', async () => {
    const forged = sim.mintAadToken({ audience: 'arm' }).replace(/\.[^.]+$/, '.AAAA');
    const expired = sim.mintAadToken({ audience: 'arm', expiresInSec: -60 });
    for (const access_token of [forged, expired, 'not-a-jwt']) {
      const r = await c.call('POST', `${L}/oauth2/exchange`, form({ grant_type: 'access_token', service: sim.loginServer, access_token }));
      expect(r.status).toBe(401);
      expect(r.json()).toEqual(UNAUTHORIZED);
    }
  });

  it('grants what the refresh token asks for, in the access claim', async () => {
    const tok = claims(await accessToken('repository:hello-world:pull,push'));
    expect(tok.access).toEqual([{ type: 'repository', name: 'hello-world', actions: ['pull', 'push'] }]);
    const cat = claims(await accessToken('registry:catalog:*'));
    expect(cat.access).toEqual([{ type: 'registry', name: 'catalog', actions: ['*'] }]);
    const r = await c.call('GET', `${L}/v2/_catalog`, { headers: { authorization: `Bearer ${await accessToken('registry:catalog:*')}` } });
    expect(r.json()).toEqual({ repositories: ['hello-world'] });
  });

  it('issues tokens for the admin user by Basic GET and password POST, and refuses a wrong password', async () => {
    const { adminUsername: u, adminPassword: p } = sim.fixtures;
    const basic = `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
    const get = await c.call('GET', `${L}/oauth2/token?service=simreg.azurecr.io&scope=repository:hello-world:pull`, { headers: { authorization: basic } });
    expect(get.status).toBe(200);
    expect(claims(get.json().access_token).access[0].actions).toEqual(['pull']);
    const post = await c.call('POST', `${L}/oauth2/token`, form({ grant_type: 'password', service: sim.loginServer, scope: 'repository:hello-world:pull,push', username: u, password: p }));
    expect(claims(post.json().access_token).access[0].actions).toEqual(['pull', 'push']);
    const wrong = await c.call('POST', `${L}/oauth2/token`, form({ grant_type: 'password', service: sim.loginServer, scope: 'repository:hello-world:pull', username: u, password: 'nope' }));
    expect(wrong.status).toBe(401);
    expect(wrong.json()).toEqual(UNAUTHORIZED);
  });

  it('refuses anonymous token requests while anonymous pull is off', async () => {
    const r = await c.call('GET', `${L}/oauth2/token?service=simreg.azurecr.io&scope=repository:hello-world:pull`);
    expect(r.status).toBe(401);
    expect(r.json()).toEqual(UNAUTHORIZED);
  });
});

describe('pull', () => {
  it('serves an OCI index with linux/amd64 and linux/arm64 manifests whose digests match their bytes', async () => {
    const auth = { authorization: `Bearer ${await accessToken('repository:hello-world:pull')}` };
    const idx = await c.call('GET', `${L}/v2/hello-world/manifests/latest`, { headers: { ...auth, accept: OCI_ACCEPT } });
    expect(idx.status).toBe(200);
    expect(idx.headers['content-type']).toBe('application/vnd.oci.image.index.v1+json');
    expect(idx.headers['docker-content-digest']).toBe(sha(idx.bytes));
    const platforms = idx.json().manifests.map((m: { platform: { os: string; architecture: string } }) => `${m.platform.os}/${m.platform.architecture}`);
    expect(platforms).toEqual(['linux/amd64', 'linux/arm64']);

    const head = await c.call('HEAD', `${L}/v2/hello-world/manifests/latest`, { headers: { ...auth, accept: OCI_ACCEPT } });
    expect(head.status).toBe(200);
    expect(head.headers['docker-content-digest']).toBe(idx.headers['docker-content-digest']);

    const digest = idx.json().manifests[0].digest as string;
    const img = await c.call('GET', `${L}/v2/hello-world/manifests/${digest}`, { headers: { ...auth, accept: OCI_ACCEPT } });
    expect(sha(img.bytes)).toBe(digest);
    const config = img.json().config as { digest: string; size: number };

    const redirect = await c.call('GET', `${L}/v2/hello-world/blobs/${config.digest}`, { headers: auth });
    expect(redirect.status).toBe(307);
    const loc = new URL(redirect.headers.location!);
    expect(loc.host).toBe(sim.dataHost);
    for (const k of ['se', 'sp', 'sig']) expect(loc.searchParams.get(k)).toBeTruthy();
    const data = await c.call('GET', loc.toString());
    expect(data.status).toBe(200);
    expect(sha(data.bytes)).toBe(config.digest);
    expect(data.bytes.length).toBe(config.size);
    expect(JSON.parse(data.text).architecture).toBe('amd64');

    loc.searchParams.set('sig', 'tampered');
    expect((await c.call('GET', loc.toString())).status).toBe(403);
  });

  it('answers MANIFEST_UNKNOWN when the Accept header rules out OCI indexes', async () => {
    const auth = { authorization: `Bearer ${await accessToken('repository:hello-world:pull')}` };
    const r = await c.call('GET', `${L}/v2/hello-world/manifests/latest`, { headers: { ...auth, accept: 'application/vnd.docker.distribution.manifest.v2+json' } });
    expect(r.status).toBe(404);
    expect(r.json().errors[0].code).toBe('MANIFEST_UNKNOWN');
  });

  it('asks for a token naming the scope, and knows unknown repositories and tags', async () => {
    const none = await c.call('GET', `${L}/v2/hello-world/manifests/latest`);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toContain('scope="repository:hello-world:pull"');
    expect(none.json()).toEqual(UNAUTHORIZED);

    const catalogOnly = await c.call('GET', `${L}/v2/hello-world/manifests/latest`, { headers: { authorization: `Bearer ${await accessToken('registry:catalog:*')}` } });
    expect(catalogOnly.status).toBe(401);
    expect(catalogOnly.headers['www-authenticate']).toContain('error="insufficient_scope"');

    const other = await c.call('GET', `${L}/v2/nope/manifests/latest`, { headers: { authorization: `Bearer ${await accessToken('repository:nope:pull')}` } });
    expect(other.status).toBe(404);
    expect(other.json().errors[0].code).toBe('NAME_UNKNOWN');
    const tag = await c.call('GET', `${L}/v2/hello-world/manifests/v9`, { headers: { authorization: `Bearer ${await accessToken('repository:hello-world:pull')}`, accept: OCI_ACCEPT } });
    expect(tag.status).toBe(404);
    expect(tag.json().errors[0].code).toBe('MANIFEST_UNKNOWN');
  });
});

describe('push', () => {
  it('takes a chunked upload: POST, PATCH, PUT with the digest, then HEAD finds the blob', async () => {
    const auth = { authorization: `Bearer ${await accessToken('repository:scratch/probe:pull,push')}` };
    const bytes = Buffer.from('a tiny test blob\n'.repeat(10));
    const start = await c.call('POST', `${L}/v2/scratch/probe/blobs/uploads/`, { headers: auth });
    expect(start.status).toBe(202);
    const loc1 = new URL(start.headers.location!, L);
    const patch = await c.call('PATCH', loc1.toString(), { headers: { ...auth, 'content-type': 'application/octet-stream' }, body: bytes.subarray(0, 50) });
    expect(patch.status).toBe(202);
    expect(patch.headers.range).toBe('0-49');
    const loc2 = new URL(patch.headers.location!, L);
    loc2.searchParams.set('digest', sha(bytes));
    const put = await c.call('PUT', loc2.toString(), { headers: { ...auth, 'content-type': 'application/octet-stream' }, body: bytes.subarray(50) });
    expect(put.status).toBe(201);
    expect(put.headers['docker-content-digest']).toBe(sha(bytes));
    const head = await c.call('HEAD', `${L}/v2/scratch/probe/blobs/${sha(bytes)}`, { headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(bytes.length));
  });

  it('refuses a PUT whose digest does not match with DIGEST_INVALID', async () => {
    const auth = { authorization: `Bearer ${await accessToken('repository:scratch/probe:pull,push')}` };
    const start = await c.call('POST', `${L}/v2/scratch/probe/blobs/uploads/`, { headers: auth });
    const loc = new URL(start.headers.location!, L);
    loc.searchParams.set('digest', `sha256:${'0'.repeat(64)}`);
    const put = await c.call('PUT', loc.toString(), { headers: auth, body: 'x' });
    expect(put.status).toBe(400);
    expect(put.json().errors[0].code).toBe('DIGEST_INVALID');
  });

  it('needs push in the token for an upload', async () => {
    const auth = { authorization: `Bearer ${await accessToken('repository:scratch/probe:pull')}` };
    const r = await c.call('POST', `${L}/v2/scratch/probe/blobs/uploads/`, { headers: auth });
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toContain('scope="repository:scratch/probe:pull,push"');
  });
});

describe('AAD token endpoint', () => {
  const url = (tenant: string): string => `https://${sim.aadHost}/${tenant}/oauth2/v2.0/token`;
  const creds = (secret: string, scope = 'https://management.azure.com/.default'): ReturnType<typeof form> =>
    form({ grant_type: 'client_credentials', client_id: sim.fixtures.clientId, client_secret: secret, scope });

  it('issues a service-principal token with appid, oid, tid and the asked audience', async () => {
    const r = await c.call('POST', url(sim.fixtures.tenantId), creds(sim.fixtures.clientSecret));
    expect(r.status).toBe(200);
    const tok = claims(r.json().access_token);
    expect(tok).toMatchObject({ appid: sim.fixtures.clientId, oid: sim.fixtures.spObjectId, tid: sim.fixtures.tenantId, aud: 'https://management.core.windows.net/' });
    const acr = await c.call('POST', url(sim.fixtures.tenantId), creds(sim.fixtures.clientSecret, 'https://containerregistry.azure.net/.default'));
    expect(claims(acr.json().access_token).aud).toBe('https://containerregistry.azure.net');
    // ... and the registry accepts it.
    const ex = await c.call('POST', `${L}/oauth2/exchange`, form({ grant_type: 'access_token', service: sim.loginServer, tenant: sim.fixtures.tenantId, access_token: r.json().access_token }));
    expect(ex.status).toBe(200);
  });

  it('says AADSTS7000215 for a wrong secret, AADSTS7000222 for an expired one, AADSTS90002 for an unknown tenant', async () => {
    const wrong = await c.call('POST', url(sim.fixtures.tenantId), creds('wrong'));
    expect(wrong.status).toBe(401);
    expect(wrong.json().error).toBe('invalid_client');
    expect(wrong.json().error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    const expired = await c.call('POST', url(sim.fixtures.tenantId), creds(sim.fixtures.expiredClientSecret));
    expect(expired.json().error_description).toMatch(/^AADSTS7000222/);
    const tenant = await c.call('POST', url('00000000-1111-2222-3333-444444444444'), creds(sim.fixtures.clientSecret));
    expect(tenant.status).toBe(400);
    expect(tenant.json().error_description).toMatch(/^AADSTS90002: Tenant '00000000-1111-2222-3333-444444444444' not found/);
  });
});

describe('traffic accounting', () => {
  it('records each request with its connection, and reuses one keep-alive connection', async () => {
    const own = await startSimulator();
    const connector = buildConnector({ ca: own.caPem });
    const agent = new Agent({
      connections: 1,
      connect: (opts, cb) => connector({ ...opts, hostname: '127.0.0.1', port: String(own.port), servername: opts.hostname }, cb),
    });
    try {
      const L2 = `https://${own.loginServer}`;
      const send = async (method: 'GET' | 'POST', path: string, body?: string): Promise<number> => {
        const r = await request(`${L2}${path}`, {
          method,
          dispatcher: agent,
          body,
          headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
        });
        await r.body.arrayBuffer();
        return r.statusCode;
      };
      expect(await send('GET', '/v2/')).toBe(401);
      const ex = new URLSearchParams({ grant_type: 'access_token', service: own.loginServer, tenant: own.fixtures.tenantId, access_token: own.mintAadToken({ audience: 'arm' }) });
      expect(await send('POST', '/oauth2/exchange', ex.toString())).toBe(200);
      expect(await send('GET', '/oauth2/token?service=simreg.azurecr.io&scope=registry:catalog:*')).toBe(401);
      expect(own.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        'GET /v2/ 401',
        'POST /oauth2/exchange 200',
        'GET /oauth2/token 401',
      ]);
      expect(new Set(own.requests.map((r) => r.connection)).size).toBe(1);
      expect(own.requests.every((r) => r.host === own.loginServer)).toBe(true);
      expect(own.connectionCount()).toBe(1);
    } finally {
      await agent.close();
      await own.close();
    }
  });
});
