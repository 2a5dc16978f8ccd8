import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, checkServerIdentity, createSecureContext, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import type { ConnectTo } from '../engine/types.js';
import { ProxyError } from './net-errors.js';
import { displayProxy } from './proxy-env.js';

export interface OpenParams {
  /** The registry host as named in the URL (no brackets). SNI and certificate checks use it. */
  host: string;
  port: number;
  secure: boolean;
  /** Roots to trust; undefined: Node's default store. */
  ca: string[] | undefined;
  /** Built once per session from `ca` (building it per connection costs a few hundred ms). */
  secureContext?: SecureContext;
  proxy: URL | null;
  connectTo: ConnectTo[];
  timeoutMs: number;
  signal?: AbortSignal;
  /** Called once the TCP connection (or the proxy tunnel) stands, before TLS: for connection counts. */
  onConnected?: () => void;
}

export interface TlsOutcome {
  authorized: boolean;
  /** Why the certificate was not accepted (the node/OpenSSL error), when it was not. */
  error: (Error & { code?: string }) | null;
  protocol: string | null;
  cert: PeerCertificate | null;
}

export interface OpenedSocket {
  socket: Socket;
  /** host:port actually dialled (after --connect-to), or the proxy's CONNECT target. */
  dialled: string;
  tls: TlsOutcome | null;
}

export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function hostPort(host: string, port: number): string {
  const h = stripBrackets(host);
  return `${h.includes(':') ? `[${h}]` : h}:${port}`;
}

/** The --connect-to mapping for host:port, if any. */
export function findMapping(host: string, port: number, mappings: ConnectTo[]): ConnectTo | undefined {
  const h = stripBrackets(host).toLowerCase();
  return mappings.find((m) => stripBrackets(m.host).toLowerCase() === h && m.port === port);
}

class TimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(message: string) {
    super(message);
  }
}

/** Reads the proxy's answer to CONNECT; leaves any extra bytes on the socket. */
function readConnectResponse(socket: Socket): Promise<{ status: number; statusText: string }> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) {
        if (buf.length > 64 * 1024) fail(new Error('proxy answer too long'));
        return;
      }
      cleanup();
      const rest = buf.subarray(end + 4);
      if (rest.length) socket.unshift(rest);
      const line = buf.subarray(0, buf.indexOf('\r\n')).toString('latin1');
      const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\s*(.*)$/.exec(line);
      if (!m) return reject(new Error(`unexpected proxy answer: ${line.slice(0, 100)}`));
      resolve({ status: Number(m[1]), statusText: m[2] ?? '' });
    };
    const onEnd = (): void => fail(new Error('the proxy closed the connection during CONNECT'));
    const onError = (e: Error): void => fail(e);
    function cleanup(): void {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onError);
      socket.pause();
    }
    function fail(e: Error): void {
      cleanup();
      reject(e);
    }
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('error', onError);
  });
}

function waitFor(socket: Socket, event: 'connect' | 'secureConnect'): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = (): void => {
      socket.off('error', bad);
      socket.off('close', closed);
      resolve();
    };
    const bad = (e: Error): void => {
      socket.off(event, ok);
      socket.off('close', closed);
      reject(e);
    };
    const closed = (): void => {
      socket.off(event, ok);
      socket.off('error', bad);
      reject(Object.assign(new Error('the server closed the connection'), { code: 'ECONNRESET' }));
    };
    socket.once(event, ok);
    socket.once('error', bad);
    socket.once('close', closed);
  });
}

/**
 * Opens a connection to host:port the way the session's HTTP client does: through --connect-to,
 * through the proxy's CONNECT tunnel when one applies, then TLS with SNI = host and the session's
 * roots. The certificate is verified here but not enforced: the caller decides (the TLS check
 * wants to describe a rejected certificate; the HTTP connector refuses it).
 */
export async function openSocket(p: OpenParams): Promise<OpenedSocket> {
  const host = stripBrackets(p.host);
  const mapping = findMapping(host, p.port, p.connectTo);
  const dialHost = mapping ? stripBrackets(mapping.toHost) : host;
  const dialPort = mapping ? mapping.toPort : p.port;
  const sockets: Socket[] = [];
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;

  const work = async (): Promise<OpenedSocket> => {
    let socket: Socket;
    if (p.proxy) {
      const proxyPort = Number(p.proxy.port) || (p.proxy.protocol === 'https:' ? 443 : 80);
      const proxyHost = stripBrackets(p.proxy.hostname);
      const shown = displayProxy(p.proxy);
      try {
        socket =
          p.proxy.protocol === 'https:'
            ? tlsConnect({ host: proxyHost, port: proxyPort, ...(p.ca ? { ca: p.ca } : {}), ...(isIP(proxyHost) ? {} : { servername: proxyHost }) })
            : netConnect({ host: proxyHost, port: proxyPort });
        sockets.push(socket);
        await waitFor(socket, p.proxy.protocol === 'https:' ? 'secureConnect' : 'connect');
      } catch (e) {
        const code = (e as { code?: string }).code;
        throw new ProxyError(`cannot reach the proxy ${shown}: ${(e as Error).message}`, null, shown, code ?? 'PROXY_UNREACHABLE');
      }
      const target = hostPort(dialHost, dialPort);
      const head = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`];
      if (p.proxy.username) {
        const cred = `${decodeURIComponent(p.proxy.username)}:${decodeURIComponent(p.proxy.password)}`;
        head.push(`Proxy-Authorization: Basic ${Buffer.from(cred).toString('base64')}`);
      }
      socket.write(head.join('\r\n') + '\r\n\r\n');
      let answer: { status: number; statusText: string };
      try {
        answer = await readConnectResponse(socket);
      } catch (e) {
        throw new ProxyError(`the proxy ${shown} failed during CONNECT: ${(e as Error).message}`, null, shown, 'PROXY_CONNECT_FAILED');
      }
      if (answer.status < 200 || answer.status > 299) {
        socket.destroy();
        throw new ProxyError(`the proxy ${shown} refused CONNECT ${target}: ${answer.status} ${answer.statusText}`.trim(), answer.status, shown);
      }
    } else {
      socket = netConnect({ host: dialHost, port: dialPort });
      sockets.push(socket);
      await waitFor(socket, 'connect');
    }
    const dialled = hostPort(dialHost, dialPort);
    p.onConnected?.();
    if (!p.secure) return { socket, dialled, tls: null };

    let identityError: (Error & { code?: string }) | null = null;
    const secure: TLSSocket = tlsConnect({
      socket,
      host,
      ...(isIP(host) ? {} : { servername: host }),
      secureContext: p.secureContext ?? createSecureContext(p.ca ? { ca: p.ca } : {}),
      ALPNProtocols: ['http/1.1'],
      rejectUnauthorized: false,
      checkServerIdentity: (name, cert) => {
        const err = checkServerIdentity(name, cert);
        if (err) identityError = err as Error & { code?: string };
        return err;
      },
    });
    sockets.push(secure);
    await waitFor(secure, 'secureConnect');
    let error: (Error & { code?: string }) | null = null;
    if (!secure.authorized) {
      const code = String(secure.authorizationError ?? 'CERT_REJECTED');
      error = identityError ?? Object.assign(new Error(describeVerifyCode(code)), { code });
    }
    const cert = secure.getPeerCertificate(true);
    return {
      socket: secure,
      dialled,
      tls: {
        authorized: secure.authorized,
        error,
        protocol: secure.getProtocol() ?? null,
        cert: cert && Object.keys(cert).length ? cert : null,
      },
    };
  };

  const limits = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no connection to ${hostPort(host, p.port)} within ${p.timeoutMs} ms`)), p.timeoutMs);
    if (p.signal) {
      onAbort = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError', code: 'ABORT_ERR' }));
      if (p.signal.aborted) onAbort();
      else p.signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  const attempt = work();
  try {
    return await Promise.race([attempt, limits]);
  } catch (e) {
    for (const s of sockets) s.destroy();
    // A late success after the limit passed must not leak its socket.
    attempt.then((r) => r.socket.destroy(), () => undefined);
    throw e;
  } finally {
    clearTimeout(timer);
    if (onAbort) p.signal?.removeEventListener('abort', onAbort);
  }
}

/** OpenSSL verify codes as sentences (node gives only the code when verification is not enforced). */
function describeVerifyCode(code: string): string {
  const text: Record<string, string> = {
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
    SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
    CERT_HAS_EXPIRED: 'certificate has expired',
    CERT_NOT_YET_VALID: 'certificate is not yet valid',
  };
  return text[code] ?? code;
}
