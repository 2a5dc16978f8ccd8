import type { SessionInfo, Target } from '../engine/types.js';
import { VERSION } from '../version.js';

/** A proxy URL without user name or password (and without path or query, which may carry tokens). */
export function stripProxyCredentials(raw: string): string {
  const text = raw.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    return `${url.protocol}//${url.host}`;
  } catch {
    // Not a URL we can parse: keep only what follows the last '@' and drop anything after the host.
    const afterAt = text.slice(text.lastIndexOf('@') + 1);
    return afterAt.replace(/[/?#].*$/, '') || '(unparseable)';
  }
}

/** Whether NO_PROXY exempts this host (exact host, domain suffix, leading dot, or '*'). */
export function noProxyMatches(noProxy: string, host: string, port: number | null): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:|$)/g, ''));
    const name = (m?.[1] ?? entry).replace(/^\*?\./, '.');
    const entryPort = m?.[2] ? Number(m[2]) : null;
    if (entryPort !== null && port !== null && entryPort !== port) continue;
    if (name.startsWith('.') ? h.endsWith(name) || h === name.slice(1) : h === name || h.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy the registry connections go through (HTTPS_PROXY, else HTTP_PROXY), credentials removed. */
export function proxyInUse(env: Record<string, string | undefined>, target: Target | null): string | null {
  const raw = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  if (!raw) return null;
  if (target) {
    const noProxy = env.NO_PROXY ?? env.no_proxy ?? '';
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(target.loginServer);
    const host = m?.[1] ?? target.loginServer;
    const port = m?.[2] ? Number(m[2]) : 443;
    if (noProxy && noProxyMatches(noProxy, host, port)) return null;
  }
  return stripProxyCredentials(raw);
}

/** Who, where and with what: recorded as the first event of a session. */
export function buildSessionInfo(input: {
  target: Target | null;
  env: Record<string, string | undefined>;
  mode: SessionInfo['mode'];
  scenario?: string;
  platform?: string;
}): SessionInfo {
  return {
    toolVersion: VERSION,
    platform: input.platform ?? process.platform,
    arch: process.arch,
    nodeVersion: process.version,
    proxy: proxyInUse(input.env, input.target),
    target: input.target ? { ...input.target } : null,
    mode: input.mode,
    ...(input.scenario ? { scenario: input.scenario } : {}),
  };
}
