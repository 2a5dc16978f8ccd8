import { describe, expect, it } from 'vitest';
import { redactDeep, redactText, secretValuesFromEnv } from '../../src/transcript/redact.js';
import { Secret } from '../../src/probes/secret.js';
import { SEED } from './fixture.js';

describe('redactText', () => {
  it('removes a JWT wherever it stands', () => {
    const out = redactText(`token: ${SEED.jwt} end`);
    expect(out).toBe('token: [REDACTED] end');
  });

  it('removes Bearer and Basic credentials but keeps the scheme', () => {
    expect(redactText(`Authorization: Bearer ${SEED.bearer}`)).toBe('Authorization: Bearer [REDACTED]');
    expect(redactText(`authorization: Basic ${SEED.basic}`)).toBe('authorization: Basic [REDACTED]');
    expect(redactText(`curl -H "Authorization: Negotiate YIIabc123=="`)).toBe('curl -H "Authorization: Negotiate [REDACTED]"');
    expect(redactText(`sent Bearer ${SEED.bearer} to the registry`)).toBe('sent Bearer [REDACTED] to the registry');
    expect(redactText(`token_type bearer ${SEED.bearer}`)).toBe('token_type bearer [REDACTED]');
  });

  it('leaves prose and challenge parameters that merely mention a scheme alone', () => {
    const prose = 'Basic authentication failed; the Bearer token flow was used instead.';
    expect(redactText(prose)).toBe(prose);
    const challenge = 'WWW-Authenticate: Bearer realm="https://myreg.azurecr.io/oauth2/token",service="myreg.azurecr.io"';
    expect(redactText(challenge)).toBe(challenge);
    expect(redactText('Authorization: the registry refused the request')).toBe('Authorization: the registry refused the request');
  });

  it('removes token, password and secret fields in JSON, escaped JSON and form bodies', () => {
    expect(redactText(`{"refresh_token":"${SEED.refreshJson}","scope":"repo:x:pull"}`)).toBe(
      '{"refresh_token":"[REDACTED]","scope":"repo:x:pull"}',
    );
    expect(redactText(`{ "accessToken": "abc\\"def", "loginServer": "myreg.azurecr.io" }`)).toBe(
      '{ "accessToken": "[REDACTED]", "loginServer": "myreg.azurecr.io" }',
    );
    expect(redactText(`"{\\"password\\":\\"hunter22\\"}"`)).toBe('"{\\"password\\":\\"[REDACTED]\\"}"');
    expect(redactText(`grant_type=refresh_token&refresh_token=${SEED.refreshForm}&service=myreg`)).toBe(
      'grant_type=refresh_token&refresh_token=[REDACTED]&service=myreg',
    );
    expect(redactText('client_secret=abc123&client_id=app')).toBe('client_secret=[REDACTED]&client_id=app');
    expect(redactText('login with password=hunter22 now')).toBe('login with password=[REDACTED] now');
    expect(redactText('docker login --password=hunter22 -u x')).toBe('docker login --password=[REDACTED] -u x');
  });

  it('removes the SAS signature from a data-endpoint URL and keeps the rest of it', () => {
    const url = `https://acct.blob.core.windows.net/c/b?sv=2021-08-06&se=2026-01-01&sig=${SEED.sasSig}&sr=b`;
    expect(redactText(url)).toBe('https://acct.blob.core.windows.net/c/b?sv=2021-08-06&se=2026-01-01&sig=[REDACTED]&sr=b');
  });

  it('removes the password from a URL with credentials', () => {
    expect(redactText(`via http://bob:${SEED.proxyPassword}@proxy.local:3128/`)).toBe('via http://bob:[REDACTED]@proxy.local:3128/');
  });

  it('removes known secret values as they are, URL-encoded and JSON-escaped', () => {
    const known = ['p@ss word/"x"', SEED.password];
    const text = `a p@ss word/"x" b ${encodeURIComponent('p@ss word/"x"')} c ${JSON.stringify('p@ss word/"x"')} d ${SEED.password}`;
    const out = redactText(text, known);
    expect(out).not.toContain('ss word');
    expect(out).not.toContain(SEED.password);
    expect(out.startsWith('a [REDACTED] b [REDACTED] c ')).toBe(true);
  });

  it('removes a very short known secret only where it stands alone', () => {
    expect(redactText('pw is ab, not cabbage', ['ab'])).toBe('pw is [REDACTED], not cabbage');
  });
});

describe('secretValuesFromEnv', () => {
  it('takes AZURE_CLIENT_SECRET and ACR_DOCTOR_PASSWORD and nothing else', () => {
    const env = { AZURE_CLIENT_SECRET: SEED.clientSecret, ACR_DOCTOR_PASSWORD: SEED.password, HOME: '/home/x', AZURE_CLIENT_ID: 'app' };
    expect(secretValuesFromEnv(env).sort()).toEqual([SEED.clientSecret, SEED.password].sort());
  });
});

describe('redactDeep', () => {
  it('scrubs every string in a nested value, keys included, and serialises Secret as [REDACTED]', () => {
    const value = {
      a: [`Bearer ${SEED.bearer}`, { deep: { url: `https://x/y?sig=${SEED.sasSig}` } }],
      [SEED.password]: 'key holds a secret',
      secret: new Secret(SEED.clientSecret),
      n: 3,
      ok: true,
      none: null,
    };
    const out = redactDeep(value, [SEED.password]);
    const text = JSON.stringify(out);
    for (const s of [SEED.bearer, SEED.sasSig, SEED.password, SEED.clientSecret]) expect(text).not.toContain(s);
    expect(out.n).toBe(3);
    expect(out.ok).toBe(true);
    expect(out.none).toBeNull();
    expect(text).toContain('"secret":"[REDACTED]"');
  });

  it('does not change its input', () => {
    const value = { s: `Bearer ${SEED.bearer}` };
    redactDeep(value);
    expect(value.s).toContain(SEED.bearer);
  });
});

describe('redactText on nested URLs', () => {
  it('removes a SAS signature from a URL-encoded URL inside another URL', () => {
    const inner = encodeURIComponent(`https://acct.blob.core.windows.net/c/b?sv=1&sig=${SEED.sasSig}`);
    expect(redactText(`https://login/redirect?to=${inner}`)).not.toContain('SasSeedSig0x9f');
  });
});

describe('redactDeep on awkward values', () => {
  it('replaces the value of a credential-named key whatever it looks like', () => {
    const out = redactDeep({ headers: { Authorization: 'opaque', 'x-request-id': 'abc' }, password: 'plain', tokenExpiresAt: '2026' });
    expect(out).toEqual({ headers: { Authorization: '[REDACTED]', 'x-request-id': 'abc' }, password: '[REDACTED]', tokenExpiresAt: '2026' });
  });

  it('copes with cycles, bigint and undefined instead of throwing', () => {
    const a: Record<string, unknown> = { n: 10n, u: undefined, s: `Bearer ${SEED.bearer}` };
    a.self = a;
    const shared = { x: 1 };
    const out = redactDeep({ a, list: [shared, shared] }) as { a: Record<string, unknown>; list: unknown[] };
    expect(out.a).toEqual({ n: '10', s: 'Bearer [REDACTED]', self: '[Circular]' });
    expect(out.list).toEqual([{ x: 1 }, { x: 1 }]);
  });
});
