import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { explainText } from '../../../src/knowledge/explain/match.js';
import { generateTestCert, type TestCert } from '../../support/distribution.js';

/** Node's own TLS errors, printed the way an uncaught error from a JS SDK app shows them. */
let server: Server;
let cert: TestCert;
let port = 0;

beforeAll(async () => {
  cert = await generateTestCert();
  server = createServer({ cert: cert.cert, key: cert.key }, (_req, res) => res.end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function failWith(opts: { ca?: string; servername?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/v2/', timeout: 5000, ...opts }, (res) => {
      res.resume();
      reject(new Error(`expected a TLS failure, got HTTP ${res.statusCode}`));
    });
    req.on('error', (err) => resolve(`Uncaught ${inspect(err)}`));
    req.end();
  });
}

describe('explain on real Node.js TLS errors', () => {
  it('recognises an untrusted (self-signed) certificate', async () => {
    const printed = await failWith({});
    expect(explainText(printed).map((m) => m.code)).toEqual(['X509_UNKNOWN_AUTHORITY']);
  });

  it('recognises a certificate issued for another name', async () => {
    const printed = await failWith({ ca: cert.cert, servername: 'contosoacr.azurecr.io' });
    const matches = explainText(printed);
    expect(matches.map((m) => m.code)).toEqual(['CONNECTIVITY_SSL_ERROR']);
    expect(matches[0]!.evidence.registry).toBe('contosoacr');
  });
});
