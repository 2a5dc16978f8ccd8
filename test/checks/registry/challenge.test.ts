import { describe, expect, it } from 'vitest';
import { judgeChallenge, judgeFailure } from '../../../src/checks/registry/challenge.js';
import { HttpError, type HttpResponse } from '../../../src/probes/http-types.js';
import type { LoginServerData } from '../../../src/checks/data.js';
import { sessionOptions, startHttps } from '../../probes/servers.js';
import { runRegistryChain } from '../../probes/harness.js';

const acr: LoginServerData = { loginServer: 'myreg.azurecr.io', host: 'myreg.azurecr.io', port: 443, registryName: 'myreg', baseUrl: 'https://myreg.azurecr.io' };
const other: LoginServerData = { loginServer: 'reg.example.com:5000', host: 'reg.example.com', port: 5000, registryName: null, baseUrl: 'https://reg.example.com:5000' };

function res(status: number, headers: Record<string, string | string[]> = {}, body = ''): HttpResponse {
  return { status, headers, body, truncated: false, url: 'https://myreg.azurecr.io/v2/', durationMs: 5 };
}
const BEARER = 'Bearer realm="https://myreg.azurecr.io/oauth2/token",service="myreg.azurecr.io"';
const DATE = 'Sun, 22 Nov 2026 14:00:00 GMT';

describe('registry.challenge: reading the answer to GET /v2/', () => {
  it('a 401 Bearer challenge with realm and service passes and records them for the auth checks', () => {
    const o = judgeChallenge(res(401, { 'www-authenticate': BEARER, date: DATE }), acr, sessionOptions(), 'linux');
    expect(o.status).toBe('pass');
    expect(o.data).toEqual({
      scheme: 'bearer',
      realm: 'https://myreg.azurecr.io/oauth2/token',
      service: 'myreg.azurecr.io',
      scope: null,
      serverDate: '2026-11-22T14:00:00.000Z',
    });
  });

  it('finds the Bearer challenge among several headers', () => {
    const o = judgeChallenge(res(401, { 'www-authenticate': ['Basic realm="x"', BEARER] }), acr, sessionOptions(), 'linux');
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ scheme: 'bearer', service: 'myreg.azurecr.io' });
  });

  it('403 from the firewall: the client IP goes into az acr network-rule add', () => {
    const body = '{"errors":[{"code":"DENIED","message":"client with IP \'203.0.113.7\' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."}]}';
    const o = judgeChallenge(res(403, { 'content-type': 'application/json' }, body), acr, sessionOptions(), 'linux');
    expect(o).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_FORBIDDEN_ERROR' });
    expect(o.summary).toContain('203.0.113.7');
    expect(o.summary).toContain('myreg.azurecr.io');
    expect(o.details).toMatchObject({ status: 403, clientIp: '203.0.113.7' });
    expect(o.remediations![0]).toMatchObject({
      id: 'allow-client-ip',
      command: ['az', 'acr', 'network-rule', 'add', '--name', 'myreg', '--ip-address', '203.0.113.7'],
      changes: true,
    });
    expect(o.remediations![1]).toMatchObject({ command: ['az', 'acr', 'show', '--name', 'myreg', '--query', 'networkRuleSet'], changes: false });
  });

  it('403 from a registry that is not an ACR: a manual step, no az command', () => {
    const o = judgeChallenge(res(403, {}, '{"errors":[{"code":"DENIED","message":"client with IP \'198.51.100.2\' is not allowed access"}]}'), other, sessionOptions(), 'linux');
    expect(o.code).toBe('CONNECTIVITY_FORBIDDEN_ERROR');
    expect(o.remediations!.every((r) => r.command === null)).toBe(true);
    expect(o.remediations![0]!.title).toContain('198.51.100.2');
  });

  it('200 means the registry asks for no credentials at all', () => {
    const o = judgeChallenge(res(200, { 'content-type': 'application/json' }, '{}'), acr, sessionOptions(), 'linux');
    expect(o).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_CHALLENGE_ERROR', details: { status: 200 } });
    expect(o.summary).toMatch(/without asking for credentials/);
  });

  it('other statuses and a 401 without WWW-Authenticate are challenge errors with the status', () => {
    const o = judgeChallenge(res(502, {}, 'bad gateway'), acr, sessionOptions(), 'linux');
    expect(o).toMatchObject({ code: 'CONNECTIVITY_CHALLENGE_ERROR', details: { status: 502 } });
    expect(o.summary).toContain('502');
    const n = judgeChallenge(res(401, {}, '{}'), acr, sessionOptions(), 'linux');
    expect(n.code).toBe('CONNECTIVITY_CHALLENGE_ERROR');
    expect(n.summary).toMatch(/without a WWW-Authenticate/);
  });

  it('Basic-only is an AAD login error by default, but fine with --auth basic or a --username', () => {
    const basicOnly = res(401, { 'www-authenticate': 'Basic realm="Registry Realm"' });
    const d = judgeChallenge(basicOnly, other, sessionOptions(), 'linux');
    expect(d).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_AAD_LOGIN_ERROR' });
    expect(d.summary).toContain('Registry Realm');
    const b = judgeChallenge(basicOnly, other, sessionOptions({ auth: 'basic' }), 'linux');
    expect(b.status).toBe('pass');
    expect(b.data).toEqual({ scheme: 'basic', realm: 'Registry Realm', service: '', scope: null, serverDate: null });
    expect(judgeChallenge(basicOnly, other, sessionOptions({ username: 'admin' }), 'linux').status).toBe('pass');
    expect(judgeChallenge(basicOnly, other, sessionOptions({ auth: 'az', username: 'admin' }), 'linux').status).toBe('fail');
  });

  it('a Bearer challenge without realm or service is an AAD login error naming what is missing', () => {
    const o = judgeChallenge(res(401, { 'www-authenticate': 'Bearer realm="https://r/token"' }), acr, sessionOptions(), 'linux');
    expect(o).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_AAD_LOGIN_ERROR', details: { missing: ['service'] } });
    expect(o.summary).toContain('service');
  });

  it('429 is throttling, with Retry-After', () => {
    const o = judgeChallenge(res(429, { 'retry-after': '17' }), acr, sessionOptions(), 'linux');
    expect(o).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_TOOMANYREQUESTS_ERROR', details: { retryAfterSeconds: 17 } });
    expect(o.summary).toContain('17 s');
  });

  it('an HTML page from a proxy is named as such', () => {
    const o = judgeChallenge(res(200, { 'content-type': 'text/html' }, '<html><head><title>Access denied by Contoso proxy</title></head></html>'), acr, sessionOptions(), 'linux');
    expect(o.code).toBe('CONNECTIVITY_CHALLENGE_ERROR');
    expect(o.summary).toContain('Access denied by Contoso proxy');
    expect(o.summary).toMatch(/HTML page/);
  });

  it('no answer at all: reset, timeout and refused read differently', () => {
    const summaries = (['reset', 'timeout', 'refused', 'proxy', 'tls'] as const).map(
      (kind) => judgeFailure(new HttpError(kind, `${kind} happened`, undefined, 'https://myreg.azurecr.io/v2/'), acr, 2000, 'linux', null).summary,
    );
    expect(new Set(summaries).size).toBe(5);
    expect(summaries[1]).toContain('2 s');
    for (const s of summaries) expect(s).toContain('myreg.azurecr.io');
  });

  it('speaks Swedish when asked', async () => {
    const { setLang } = await import('../../../src/knowledge/i18n.js');
    setLang('sv');
    try {
      const o = judgeChallenge(res(429, { 'retry-after': '5' }), acr, sessionOptions(), 'linux');
      expect(o.summary).toContain('begränsar antalet anrop');
    } finally {
      setLang('en');
    }
  });
});

describe('registry.challenge over the network', () => {
  it('sends exactly one GET /v2/ and reports a 429 with its Retry-After', async () => {
    const seen: string[] = [];
    const server = await startHttps(
      (req, r) => {
        seen.push(`${req.method} ${req.url}`);
        r.writeHead(429, { 'retry-after': '30', 'content-type': 'application/json' });
        r.end('{"errors":[{"code":"TOOMANYREQUESTS","message":"too many requests"}]}');
      },
      { names: ['myreg.azurecr.io'] },
    );
    try {
      const run = await runRegistryChain('myreg', { caFile: server.caFile, connectTo: [{ host: 'myreg.azurecr.io', port: 443, toHost: '127.0.0.1', toPort: server.port }] });
      const r = run.results['registry.challenge']!;
      expect(r).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_TOOMANYREQUESTS_ERROR', details: { retryAfterSeconds: 30 } });
      expect(seen).toEqual(['GET /v2/']);
      expect(run.stats.requests).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('registry.challenge: HTML bodies', () => {
  it('a 401 with a Bearer challenge passes even when its body is HTML', () => {
    const o = judgeChallenge(res(401, { 'www-authenticate': BEARER, 'content-type': 'text/html' }, '<html><title>Unauthorized</title></html>'), acr, sessionOptions(), 'linux');
    expect(o.status).toBe('pass');
  });
});
