import { createServer as createHttpsServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import type { Socket } from 'node:net';
import type { World } from './world.js';
import type { SimCerts } from './certs.js';
import type { TlsMode } from './types.js';
import { AAD_HOST, DATA_HOST, LOGIN_SERVER } from './fixtures.js';
import { ACR, PROXY_PAGE } from './messages.js';
import { sendHtml, sendRegistryError } from './http-util.js';
import { handleBase, handleCatalog, handleRepository } from './routes/registry.js';
import { handleExchange, handleToken } from './routes/oauth.js';
import { handleAad } from './routes/aad.js';
import { handleData } from './routes/data.js';
import { handleAdmin } from './routes/admin.js';

export interface SimServer {
  server: Server;
  connectionCount(): number;
  /** Re-reads the scenario's TLS mode (after a scenario change). */
  refreshTls(): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  world: World;
  certs: SimCerts;
  responseDelayMs: number;
  adminToken: string;
  setScenario(name: string): void;
}

/** Waits `ms` unless the client goes away first (then resolves false). */
function delay(ms: number, res: ServerResponse): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.removeListener('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

function clientIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

export function createSimServer(o: ServerOptions): SimServer {
  const { world: w } = o;
  const contexts = {} as Record<TlsMode, SecureContext>;
  for (const mode of Object.keys(o.certs.leaves) as TlsMode[]) {
    const leaf = o.certs.leaves[mode];
    contexts[mode] = createSecureContext({ key: leaf.key, cert: leaf.cert });
  }
  const startLeaf = o.certs.leaves[w.behaviour.tls];
  const sockets = new Set<Socket>();
  const connectionIds = new WeakMap<object, number>();
  let accepted = 0;
  let secured = 0;

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL, host: string): Promise<void> => {
    if (host === LOGIN_SERVER || host === DATA_HOST) {
      const ip = clientIp(req);
      if (w.state.firewallEnabled && !w.state.allowedIps.includes(ip)) {
        return sendRegistryError(res, 403, 'DENIED', ACR.firewall(ip));
      }
    }
    if (host === DATA_HOST) return handleData(w, req, res, url);
    if (host === AAD_HOST) return handleAad(w, req, res, url);
    if (host !== LOGIN_SERVER) {
      res.writeHead(421, { 'Content-Length': 0 });
      res.end();
      return;
    }
    // A captive proxy answers everything on the login server with its own page.
    if (w.behaviour.challenge === 'html') return sendHtml(res, 200, PROXY_PAGE);
    const path = url.pathname;
    if (path === '/v2/' || path === '/v2') return handleBase(w, req, res);
    if (path === '/v2/_catalog') return handleCatalog(w, req, res);
    if (path === '/oauth2/exchange') return handleExchange(w, req, res);
    if (path === '/oauth2/token') return handleToken(w, req, res, url);
    if (await handleRepository(w, req, res, url)) return;
    sendRegistryError(res, 404, 'UNSUPPORTED', ACR.unsupported);
  };

  const server = createHttpsServer(
    {
      key: startLeaf.key,
      cert: startLeaf.cert,
      SNICallback: (_name, cb) => cb(null, contexts[w.behaviour.tls]),
      keepAlive: true,
      keepAliveTimeout: 30_000,
      requestTimeout: 0,
    },
    (req, res) => {
      const url = new URL(req.url ?? '/', 'https://simulator.invalid');
      const sni = (req.socket as TLSSocket).servername;
      const host = (req.headers.host ?? (typeof sni === 'string' ? sni : '')).replace(/:\d+$/, '').toLowerCase();
      if (url.pathname.startsWith('/_sim/') && (host === LOGIN_SERVER || host === '127.0.0.1')) {
        handleAdmin(w, req, res, url, o.adminToken, o.setScenario).catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
        });
        return;
      }
      const connection = connectionIds.get(req.socket) ?? 0;
      let recorded = false;
      const record = (status: number): void => {
        if (recorded) return;
        recorded = true;
        w.requests.push({ method: req.method ?? 'GET', host, path: url.pathname, status, connection });
      };
      res.once('finish', () => record(res.statusCode));
      res.once('close', () => record(res.writableFinished ? res.statusCode : 0));
      if (w.behaviour.clockSkewSec) res.setHeader('Date', new Date(Date.now() + w.behaviour.clockSkewSec * 1000).toUTCString());
      void (async () => {
        if (!(await delay(o.responseDelayMs + w.behaviour.delayMs, res))) return;
        await route(req, res, url, host);
      })().catch(() => {
        if (!res.headersSent) sendRegistryError(res, 500, 'UNKNOWN', 'simulator error');
        else res.destroy();
      });
    },
  );
  server.on('connection', (sock: Socket) => {
    accepted += 1;
    sockets.add(sock);
    sock.once('close', () => sockets.delete(sock));
  });
  server.on('secureConnection', (sock: TLSSocket) => {
    secured += 1;
    connectionIds.set(sock, secured);
  });
  // Handshakes that clients refuse (untrusted or expiring certificates) are expected here.
  server.on('tlsClientError', () => {});

  let closed: Promise<void> | null = null;
  return {
    server,
    connectionCount: () => accepted,
    refreshTls: () => {
      const leaf = o.certs.leaves[w.behaviour.tls];
      server.setSecureContext({ key: leaf.key, cert: leaf.cert });
    },
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      })),
  };
}
