/**
 * Which proxy a URL goes through, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lower-case forms
 * win, as curl and undici do). Pure: the environment is passed in.
 */

export interface ProxyChoice {
  url: URL;
  /** The proxy URL with any user:password removed, safe to show and log. */
  display: string;
}

function pick(env: Record<string, string | undefined>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = env[n]?.trim();
    if (v) return v;
  }
  return undefined;
}

/** The proxy URL without credentials (and without a trailing slash). */
export function displayProxy(url: URL | string): string {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : new URL(url.href);
  } catch {
    return String(url).replace(/\/\/[^@/]*@/, '//');
  }
  u.username = '';
  u.password = '';
  return u.href.replace(/\/$/, '');
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Whether NO_PROXY excludes host:port. Entries: `*`, `host`, `.suffix`, `*.suffix`, `host:port`, IPs. */
export function bypassesProxy(host: string, port: number, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const h = stripBrackets(host.toLowerCase());
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: number | null = null;
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    if (m) {
      entry = m[1]!;
      entryPort = Number(m[2]);
    }
    entry = stripBrackets(entry);
    if (entryPort !== null && entryPort !== port) continue;
    if (entry.startsWith('*.')) entry = entry.slice(1);
    if (entry.startsWith('.')) {
      if (h.endsWith(entry) || h === entry.slice(1)) return true;
    } else if (h === entry || h.endsWith(`.${entry}`)) {
      return true;
    }
  }
  return false;
}

/** The proxy for `target`, or null (no proxy set, or NO_PROXY excludes it, or the value is unusable). */
export function proxyFor(target: URL, env: Record<string, string | undefined>): ProxyChoice | null {
  const secure = target.protocol === 'https:';
  const value = secure
    ? pick(env, 'https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY')
    : pick(env, 'http_proxy', 'HTTP_PROXY');
  if (!value) return null;
  const port = Number(target.port) || (secure ? 443 : 80);
  if (bypassesProxy(target.hostname, port, pick(env, 'no_proxy', 'NO_PROXY'))) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return { url, display: displayProxy(url) };
}
