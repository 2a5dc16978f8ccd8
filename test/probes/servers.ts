import { makeOptions } from '../support/options.js';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { generateTestCert, type TestCert } from '../support/distribution.js';
import type { SessionOptions } from '../../src/engine/types.js';

export interface TestServer {
  port: number;
  url: string;
  cert: TestCert;
  caFile: string;
  /** TCP connections accepted so far. */
  connections(): number;
  /** SNI names seen in TLS handshakes. */
  servernames: (string | false | null)[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** An HTTPS server on 127.0.0.1 with a fresh certificate for `names` (default reg.test). */
export async function startHttps(handler: Handler, opts: { names?: string[]; cert?: TestCert } = {}): Promise<TestServer> {
  const names = opts.names ?? ['reg.test'];
  const cert = opts.cert ?? (await generateTestCert({ dns: names, ips: ['127.0.0.1'] }));
  const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-https-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, cert.cert);
  const server: Server = createServer({ cert: cert.cert, key: cert.key, keepAliveTimeout: 30_000 }, handler);
  let count = 0;
  const sockets = new Set<Socket>();
  const servernames: (string | false | null)[] = [];
  server.on('connection', (s: Socket) => {
    count++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s) => servernames.push(s.servername));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `https://127.0.0.1:${port}`,
    cert,
    caFile,
    connections: () => count,
    servernames,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A plain TCP-level HTTP server, for the http:// paths. */
export async function startHttp(handler: Handler): Promise<{ port: number; close(): Promise<void> }> {
  const server = createHttpServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Session options as the CLI would build them, with overrides. */
export function sessionOptions(over: Partial<SessionOptions> = {}): SessionOptions {
  return makeOptions({ timeoutSeconds: 5, ...over });
}
