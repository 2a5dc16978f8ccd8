import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { runRegistryChain } from '../../probes/harness.js';
import { startHttps, type TestServer } from '../../probes/servers.js';
import { generateTestCert, freePort } from '../../support/distribution.js';
import { hasTinyproxy, startTinyproxy } from '../../support/proxy.js';
import { requireTool } from '../../support/tools.js';
import { loginServerCheck } from '../../../src/checks/registry/login-server.js';
import { dnsCheck } from '../../../src/checks/registry/dns.js';
import { tlsCheck } from '../../../src/checks/registry/tls.js';
import { challengeCheck } from '../../../src/checks/registry/challenge.js';

const DAY = 86_400_000;
const tlsChain = { checks: [loginServerCheck, dnsCheck, tlsCheck] };
const to = (port: number) => [{ host: 'myreg.azurecr.io', port: 443, toHost: '127.0.0.1', toPort: port }];
const answer401 = (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(401, { 'www-authenticate': 'Bearer realm="https://myreg.azurecr.io/oauth2/token",service="myreg.azurecr.io"' });
  res.end('{}');
};

describe('registry.tls against local TLS servers', () => {
  let good: TestServer;
  beforeAll(async () => {
    good = await startHttps(answer401, { names: ['myreg.azurecr.io'] });
  });
  afterAll(async () => good.close());

  it('passes with protocol, subject, issuer and validity, and hands its connection to the challenge', async () => {
    const run = await runRegistryChain('myreg', { caFile: good.caFile, connectTo: to(good.port) }, { checks: [loginServerCheck, dnsCheck, tlsCheck, challengeCheck] });
    const r = run.results['registry.tls']!;
    expect(r.status).toBe('pass');
    expect(r.details).toMatchObject({ protocol: expect.stringMatching(/^TLSv1\.[23]$/), subject: 'CN=myreg.azurecr.io', connectionReused: true });
    expect(r.summary).toContain('myreg.azurecr.io');
    expect(run.results['registry.challenge']!.status).toBe('pass');
    expect(run.stats).toEqual({ requests: 1, connections: { 'myreg.azurecr.io:443': 1 } });
  });

  it('names the issuer of an untrusted certificate and suggests --ca-file or NO_PROXY', async () => {
    const run = await runRegistryChain('myreg', { connectTo: to(good.port) }, tlsChain);
    const r = run.results['registry.tls']!;
    expect(r.status).toBe('fail');
    expect(r.code).toBe('CONNECTIVITY_SSL_ERROR');
    expect(r.summary).toContain('"myreg.azurecr.io"');
    expect(r.summary).toMatch(/inspects TLS/);
    expect(r.details).toMatchObject({ failure: 'unknown-issuer', issuerName: 'myreg.azurecr.io' });
    const titles = r.remediations.map((x) => x.title).join('\n');
    expect(titles).toContain('--ca-file');
    expect(titles).toContain('NODE_EXTRA_CA_CERTS');
    expect(titles).toContain('NO_PROXY');
    const show = r.remediations.find((x) => x.id === 'show-certificate')!;
    expect(show.command).toEqual(['openssl', 's_client', '-connect', `127.0.0.1:${good.port}`, '-servername', 'myreg.azurecr.io', '-showcerts']);
  });

  it('reports a certificate for another name as a name mismatch', async () => {
    const other = await startHttps(answer401, { names: ['someone-else.example'] });
    try {
      const run = await runRegistryChain('myreg', { caFile: other.caFile, connectTo: to(other.port) }, tlsChain);
      const r = run.results['registry.tls']!;
      expect(r).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_SSL_ERROR' });
      expect(r.details.failure).toBe('name-mismatch');
      expect(r.summary).toContain('someone-else.example');
    } finally {
      await other.close();
    }
  });

  it('fails an expired certificate and warns about one that expires within 14 days', async () => {
    const expired = await startHttps(answer401, {
      cert: await generateTestCert({ dns: ['myreg.azurecr.io'], notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - DAY) }),
    });
    const soon = await startHttps(answer401, {
      cert: await generateTestCert({ dns: ['myreg.azurecr.io'], notAfter: new Date(Date.now() + 5 * DAY + 3_600_000) }),
    });
    try {
      const a = (await runRegistryChain('myreg', { caFile: expired.caFile, connectTo: to(expired.port) }, tlsChain)).results['registry.tls']!;
      expect(a).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_SSL_ERROR' });
      expect(a.details.failure).toBe('expired');
      expect(a.summary).toMatch(/expired/);
      const b = (await runRegistryChain('myreg', { caFile: soon.caFile, connectTo: to(soon.port) }, tlsChain)).results['registry.tls']!;
      expect(b.status).toBe('warn');
      expect(b.details.daysLeft).toBe(5);
      expect(b.summary).toMatch(/expires in 5 days/);
    } finally {
      await expired.close();
      await soon.close();
    }
  });

  it('reports a connection cut during the handshake, and a refused port', async () => {
    const sockets = new Set<Socket>();
    const cutter: NetServer = createNetServer((s) => {
      sockets.add(s);
      s.once('data', () => s.resetAndDestroy());
    });
    await new Promise<void>((r) => cutter.listen(0, '127.0.0.1', r));
    const port = (cutter.address() as { port: number }).port;
    try {
      const r = (await runRegistryChain('myreg', { connectTo: to(port) }, tlsChain)).results['registry.tls']!;
      expect(r).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_SSL_ERROR' });
      expect(r.summary).toMatch(/cut during the TLS handshake/);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => cutter.close(() => r()));
    }
    const closed = await freePort();
    const refused = (await runRegistryChain('myreg', { connectTo: to(closed) }, tlsChain)).results['registry.tls']!;
    expect(refused.summary).toContain(`127.0.0.1:${closed}`);
    expect(refused.remediations.some((x) => x.id === 'check-connect-to')).toBe(true);
  });
});

describe('registry.tls through a real proxy (tinyproxy)', () => {
  const run = requireTool(hasTinyproxy(), 'tinyproxy');
  let good: TestServer;
  beforeAll(async () => {
    if (run) good = await startHttps(answer401, { names: ['myreg.azurecr.io'] });
  });
  afterAll(async () => good?.close());

  it.skipIf(!run)('handshakes through the CONNECT tunnel and says which proxy carried it', async () => {
    const proxy = await startTinyproxy();
    try {
      const res = await runRegistryChain(
        'myreg',
        { caFile: good.caFile, connectTo: to(good.port) },
        { checks: [loginServerCheck, dnsCheck, tlsCheck, challengeCheck], env: { HTTPS_PROXY: proxy.url } },
      );
      expect(res.results['registry.tls']!.status).toBe('pass');
      expect(res.results['registry.tls']!.details.proxy).toBe(proxy.url);
      expect(res.results['registry.challenge']!.status).toBe('pass');
      expect(res.stats.connections).toEqual({ 'myreg.azurecr.io:443': 1 });
      expect(proxy.log()).toMatch(/CONNECT/);
    } finally {
      await proxy.close();
    }
  });

  it.skipIf(!run)('a proxy that refuses CONNECT gets its own message, without the proxy password', async () => {
    const proxy = await startTinyproxy({ connectPorts: [443], basicAuth: { username: 'corp', password: 'Pr0xyPass' } });
    try {
      const res = await runRegistryChain('myreg', { caFile: good.caFile, connectTo: to(good.port) }, { ...tlsChain, env: { https_proxy: proxy.url } });
      const r = res.results['registry.tls']!;
      expect(r).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_SSL_ERROR' });
      expect(r.summary).toMatch(/proxy .* refused to open a tunnel/);
      expect(r.summary).toContain(`http://127.0.0.1:${proxy.port}`);
      expect(r.details.proxyStatus).toBe(403);
      expect(JSON.stringify(r)).not.toContain('Pr0xyPass');
      expect(r.remediations.map((x) => x.title).join(' ')).toContain('NO_PROXY');
    } finally {
      await proxy.close();
    }
  });
});
