import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/probes/http.js';
import { HttpError } from '../../src/probes/http-types.js';
import { startHttps, startHttp, sessionOptions, type TestServer } from './servers.js';
import { startTinyproxy, hasTinyproxy } from '../support/proxy.js';
import { requireTool } from '../support/tools.js';
import { freePort } from '../support/distribution.js';

const NO_PROXY_ENV = {};

async function failure(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    return e as HttpError;
  }
  throw new Error('expected the request to fail');
}

describe('HTTP client against a local HTTPS server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startHttps((req, res) => {
      if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.alloc(2 * 1024 * 1024, 'a'));
      } else if (req.url === '/redirect') {
        res.writeHead(307, { location: 'https://data.test/blob?sig=SECRETSIG&se=1' });
        res.end();
      } else if (req.url === '/reset') {
        req.socket.destroy();
      } else if (req.url === '/hang') {
        // never answers
      } else {
        res.writeHead(401, { 'www-authenticate': 'Bearer realm="https://reg.test/oauth2/token",service="reg.test"', 'set-cookie': 'session=abc123' });
        res.end(JSON.stringify({ host: req.headers.host }));
      }
    });
  });
  afterAll(async () => server.close());

  const mapped = () => sessionOptions({ caFile: server.caFile, connectTo: [{ host: 'reg.test', port: 443, toHost: '127.0.0.1', toPort: server.port }] });

  it('keeps one connection for many requests to the same origin (keep-alive)', async () => {
    const before = server.connections();
    const client = createHttpClient(mapped(), NO_PROXY_ENV);
    for (let i = 0; i < 5; i++) {
      const res = await client.request({ url: 'https://reg.test/v2/' });
      expect(res.status).toBe(401);
    }
    expect(client.stats()).toEqual({ requests: 5, connections: { 'reg.test:443': 1 } });
    expect(server.connections() - before).toBe(1);
    await client.close();
  });

  it('--connect-to dials the mapped address but keeps SNI and Host as the registry name', async () => {
    const client = createHttpClient(mapped(), NO_PROXY_ENV);
    const res = await client.request({ url: 'https://reg.test/v2/' });
    expect(JSON.parse(res.body)).toEqual({ host: 'reg.test' });
    expect(server.servernames.at(-1)).toBe('reg.test');
    expect(res.headers['www-authenticate']).toContain('realm=');
    await client.close();
  });

  it('caps bodies at 1 MiB by default and at maxBodyBytes when asked', async () => {
    const client = createHttpClient(mapped(), NO_PROXY_ENV);
    const big = await client.request({ url: 'https://reg.test/big' });
    expect(big.truncated).toBe(true);
    expect(big.body.length).toBe(1024 * 1024);
    const small = await client.request({ url: 'https://reg.test/big', maxBodyBytes: 10 });
    expect(small.body).toBe('aaaaaaaaaa');
    await client.close();
  });

  it('returns a redirect instead of following it', async () => {
    const client = createHttpClient(mapped(), NO_PROXY_ENV);
    const res = await client.request({ url: 'https://reg.test/redirect' });
    expect(res.status).toBe(307);
    expect(res.headers.location).toContain('data.test');
    await client.close();
  });

  it('rejects the certificate without the CA file and accepts it with NODE_EXTRA_CA_CERTS', async () => {
    const opts = { ...mapped(), caFile: null };
    const strict = createHttpClient(opts, NO_PROXY_ENV);
    const err = await failure(strict.request({ url: 'https://reg.test/v2/' }));
    expect(err.kind).toBe('tls');
    expect(err.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    await strict.close();
    const extra = createHttpClient(opts, { NODE_EXTRA_CA_CERTS: server.caFile });
    expect((await extra.request({ url: 'https://reg.test/v2/' })).status).toBe(401);
    await extra.close();
  });

  it('reports a name mismatch as a TLS error', async () => {
    const client = createHttpClient(
      sessionOptions({ caFile: server.caFile, connectTo: [{ host: 'other.test', port: 443, toHost: '127.0.0.1', toPort: server.port }] }),
      NO_PROXY_ENV,
    );
    const err = await failure(client.request({ url: 'https://other.test/v2/' }));
    expect(err.kind).toBe('tls');
    expect(err.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    await client.close();
  });

  it('classifies a reset, a refused port and a timeout', async () => {
    const client = createHttpClient(mapped(), NO_PROXY_ENV);
    expect((await failure(client.request({ url: 'https://reg.test/reset' }))).kind).toBe('reset');
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('timed out after 0.3 s')), 300);
    expect((await failure(client.request({ url: 'https://reg.test/hang', signal: ac.signal }))).kind).toBe('timeout');
    const ac2 = new AbortController();
    setTimeout(() => ac2.abort(new Error('interrupted')), 100);
    expect((await failure(client.request({ url: 'https://reg.test/hang', signal: ac2.signal }))).kind).toBe('aborted');
    await client.close();
    const closedPort = await freePort();
    const refused = createHttpClient(sessionOptions({ connectTo: [{ host: 'reg.test', port: 443, toHost: '127.0.0.1', toPort: closedPort }] }), {});
    expect((await failure(refused.request({ url: 'https://reg.test/v2/' }))).kind).toBe('refused');
    await refused.close();
  });

  it('logs exchanges for --verbose with credentials, cookies and SAS signatures redacted', async () => {
    const lines: string[] = [];
    const client = createHttpClient(mapped(), NO_PROXY_ENV, (l) => lines.push(l));
    await client.request({ url: 'https://reg.test/v2/', headers: { authorization: 'Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl' } });
    await client.request({ url: 'https://reg.test/redirect?sig=abcdef123' });
    const text = lines.join('\n');
    expect(text).toContain('GET https://reg.test/v2/');
    expect(text).toContain('401');
    expect(text).not.toContain('eyJ');
    expect(text).not.toContain('abc123');
    expect(text).not.toContain('SECRETSIG');
    expect(text).not.toContain('abcdef123');
    expect(text).toContain('[REDACTED]');
    await client.close();
  });

  it('hands the TLS check its connection: handshake plus request is one connection', async () => {
    const client = createHttpClient(mapped(), NO_PROXY_ENV);
    const before = server.connections();
    const info = await client.tlsHandshake!('https://reg.test/');
    expect(info.authorized).toBe(true);
    expect(info.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(info.certificate?.subjectAltNames).toContain('DNS:reg.test');
    expect(info.dialled).toBe(`127.0.0.1:${server.port}`);
    await client.request({ url: 'https://reg.test/v2/' });
    await client.request({ url: 'https://reg.test/v2/' });
    expect(server.connections() - before).toBe(1);
    expect(client.stats().connections).toEqual({ 'reg.test:443': 1 });
    await client.close();
  });

  it('describes an untrusted certificate in the handshake instead of throwing', async () => {
    const client = createHttpClient({ ...mapped(), caFile: null }, NO_PROXY_ENV);
    const info = await client.tlsHandshake!('https://reg.test/');
    expect(info.authorized).toBe(false);
    expect(info.errorCode).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    expect(info.certificate?.subject).toContain('CN=reg.test');
    await client.close();
  });
});

describe('HTTP client through a real proxy (tinyproxy)', () => {
  const run = requireTool(hasTinyproxy(), 'tinyproxy');
  let server: TestServer;
  beforeAll(async () => {
    if (!run) return;
    server = await startHttps((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="r",service="s"' });
      res.end('{}');
    }, { names: ['reg.test', 'localhost'] });
  });
  afterAll(async () => server?.close());

  it.skipIf(!run)('tunnels HTTPS through HTTPS_PROXY and bypasses it for NO_PROXY hosts', async () => {
    const proxy = await startTinyproxy();
    try {
      const opts = sessionOptions({ caFile: server.caFile });
      const url = `https://127.0.0.1:${server.port}/v2/`;
      const viaProxy = createHttpClient(opts, { HTTPS_PROXY: proxy.url });
      expect((await viaProxy.request({ url })).status).toBe(401);
      expect(viaProxy.proxyFor!(url)).toBe(proxy.url);
      await viaProxy.close();
      expect(proxy.log()).toMatch(new RegExp(`CONNECT.*127\\.0\\.0\\.1:${server.port}`, 'i'));
      const logged = proxy.log().length;
      const bypass = createHttpClient(opts, { https_proxy: proxy.url, no_proxy: 'example.org,127.0.0.1' });
      expect((await bypass.request({ url })).status).toBe(401);
      expect(bypass.proxyFor!(url)).toBeNull();
      await bypass.close();
      expect(proxy.log().slice(logged)).not.toMatch(/CONNECT/);
    } finally {
      await proxy.close();
    }
  });

  it.skipIf(!run)('reports a proxy that refuses CONNECT as a proxy error without its credentials', async () => {
    const proxy = await startTinyproxy({ connectPorts: [443], basicAuth: { username: 'proxyuser', password: 'hunter22' } });
    try {
      const client = createHttpClient(sessionOptions({ caFile: server.caFile }), { HTTPS_PROXY: proxy.url });
      const err = await failure(client.request({ url: `https://127.0.0.1:${server.port}/v2/` }));
      expect(err.kind).toBe('proxy');
      expect(err.message).toContain(`http://127.0.0.1:${proxy.port}`);
      expect(err.message).toMatch(/403/);
      expect(err.message).not.toContain('hunter22');
      await client.close();
    } finally {
      await proxy.close();
    }
  });

  it.skipIf(!run)('reports an unreachable proxy as a proxy error', async () => {
    const port = await freePort();
    const client = createHttpClient(sessionOptions({ caFile: server.caFile }), { HTTPS_PROXY: `http://u:pw@127.0.0.1:${port}` });
    const err = await failure(client.request({ url: `https://127.0.0.1:${server.port}/v2/` }));
    expect(err.kind).toBe('proxy');
    expect(err.message).not.toContain('pw@');
    await client.close();
  });
});

describe('HTTP client over plain http', () => {
  it('speaks to an http:// registry and keeps the connection', async () => {
    let connections = 0;
    const server = await startHttp((_req, res) => res.end('{}'));
    const client = createHttpClient(sessionOptions(), {});
    for (let i = 0; i < 3; i++) expect((await client.request({ url: `http://127.0.0.1:${server.port}/v2/` })).status).toBe(200);
    connections = client.stats().connections[`127.0.0.1:${server.port}`] ?? 0;
    expect(connections).toBe(1);
    await client.close();
    await server.close();
  });
});

describe('trusted roots', () => {
  it('adds --ca-file and NODE_EXTRA_CA_CERTS to the default roots instead of replacing them', async () => {
    const { rootCertificates } = await import('node:tls');
    const { trustedRoots } = await import('../../src/probes/http.js');
    const server = await startHttps((_q, r) => r.end());
    try {
      expect(trustedRoots(null, {})).toBeUndefined();
      const roots = trustedRoots(server.caFile, { NODE_EXTRA_CA_CERTS: server.caFile })!;
      expect(roots.length).toBe(rootCertificates.length + 2);
      expect(roots).toContain(rootCertificates[0]);
      expect(roots).toContain(server.cert.cert);
    } finally {
      await server.close();
    }
  });
});
