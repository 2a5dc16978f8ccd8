import { describe, expect, it } from 'vitest';
import { credentialCheck } from '../../../src/checks/auth/credential.js';
import type { CredentialData } from '../../../src/checks/data.js';
import { Secret } from '../../../src/probes/secret.js';
import { fakeContext, fakeJwt, response } from './fakes.js';

const future = Math.floor(Date.now() / 1000) + 3600;
const userToken = fakeJwt({ upn: 'dana@contoso.example', oid: 'oid-1', tid: 'tenant-1', aud: 'https://management.core.windows.net/', exp: future });
const azJson = (token: string): string => JSON.stringify({ accessToken: token, expiresOn: '2026-11-22 16:00:00.000000', expires_on: future, tenant: 'tenant-1', tokenType: 'Bearer' });

describe('auth.credential with the Azure CLI', () => {
  it('shows who is signed in from the token claims, never the token', async () => {
    const f = fakeContext({ options: { auth: 'az' }, process: () => ({ exitCode: 0, stdout: azJson(userToken) }) });
    const out = await credentialCheck.run(f.ctx);
    expect(out.status).toBe('pass');
    expect(out.details?.identity).toMatchObject({ kind: 'user', name: 'dana@contoso.example', objectId: 'oid-1', tenantId: 'tenant-1', audience: 'https://management.core.windows.net/' });
    expect(out.summary).toContain('dana@contoso.example');
    expect(out.summary).toContain('Azure Resource Manager');
    expect(f.processes[0]).toEqual(['az', 'account', 'get-access-token', '--output', 'json']);
    const data = out.data as unknown as CredentialData;
    expect(data.aadToken).toBeInstanceOf(Secret);
    expect(JSON.stringify(out)).not.toContain(userToken);
    expect(f.logs.join('\n')).not.toContain(userToken);
  });

  it('asks az for an ACR-audience token when the exchange needs one', async () => {
    const acrToken = fakeJwt({ aud: 'https://containerregistry.azure.net', exp: future });
    const f = fakeContext({
      options: { auth: 'az' },
      process: (argv) => ({ exitCode: 0, stdout: azJson(argv.includes('--resource') ? acrToken : userToken) }),
    });
    const data = (await credentialCheck.run(f.ctx)).data as unknown as CredentialData;
    const token = await data.acrAudienceToken!(new AbortController().signal);
    expect(token.reveal()).toBe(acrToken);
    expect(f.processes[1]).toEqual(['az', 'account', 'get-access-token', '--resource', 'https://containerregistry.azure.net', '--output', 'json']);
  });

  it('logged out: AAD_TOKEN_ERROR with az login marked interactive', async () => {
    const f = fakeContext({ options: { auth: 'az' }, process: () => ({ exitCode: 1, stderr: "ERROR: Please run 'az login' to setup account." }) });
    const out = await credentialCheck.run(f.ctx);
    expect(out).toMatchObject({ status: 'fail', code: 'AAD_TOKEN_ERROR' });
    expect(out.summary).toMatch(/not signed in/);
    expect(out.remediations?.[0]).toMatchObject({ command: ['az', 'login'], interactive: true });
  });

  it('expired sign-in: explains AADSTS700082 and offers az login for the tenant az names', async () => {
    const stderr =
      'ERROR: AADSTS700082: The refresh token has expired due to inactivity. Trace ID: x\nInteractive authentication is needed. Please run:\naz login --tenant 72f988bf-86f1-41af-91ab-2d7cd011db47';
    const f = fakeContext({ options: { auth: 'az' }, process: () => ({ exitCode: 1, stderr }) });
    const out = await credentialCheck.run(f.ctx);
    expect(out).toMatchObject({ status: 'fail', code: 'AAD_TOKEN_ERROR' });
    expect(out.summary).toMatch(/expired/);
    expect(out.details).toMatchObject({ aadsts: 'AADSTS700082', failure: 'expired' });
    expect(out.remediations?.[0]?.command).toEqual(['az', 'login', '--tenant', '72f988bf-86f1-41af-91ab-2d7cd011db47']);
  });

  it('az missing: AAD_TOKEN_ERROR that says so', async () => {
    const f = fakeContext({ options: { auth: 'az' }, process: () => ({ notFound: true }) });
    const out = await credentialCheck.run(f.ctx);
    expect(out).toMatchObject({ status: 'fail', code: 'AAD_TOKEN_ERROR' });
    expect(out.summary).toMatch(/not installed/);
    // Linux has no single package command for az: its install docs, then another --auth, then sign-in.
    expect(out.remediations?.map((r) => r.id)).toEqual(['install-az', 'other-auth', 'az-login']);
    expect(out.remediations?.[0]).toMatchObject({ command: null, docs: expect.stringContaining('install-azure-cli') });
  });

  it('a token that already expired is called out', async () => {
    const old = fakeJwt({ upn: 'dana@contoso.example', tid: 't', exp: Math.floor(Date.now() / 1000) - 60 });
    const f = fakeContext({ options: { auth: 'az' }, process: () => ({ exitCode: 0, stdout: JSON.stringify({ accessToken: old, tenant: 't' }) }) });
    const out = await credentialCheck.run(f.ctx);
    expect(out).toMatchObject({ status: 'fail', code: 'AAD_TOKEN_ERROR' });
    expect(out.summary).toMatch(/expired at/);
  });
});

describe('auth.credential with a service principal from the environment', () => {
  const env = { AZURE_CLIENT_ID: '11111111-2222-3333-4444-555555555555', AZURE_CLIENT_SECRET: 'sup3r~secret', AZURE_TENANT_ID: 'contoso.onmicrosoft.com' };
  const spToken = fakeJwt({ appid: env.AZURE_CLIENT_ID, idtyp: 'app', oid: 'sp-oid', tid: 'tid-1', aud: 'https://management.azure.com', exp: future });

  it('gets a client-credentials token from the cloud authority', async () => {
    const f = fakeContext({ env, http: () => response(200, { access_token: spToken, token_type: 'Bearer', expires_in: 3599 }) });
    const out = await credentialCheck.run(f.ctx);
    expect(out.status).toBe('pass');
    expect(out.details?.identity).toMatchObject({ kind: 'service-principal', name: env.AZURE_CLIENT_ID, objectId: 'sp-oid' });
    expect(f.requests[0]?.url).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token');
    const body = new URLSearchParams(String(f.requests[0]?.body));
    expect(body.get('grant_type')).toBe('client_credentials');
    expect(body.get('scope')).toBe('https://management.azure.com/.default');
    expect(JSON.stringify(out)).not.toContain('sup3r~secret');
  });

  it('a wrong client secret: creating a new one is a change, listing the existing ones is not', async () => {
    const body = { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] };
    const out = await credentialCheck.run(fakeContext({ env, http: () => response(401, body) }).ctx);
    expect(out.remediations?.map((r) => [r.id, r.changes])).toEqual([
      ['new-client-secret', true],
      ['list-client-secrets', false],
    ]);
  });

  it('uses the sovereign cloud authority, or AZURE_AUTHORITY_HOST when set', async () => {
    const china = fakeContext({ env, options: { cloud: 'AzureChinaCloud' }, http: () => response(200, { access_token: spToken }) });
    await credentialCheck.run(china.ctx);
    expect(china.requests[0]?.url).toMatch(/^https:\/\/login\.chinacloudapi\.cn\//);
    expect(new URLSearchParams(String(china.requests[0]?.body)).get('scope')).toBe('https://management.chinacloudapi.cn/.default');
    const custom = fakeContext({ env: { ...env, AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us/' }, http: () => response(200, { access_token: spToken }) });
    await credentialCheck.run(custom.ctx);
    expect(custom.requests[0]?.url).toMatch(/^https:\/\/login\.microsoftonline\.us\/contoso/);
  });

  it('asks for a registry-scoped token when the exchange needs an ACR audience', async () => {
    const f = fakeContext({ env, http: () => response(200, { access_token: spToken }) });
    const data = (await credentialCheck.run(f.ctx)).data as unknown as CredentialData;
    await data.acrAudienceToken!(new AbortController().signal);
    expect(new URLSearchParams(String(f.requests[1]?.body)).get('scope')).toBe('https://containerregistry.azure.net/.default');
  });

  it.each([
    ['7000215', /client secret is wrong/],
    ['7000222', /client secret has expired/],
    ['90002', /tenant does not exist/],
    ['700016', /no application with this client ID/],
  ])('AADSTS%s is shown with its meaning', async (code, meaning) => {
    const body = { error: 'invalid_client', error_description: `AADSTS${code}: something. Trace ID: abc`, error_codes: [Number(code)] };
    const f = fakeContext({ env, http: () => response(code === '90002' ? 400 : 401, body) });
    const out = await credentialCheck.run(f.ctx);
    expect(out).toMatchObject({ status: 'fail', code: 'AAD_TOKEN_ERROR' });
    expect(out.summary).toContain(`AADSTS${code}`);
    expect(out.summary).toMatch(meaning);
    expect(JSON.stringify(out)).not.toContain('sup3r~secret');
  });

  it('names the missing variables when --auth env is asked for without them', async () => {
    const f = fakeContext({ options: { auth: 'env' }, env: { AZURE_CLIENT_ID: 'x' } });
    const out = await credentialCheck.run(f.ctx);
    expect(out).toMatchObject({ status: 'fail', code: 'AAD_TOKEN_ERROR' });
    expect(out.summary).toContain('AZURE_CLIENT_SECRET, AZURE_TENANT_ID');
    expect(f.requests).toHaveLength(0);
  });
});

describe('auth.credential with basic and anonymous', () => {
  it('basic without a password is BASIC_CREDENTIALS_ERROR', async () => {
    const out = await credentialCheck.run(fakeContext({ options: { auth: 'basic', username: 'simreg' } }).ctx);
    expect(out).toMatchObject({ status: 'fail', code: 'BASIC_CREDENTIALS_ERROR' });
    expect(out.summary).toMatch(/password-stdin|ACR_DOCTOR_PASSWORD/);
  });

  it('basic with a password passes and keeps the password in a Secret', async () => {
    const out = await credentialCheck.run(fakeContext({ options: { auth: 'auto', username: 'simreg', password: new Secret('pa55word!') } }).ctx);
    expect(out.status).toBe('pass');
    expect(out.details?.identity).toMatchObject({ kind: 'basic', name: 'simreg' });
    expect(JSON.stringify(out)).not.toContain('pa55word!');
  });

  it('anonymous when nothing else is available, saying why', async () => {
    const out = await credentialCheck.run(fakeContext({ env: { PATH: '/nonexistent' } }).ctx);
    expect(out.status).toBe('pass');
    expect(out.details?.identity).toMatchObject({ kind: 'anonymous' });
    expect(out.summary).toMatch(/No user name/);
  });
});
