import { describe, expect, it } from 'vitest';
import { refreshTokenCheck } from '../../../src/checks/auth/refresh-token.js';
import type { CredentialData, RefreshTokenData } from '../../../src/checks/data.js';
import { Secret } from '../../../src/probes/secret.js';
import { HttpError } from '../../../src/probes/http-types.js';
import { BEARER, fakeContext, response, type Route } from './fakes.js';

const ARM_TOKEN = 'arm-aad-token-value';
const ACR_TOKEN = 'acr-aad-token-value';

function aad(over: Partial<CredentialData> = {}): CredentialData {
  return {
    kind: 'aad',
    source: 'az',
    aadToken: new Secret(ARM_TOKEN),
    tenantId: 'tenant-1',
    identity: { kind: 'user', name: 'dana', objectId: 'o', tenantId: 'tenant-1', audience: 'https://management.core.windows.net/', expiresAt: null },
    acrAudienceToken: async () => new Secret(ACR_TOKEN),
    ...over,
  };
}

function run(route: Route, cred: CredentialData = aad(), challenge: object = BEARER) {
  const f = fakeContext({ http: route, deps: { 'auth.credential': cred, 'registry.challenge': challenge } });
  return refreshTokenCheck.run(f.ctx).then((out) => ({ out, ...f }));
}

const form = (body: unknown): URLSearchParams => new URLSearchParams(String(body));

describe('auth.refresh-token', () => {
  it('exchanges the AAD token at /oauth2/exchange with service and tenant', async () => {
    const { out, requests } = await run(() => response(200, { refresh_token: 'rt-1' }));
    expect(out.status).toBe('pass');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ url: 'https://simreg.azurecr.io/oauth2/exchange', method: 'POST' });
    const body = form(requests[0]?.body);
    expect(Object.fromEntries(body)).toEqual({ grant_type: 'access_token', service: 'simreg.azurecr.io', tenant: 'tenant-1', access_token: ARM_TOKEN });
    expect((out.data as unknown as RefreshTokenData).refreshToken.reveal()).toBe('rt-1');
    expect(JSON.stringify(out)).not.toContain('rt-1');
  });

  it('does not apply to basic or anonymous credentials, and lets the access token step run', async () => {
    for (const kind of ['basic', 'anonymous'] as const) {
      const { out, requests } = await run(() => response(500, ''), { kind, source: kind, identity: aad().identity });
      expect(out).toMatchObject({ status: 'skip', satisfiesDependents: true });
      expect(out.summary).toMatch(/Does not apply/);
      expect(requests).toHaveLength(0);
    }
  });

  it('does not apply when the registry only asks for Basic credentials', async () => {
    const { out, requests } = await run(() => response(500, ''), aad(), { ...BEARER, scheme: 'basic' });
    expect(out).toMatchObject({ status: 'skip', satisfiesDependents: true });
    expect(out.summary).toMatch(/Basic/);
    expect(requests).toHaveLength(0);
  });

  it('ARM token disallowed, ACR token accepted: warn with both az acr config commands', async () => {
    const { out, requests } = await run((req) =>
      form(req.body).get('access_token') === ARM_TOKEN
        ? response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'arm aad token disallowed' }] })
        : response(200, { refresh_token: 'rt-2' }),
    );
    expect(out).toMatchObject({ status: 'warn', code: 'ARM_TOKEN_DISALLOWED', satisfiesDependents: true });
    expect(out.summary).toMatch(/Resource Manager tokens .* will be refused/);
    expect(requests).toHaveLength(2);
    expect(out.remediations?.map((r) => [r.command, r.changes])).toEqual([
      [['az', 'acr', 'config', 'authentication-as-arm', 'show', '--registry', 'simreg'], false],
      [['az', 'acr', 'config', 'authentication-as-arm', 'update', '--registry', 'simreg', '--status', 'enabled'], true],
    ]);
    expect((out.data as unknown as RefreshTokenData).refreshToken.reveal()).toBe('rt-2');
  });

  it('ARM token disallowed and the ACR-audience retry refused too: fail', async () => {
    const { out } = await run((req) =>
      form(req.body).get('access_token') === ARM_TOKEN
        ? response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'arm aad token disallowed' }] })
        : response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }),
    );
    expect(out).toMatchObject({ status: 'fail', code: 'ARM_TOKEN_DISALLOWED' });
    expect(out.summary).toMatch(/retry .* failed/);
  });

  it('other refusals: CONNECTIVITY_REFRESH_TOKEN_ERROR quoting the registry', async () => {
    const { out } = await run(() => response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'tenant mismatch for this registry' }] }));
    expect(out).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_REFRESH_TOKEN_ERROR' });
    expect(out.summary).toContain('"tenant mismatch for this registry"');
    expect(out.details).toMatchObject({ status: 401, registryCode: 'UNAUTHORIZED' });
  });

  it('a 200 HTML page instead of JSON is a refresh token error that says so', async () => {
    const { out } = await run(() => response(200, '<!DOCTYPE html><html><body>Proxy sign-in</body></html>', { 'content-type': 'text/html' }));
    expect(out).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_REFRESH_TOKEN_ERROR' });
    expect(out.summary).toMatch(/HTML page/);
  });

  it('429 with a long Retry-After: throttled, without waiting', async () => {
    const { out, requests } = await run(() => response(429, { errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] }, { 'retry-after': '60' }));
    expect(out).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_TOOMANYREQUESTS_ERROR' });
    expect(out.details).toMatchObject({ retryAfterSeconds: 60 });
    expect(requests).toHaveLength(1);
  });

  it('429 with a short Retry-After is waited out once', async () => {
    let n = 0;
    const t0 = Date.now();
    const { out, requests } = await run(() => (n++ === 0 ? response(429, '', { 'retry-after': '1' }) : response(200, { refresh_token: 'rt' })));
    expect(out.status).toBe('pass');
    expect(requests).toHaveLength(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it('a connection broken mid-exchange is a refresh token error naming the failure', async () => {
    const { out } = await run(() => {
      throw new HttpError('reset', 'the connection was reset by the peer', 'ECONNRESET', 'https://simreg.azurecr.io/oauth2/exchange');
    });
    expect(out).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_REFRESH_TOKEN_ERROR', details: { transport: 'reset' } });
    expect(out.summary).toMatch(/reset by the peer/);
  });

  it('calls out a clock more than five minutes off the registry', async () => {
    const serverDate = new Date(Date.now() - 10 * 60_000).toUTCString();
    const { out } = await run(() => response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'token expired' }] }), aad(), { ...BEARER, serverDate });
    expect(out.summary).toMatch(/10 minutes ahead of the registry/);
    expect(out.remediations?.[0]?.id).toBe('sync-clock');
    expect(out.details?.clockSkewSeconds).toBeGreaterThan(590);
  });
});
