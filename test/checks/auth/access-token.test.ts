import { describe, expect, it } from 'vitest';
import { accessTokenCheck } from '../../../src/checks/auth/access-token.js';
import type { AccessTokenData, CredentialData } from '../../../src/checks/data.js';
import { Secret } from '../../../src/probes/secret.js';
import type { SessionOptions } from '../../../src/engine/types.js';
import { BEARER, fakeContext, fakeJwt, response, type Route } from './fakes.js';

const identity = { kind: 'user' as const, name: 'dana', objectId: 'oid-9', tenantId: 't', audience: null, expiresAt: null };
const AAD: CredentialData = { kind: 'aad', source: 'az', aadToken: new Secret('aad'), tenantId: 't', identity };
const BASIC: CredentialData = { kind: 'basic', source: 'basic', username: 'simreg', password: new Secret('hunter22'), identity: { ...identity, kind: 'basic', name: 'simreg' } };
const ANON: CredentialData = { kind: 'anonymous', source: 'anonymous', identity: { ...identity, kind: 'anonymous', name: null } };

const registryToken = (access: unknown[]): string => fakeJwt({ iss: 'Azure Container Registry', access, exp: Math.floor(Date.now() / 1000) + 3000 });

function run(route: Route, cred: CredentialData, opts: Partial<SessionOptions> = {}, challenge: object = BEARER) {
  const f = fakeContext({
    http: route,
    options: opts,
    deps: { 'auth.credential': cred, 'registry.challenge': challenge, 'auth.refresh-token': cred.kind === 'aad' ? { refreshToken: new Secret('rt-7') } : {} },
  });
  return accessTokenCheck.run(f.ctx).then((out) => ({ out, ...f }));
}

describe('auth.access-token with AAD', () => {
  it('trades the refresh token for a catalog token at the realm', async () => {
    const token = registryToken([{ type: 'registry', name: 'catalog', actions: ['*'] }]);
    const { out, requests } = await run(() => response(200, { access_token: token }), AAD);
    expect(out.status).toBe('pass');
    expect(requests[0]).toMatchObject({ url: 'https://simreg.azurecr.io/oauth2/token', method: 'POST' });
    expect(Object.fromEntries(new URLSearchParams(String(requests[0]?.body)))).toEqual({
      grant_type: 'refresh_token',
      service: 'simreg.azurecr.io',
      scope: 'registry:catalog:*',
      refresh_token: 'rt-7',
    });
    const data = out.data as unknown as AccessTokenData;
    expect(data.authorization.reveal()).toBe(`Bearer ${token}`);
    expect(String(data.authorization)).toBe('[REDACTED]');
    expect(JSON.stringify(out)).not.toContain(token);
  });

  it('asks for pull,push on the repository with --push and warns about a missing action', async () => {
    const token = registryToken([{ type: 'repository', name: 'team/app', actions: ['pull'] }]);
    const { out, requests } = await run(() => response(200, { access_token: token }), AAD, { repository: { name: 'team/app', tag: 'latest' }, push: true });
    expect(new URLSearchParams(String(requests[0]?.body)).get('scope')).toBe('repository:team/app:pull,push');
    expect(out).toMatchObject({ status: 'warn', code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR' });
    expect(out.summary).toMatch(/does not allow push .*401 or 403/);
    expect(out.details).toMatchObject({ missing: ['push'] });
    expect(out.remediations?.map((r) => r.id)).toEqual(['show-registry-id', 'assign-role']);
    expect(out.remediations?.[1]?.title).toContain('AcrPush');
    // Looking up the id changes nothing; assigning a role does.
    expect(out.remediations?.map((r) => r.changes)).toEqual([false, true]);
  });

  it('a refused token request quotes the registry', async () => {
    const { out } = await run(() => response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }), AAD);
    expect(out).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR' });
    expect(out.summary).toContain('"authentication required"');
  });

  it('429 on the token endpoint is throttling', async () => {
    const { out } = await run(() => response(429, '', { 'retry-after': '30' }), AAD);
    expect(out).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_TOOMANYREQUESTS_ERROR' });
  });
});

describe('auth.access-token with basic credentials', () => {
  it('GETs the realm with Basic credentials and the scope in the query', async () => {
    const token = registryToken([{ type: 'registry', name: 'catalog', actions: ['*'] }]);
    const { out, requests } = await run(() => response(200, { access_token: token }), BASIC);
    expect(out.status).toBe('pass');
    const url = new URL(requests[0]!.url);
    expect(url.searchParams.get('scope')).toBe('registry:catalog:*');
    expect(url.searchParams.get('service')).toBe('simreg.azurecr.io');
    expect(requests[0]?.headers?.authorization).toBe(`Basic ${Buffer.from('simreg:hunter22').toString('base64')}`);
    expect(JSON.stringify(out)).not.toContain('hunter22');
  });

  it('a refused password says which user and suggests the admin user checks', async () => {
    const { out } = await run(() => response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }), BASIC);
    expect(out).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR' });
    expect(out.summary).toMatch(/refused the user name simreg or its password.*admin user disabled/);
    expect(out.remediations?.map((r) => r.id)).toEqual(['show-admin-user', 'enable-admin-user']);
  });

  it('a refused repository-scoped token points at the token, not the admin user', async () => {
    const token: CredentialData = { ...BASIC, username: 'ci-pull-token' };
    const { out } = await run(() => response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }), token);
    expect(out.remediations?.map((r) => r.command)).toEqual([['az', 'acr', 'token', 'show', '--name', 'ci-pull-token', '--registry', 'simreg']]);
  });

  it('a Basic-only registry: GET /v2/ with the credentials', async () => {
    const basic = { ...BEARER, scheme: 'basic', realm: '', service: '' };
    const ok = await run(() => response(200, '{}'), BASIC, {}, basic);
    expect(ok.out.status).toBe('pass');
    expect(ok.requests[0]?.url).toBe('https://simreg.azurecr.io/v2/');
    expect((ok.out.data as unknown as AccessTokenData).authorization.reveal()).toMatch(/^Basic /);
    const bad = await run(() => response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }), BASIC, {}, basic);
    expect(bad.out).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR' });
  });
});

describe('auth.access-token anonymously', () => {
  it('refused: ANONYMOUS_PULL_DISABLED with the az acr update fix that changes the registry', async () => {
    const { out, requests } = await run(() => response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }), ANON, { repository: { name: 'hello-world', tag: 'latest' } });
    expect(requests[0]?.headers?.authorization).toBeUndefined();
    expect(out).toMatchObject({ status: 'fail', code: 'ANONYMOUS_PULL_DISABLED' });
    expect(out.remediations?.[0]).toMatchObject({ command: ['az', 'acr', 'update', '--name', 'simreg', '--anonymous-pull-enabled', 'true'], changes: true });
    expect(out.remediations?.some((r) => r.id === 'az-login')).toBe(true);
  });

  it('granted pull on the repository: pass', async () => {
    const token = registryToken([{ type: 'repository', name: 'hello-world', actions: ['pull'] }]);
    const { out } = await run(() => response(200, { access_token: token }), ANON, { repository: { name: 'hello-world', tag: 'latest' } });
    expect(out.status).toBe('pass');
  });

  it('without --repository: an anonymous token passes and says a repository is needed to test a pull', async () => {
    const { out } = await run(() => response(200, { access_token: registryToken([]) }), ANON);
    expect(out.status).toBe('pass');
    expect(out.summary).toMatch(/--repository/);
  });

  it('a token without pull means anonymous pull is off', async () => {
    const token = registryToken([]);
    const { out } = await run(() => response(200, { access_token: token }), ANON, { repository: { name: 'hello-world', tag: 'latest' } });
    expect(out).toMatchObject({ status: 'fail', code: 'ANONYMOUS_PULL_DISABLED' });
  });
});
