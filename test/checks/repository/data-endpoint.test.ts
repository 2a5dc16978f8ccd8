import { describe, expect, it } from 'vitest';
import { createDataEndpointCheck, dataEndpointWildcard, judgeDataEndpoint } from '../../../src/checks/repository/data-endpoint.js';
import type { DataEndpointObservation, DnsData, PullData } from '../../../src/checks/data.js';
import { Secret } from '../../../src/probes/secret.js';
import type { Resolver } from '../../../src/checks/repository/lookup.js';
import { fakeHttp, json, makeCtx, sha } from './helpers.js';

const HOST = 'myreg.eastus.data.azurecr.io';
const SIG = 'dGhpcy1pcy1zZWNyZXQ';
const URL_WITH_SAS = `https://${HOST}/blobs/x?se=1&sp=r&sig=${SIG}`;

function pullData(obs: Partial<DataEndpointObservation> | null): PullData {
  return {
    manifestDigest: sha('m'),
    blobDigest: sha('b'),
    dataEndpointHost: HOST,
    redirectUrl: new Secret(URL_WITH_SAS),
    dataEndpoint: obs ? { host: HOST, port: 443, status: 200, errorKind: null, errorCode: null, bytes: 1, durationMs: 5, digestOk: true, ...obs } : null,
  };
}

const resolveTo =
  (addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: 4 }));
const nxdomain: Resolver = async () => {
  throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
};
const privateLogin: DnsData = { addresses: [{ address: '10.1.0.4', family: 4, private: true }], mappedTo: null, anyPrivate: true };
const publicLogin: DnsData = { addresses: [{ address: '20.62.1.1', family: 4, private: false }], mappedTo: null, anyPrivate: false };

describe('repository.data-endpoint', () => {
  it('reports what pull observed without downloading again', async () => {
    const http = fakeHttp(() => ({ status: 500 }));
    const pull = pullData({ bytes: 321 });
    const ctx = makeCtx({ http, deps: { 'repository.pull': pull, 'registry.dns': publicLogin } });
    const out = await createDataEndpointCheck({ resolver: resolveTo(['20.62.9.9']) }).run(ctx);
    expect(out.status).toBe('pass');
    expect(out.summary).toContain(HOST);
    expect(out.details).toMatchObject({ host: HOST, addresses: ['20.62.9.9'], bytes: 321, observedByPull: true, tls: 'ok' });
    expect(http.requests).toHaveLength(0);
    expect(json(out)).not.toContain(SIG);
  });

  it('downloads again when re-run after it reported', async () => {
    const http = fakeHttp(() => ({ status: 200, body: 'abc' }));
    const pull = { ...pullData({ textual: true }), blobDigest: sha('abc') };
    const check = createDataEndpointCheck({ resolver: resolveTo(['20.62.9.9']) });
    await check.run(makeCtx({ http, deps: { 'repository.pull': pull } }));
    const again = await check.run(makeCtx({ http, deps: { 'repository.pull': pull } }));
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0]!.url).toBe(URL_WITH_SAS);
    expect(http.requests[0]!.headers?.authorization).toBeUndefined();
    expect(again.details).toMatchObject({ observedByPull: false, bytes: 3, digestVerified: true });
  });

  it('fails with DATA_ENDPOINT_ERROR naming the host and the firewall fix when the endpoint is unreachable', async () => {
    const ctx = makeCtx({ deps: { 'repository.pull': pullData({ status: null, errorKind: 'refused', errorCode: 'ECONNREFUSED' }), 'registry.dns': publicLogin } });
    const out = await createDataEndpointCheck({ resolver: resolveTo(['20.62.9.9']) }).run(ctx);
    expect(out).toMatchObject({ status: 'fail', code: 'DATA_ENDPOINT_ERROR' });
    expect(out.summary).toContain(HOST);
    expect(out.summary).toContain('the connection was refused');
    expect(out.details?.errorKind).toBe('refused');
    expect(out.remediations?.map((r) => r.id)).toEqual(['allow-data-endpoint']);
    expect(out.details?.tls).toBe('not-reached');
    expect(out.remediations?.[0]?.title).toContain('*.data.azurecr.io');
  });

  it('points at the private DNS zone when the login server resolves privately and the data endpoint does not', async () => {
    const ctx = makeCtx({ deps: { 'repository.pull': pullData({ status: null, errorKind: 'timeout', errorCode: 'UND_ERR_CONNECT_TIMEOUT' }), 'registry.dns': privateLogin } });
    const out = await createDataEndpointCheck({ resolver: resolveTo(['20.62.9.9']) }).run(ctx);
    expect(out.code).toBe('DATA_ENDPOINT_ERROR');
    const fix = out.remediations?.find((r) => r.id === 'private-dns-record');
    expect(fix?.title).toContain('privatelink.azurecr.io');
    expect(fix?.title).toContain(HOST);
    expect(out.details).toMatchObject({ loginServerResolvedPrivately: true, resolvedPrivately: false });
  });

  it('a missing record in the private zone: no DNS answer while the login server is private', async () => {
    const ctx = makeCtx({ deps: { 'repository.pull': pullData({ status: null, errorKind: 'dns', errorCode: 'ENOTFOUND' }), 'registry.dns': privateLogin } });
    const out = await createDataEndpointCheck({ resolver: nxdomain }).run(ctx);
    expect(out.status).toBe('fail');
    expect(out.remediations?.map((r) => r.id)).toEqual(['private-dns-record', 'lookup-name']);
    expect(out.remediations?.[1]).toMatchObject({ command: ['nslookup', HOST], changes: false });
    expect(out.details?.dnsError).toBe('ENOTFOUND');
  });

  it('on Windows the name is looked up with Resolve-DnsName in PowerShell', async () => {
    const ctx = makeCtx({ deps: { 'repository.pull': pullData({ status: null, errorKind: 'dns', errorCode: 'ENOTFOUND' }), 'registry.dns': privateLogin } });
    ctx.probes.platform = 'win32';
    const out = await createDataEndpointCheck({ resolver: nxdomain }).run(ctx);
    expect(out.remediations?.find((r) => r.id === 'lookup-name')?.command).toEqual(['powershell', '-NoProfile', '-Command', 'Resolve-DnsName', '-Name', HOST]);
  });

  it('warns when downloads work but leave the private network', async () => {
    const ctx = makeCtx({ deps: { 'repository.pull': pullData({}), 'registry.dns': privateLogin } });
    const out = await createDataEndpointCheck({ resolver: resolveTo(['20.62.9.9']) }).run(ctx);
    expect(out).toMatchObject({ status: 'warn', code: 'DATA_ENDPOINT_ERROR' });
  });

  it('honours --connect-to for the data endpoint name', async () => {
    const seen: string[] = [];
    const resolver: Resolver = async (h) => {
      seen.push(h);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const ctx = makeCtx({
      options: { connectTo: [{ host: HOST, port: 443, toHost: '127.0.0.1', toPort: 8443 }] },
      deps: { 'repository.pull': pullData({}), 'registry.dns': privateLogin },
    });
    const out = await createDataEndpointCheck({ resolver }).run(ctx);
    expect(out.status).toBe('pass');
    expect(out.details?.mappedTo).toBe('127.0.0.1:8443');
    expect(seen).toEqual(['127.0.0.1']);
  });

  it('keeps the data endpoint refusal code as evidence', async () => {
    const body = '<?xml version="1.0"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message></Error>';
    const http = fakeHttp(() => ({ status: 403, body }));
    const pull = pullData({});
    pull.dataEndpoint!.reported = true;
    const out = await createDataEndpointCheck({ resolver: resolveTo(['20.62.9.9']) }).run(makeCtx({ http, deps: { 'repository.pull': pull } }));
    expect(out).toMatchObject({ status: 'fail', code: 'DATA_ENDPOINT_ERROR' });
    expect(out.details).toMatchObject({ status: 403, serverCode: 'AuthenticationFailed' });
    expect(json(out)).not.toContain(SIG);
  });

  it('skips honestly when the registry served the blob itself', async () => {
    const pull: PullData = { manifestDigest: null, blobDigest: null, dataEndpointHost: null, redirectUrl: null, dataEndpoint: null };
    const out = await createDataEndpointCheck().run(makeCtx({ deps: { 'repository.pull': pull } }));
    expect(out.status).toBe('skip');
    expect(out.summary).toMatch(/no separate data endpoint/);
  });

  it('judges TLS failures and altered content', () => {
    const dns = { host: HOST, addresses: [], mappedTo: null, anyPrivate: false, error: null };
    const base: DataEndpointObservation = { host: HOST, port: 443, status: null, errorKind: 'tls', errorCode: 'SELF_SIGNED_CERT_IN_CHAIN', bytes: 0, durationMs: 1, digestOk: null };
    expect(judgeDataEndpoint(base, dns, false)).toMatchObject({ status: 'fail', caFix: true });
    expect(judgeDataEndpoint({ ...base, status: 200, errorKind: null, digestOk: false }, dns, false)).toMatchObject({ status: 'fail', key: 'repository.data.digestMismatch' });
    expect(dataEndpointWildcard('myreg.chinanorth.data.azurecr.cn')).toBe('*.data.azurecr.cn');
  });
});
