import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { Socket } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import type { SessionOptions } from '../engine/types.js';
import { VERSION } from '../version.js';
import { redactText, secretValuesFromEnv } from '../transcript/redact.js';
import { REDACTED } from './secret.js';
import { HttpError, type HttpClient, type HttpRequest, type HttpResponse, type TlsHandshakeInfo } from './http-types.js';
import { hostPort, openSocket, stripBrackets } from './connect.js';
import { classifyNetworkError } from './net-errors.js';
import { proxyFor } from './proxy-env.js';
import { certificateInfo } from './tls.js';

export const DEFAULT_MAX_BODY = 1024 * 1024;
/** How long an idle connection stays open for the next check. */
const KEEP_ALIVE_MS = 60_000;

export type HttpLog = (line: string) => void;

/**
 * The session's trusted roots: Node's bundled roots plus --ca-file and NODE_EXTRA_CA_CERTS, or
 * undefined when there is nothing extra (the default store is then used as is; building a
 * context from the full list costs ~100 ms).
 */
export function trustedRoots(caFile: string | null, env: Record<string, string | undefined>): string[] | undefined {
  const extra = extraRoots(caFile, env);
  return extra.length ? [...rootCertificates, ...extra] : undefined;
}

/** The PEM texts of --ca-file and NODE_EXTRA_CA_CERTS (unreadable files left out). */
export function extraRoots(caFile: string | null, env: Record<string, string | undefined>): string[] {
  const extra: string[] = [];
  for (const file of [caFile, env.NODE_EXTRA_CA_CERTS]) {
    if (!file) continue;
    try {
      extra.push(readFileSync(file, 'utf8'));
    } catch {
      // An unreadable NODE_EXTRA_CA_CERTS is node's own warning to give; --ca-file was checked by args.
    }
  }
  return extra;
}

/**
 * Node's default roots plus the extra ones. Passing `ca: [...rootCertificates, ...extra]` would
 * parse all ~140 bundled roots again (40–190 ms of CPU in the middle of the chain); adding the
 * extra PEMs to a default context keeps the built-in store and costs a few ms.
 */
export function sessionSecureContext(extra: string[]): SecureContext {
  const ctx = createSecureContext({});
  if (extra.length === 0) return ctx;
  const native = (ctx as unknown as { context?: { addCACert?: (pem: string) => void } }).context;
  if (typeof native?.addCACert !== 'function') return createSecureContext({ ca: [...rootCertificates, ...extra] });
  for (const pem of extra) native.addCACert(pem);
  return ctx;
}

/** A URL fit for a log: SAS signatures and token parameters replaced. */
export function safeUrl(url: string): string {
  return redactText(url);
}

/** Headers whose values are never logged. */
const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|.*token.*|.*secret.*|.*signature.*)$/i;

export function formatHeaders(headers: Record<string, string | string[] | undefined>, known: string[]): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      out.push(`  ${name}: ${SECRET_HEADERS.test(name) ? REDACTED : redactText(v, known)}`);
    }
  }
  return out;
}

interface Parked {
  socket: Socket;
  timer: NodeJS.Timeout;
  onClose: () => void;
}

/**
 * The session's HTTP client: one undici Agent whose connector applies --connect-to, the proxy
 * from the environment (CONNECT tunnel), and the session's roots, and counts real connections.
 * Redirects are returned, not followed.
 */
export function createHttpClient(
  options: SessionOptions,
  env: Record<string, string | undefined>,
  log?: HttpLog,
): HttpClient {
  const extra = extraRoots(options.caFile, env);
  const ca = extra.length ? [...rootCertificates, ...extra] : undefined;
  let context: SecureContext | undefined;
  const secureContext = (): SecureContext => (context ??= sessionSecureContext(extra));
  const timeoutMs = Math.max(1, options.timeoutSeconds) * 1000;
  const known = [...secretValuesFromEnv(env), ...(options.password ? [options.password.reveal()] : [])];
  const connections: Record<string, number> = {};
  let requests = 0;
  const parked = new Map<string, Parked>();

  const counted = (origin: string): void => {
    connections[origin] = (connections[origin] ?? 0) + 1;
  };

  const takeParked = (origin: string): Socket | null => {
    const p = parked.get(origin);
    if (!p) return null;
    parked.delete(origin);
    clearTimeout(p.timer);
    p.socket.off('close', p.onClose);
    p.socket.removeAllListeners('error');
    p.socket.ref();
    return p.socket.destroyed || !p.socket.writable ? null : p.socket;
  };

  const park = (origin: string, socket: Socket): void => {
    takeParked(origin)?.destroy();
    const onClose = (): void => {
      if (parked.get(origin)?.socket === socket) {
        clearTimeout(parked.get(origin)!.timer);
        parked.delete(origin);
      }
    };
    socket.on('error', () => undefined);
    socket.once('close', onClose);
    // A parked connection must not keep the process alive on its own.
    socket.unref();
    const timer = setTimeout(() => {
      takeParked(origin)?.destroy();
    }, KEEP_ALIVE_MS);
    timer.unref();
    parked.set(origin, { socket, timer, onClose });
  };

  const connector = (
    opts: { hostname: string; protocol: string; port: string },
    callback: (...args: [null, Socket] | [Error, null]) => void,
  ): void => {
    const secure = opts.protocol === 'https:';
    const host = stripBrackets(opts.hostname);
    const port = Number(opts.port) || (secure ? 443 : 80);
    const origin = hostPort(host, port);
    const reused = takeParked(origin);
    if (reused) {
      log?.(`HTTP reusing the TLS connection to ${origin}`);
      // undici must not be called back synchronously from inside its own connect().
      setImmediate(() => callback(null, reused));
      return;
    }
    const target = new URL(`${secure ? 'https' : 'http'}://${origin}/`);
    const proxy = proxyFor(target, env);
    openSocket({
      host,
      port,
      secure,
      ca,
      secureContext: secureContext(),
      proxy: proxy?.url ?? null,
      connectTo: options.connectTo,
      timeoutMs,
      onConnected: () => counted(origin),
    }).then(
      (opened) => {
        if (opened.tls && !opened.tls.authorized) {
          opened.socket.destroy();
          callback(opened.tls.error ?? new Error('certificate rejected'), null);
          return;
        }
        log?.(`HTTP connected to ${origin}${opened.dialled !== origin ? ` via ${opened.dialled}` : ''}${proxy ? ` through proxy ${proxy.display}` : ''}`);
        callback(null, opened.socket);
      },
      (err: Error) => callback(err, null),
    );
  };

  const agent = new Agent({
    connect: connector as unknown as Agent.Options['connect'],
    // One connection per origin: sequential checks then share it instead of racing to open new ones.
    connections: 1,
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MS,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const started = Date.now();
    const method = req.method ?? 'GET';
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new HttpError('other', `not a URL: ${safeUrl(req.url)}`, 'ERR_INVALID_URL', req.url);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new HttpError('other', `unsupported protocol ${url.protocol}`, 'ERR_INVALID_URL', req.url);
    }
    if (req.signal?.aborted) {
      const c = classifyNetworkError(req.signal.reason, req.signal);
      throw new HttpError(c.kind, c.message, c.code, req.url);
    }
    requests++;
    const headers: Record<string, string> = { 'user-agent': `acr-doctor/${VERSION}`, ...req.headers };
    if (log) {
      log(`HTTP > ${method} ${safeUrl(req.url)}`);
      for (const line of formatHeaders(headers, known)) log(line);
    }
    const cap = req.maxBodyBytes ?? DEFAULT_MAX_BODY;
    try {
      const res: Dispatcher.ResponseData = await agent.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method,
        headers,
        ...(req.body !== undefined ? { body: req.body } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      for await (const chunk of res.body) {
        const b = chunk as Buffer;
        if (size + b.length > cap) {
          chunks.push(b.subarray(0, cap - size));
          size = cap;
          truncated = true;
          break;
        }
        chunks.push(b);
        size += b.length;
      }
      if (truncated) res.body.destroy();
      const response: HttpResponse = {
        status: res.statusCode,
        headers: res.headers as Record<string, string | string[]>,
        body: Buffer.concat(chunks).toString('utf8'),
        truncated,
        url: req.url,
        durationMs: Date.now() - started,
      };
      if (log) {
        log(`HTTP < ${response.status} ${method} ${safeUrl(req.url)} (${response.durationMs} ms${truncated ? `, body cut at ${cap} bytes` : ''})`);
        for (const line of formatHeaders(response.headers, known)) log(line);
      }
      return response;
    } catch (err) {
      const c = classifyNetworkError(err, req.signal);
      log?.(`HTTP ! ${method} ${safeUrl(req.url)} failed after ${Date.now() - started} ms: ${c.kind} ${c.code ?? ''} ${redactText(c.message, known)}`);
      throw new HttpError(c.kind, c.message, c.code, req.url);
    }
  }

  async function tlsHandshake(rawUrl: string, signal?: AbortSignal): Promise<TlsHandshakeInfo> {
    const url = new URL(rawUrl);
    const port = Number(url.port) || 443;
    const host = stripBrackets(url.hostname);
    const origin = hostPort(host, port);
    const proxy = proxyFor(url, env);
    try {
      const opened = await openSocket({
        host,
        port,
        secure: true,
        ca,
        secureContext: secureContext(),
        proxy: proxy?.url ?? null,
        connectTo: options.connectTo,
        timeoutMs,
        ...(signal ? { signal } : {}),
        onConnected: () => counted(origin),
      });
      const tls = opened.tls!;
      const info: TlsHandshakeInfo = {
        dialled: opened.dialled,
        proxy: proxy?.display ?? null,
        protocol: tls.protocol,
        authorized: tls.authorized,
        errorCode: tls.error?.code ?? null,
        errorMessage: tls.error?.message ?? null,
        certificate: tls.cert ? certificateInfo(tls.cert) : null,
        reusable: tls.authorized,
      };
      if (tls.authorized) park(origin, opened.socket);
      else opened.socket.destroy();
      log?.(`TLS ${origin}: ${info.protocol ?? '?'}, ${tls.authorized ? 'trusted' : `not trusted (${info.errorCode})`}${proxy ? `, through proxy ${proxy.display}` : ''}`);
      return info;
    } catch (err) {
      const c = classifyNetworkError(err, signal);
      log?.(`TLS ${origin} failed: ${c.kind} ${c.code ?? ''} ${c.message}`);
      throw new HttpError(c.kind, c.message, c.code, rawUrl);
    }
  }

  return {
    request,
    tlsHandshake,
    proxyFor: (u: string) => {
      try {
        return proxyFor(new URL(u), env)?.display ?? null;
      } catch {
        return null;
      }
    },
    stats: () => ({ requests, connections: { ...connections } }),
    close: async () => {
      for (const origin of [...parked.keys()]) takeParked(origin)?.destroy();
      await agent.destroy().catch(() => undefined);
    },
  };
}
