import { UsageError } from './usage-error.js';
import { t } from '../knowledge/i18n.js';
import type { ConnectTo } from '../engine/types.js';

// Distribution spec: path components of lower-case alphanumerics joined by . _ __ or dashes.
const REPO_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPO_RE = new RegExp(`^${REPO_COMPONENT}(?:/${REPO_COMPONENT})*$`);
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;
const HOST_RE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV6_RE = /^\[[0-9A-Fa-f:.]+\]$/;

export function isHost(value: string): boolean {
  return value.length <= 253 && (HOST_RE.test(value) || IPV6_RE.test(value));
}

export function parsePort(value: string, what: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    throw new UsageError(t('cli.error.port', { what, value }));
  }
  return Number(value);
}

/** REPO[:TAG] or REPO@sha256:…; the tag defaults to latest. */
export function parseRepository(value: string): { name: string; tag: string } {
  let name = value;
  let tag = 'latest';
  const at = value.indexOf('@');
  if (at >= 0) {
    name = value.slice(0, at);
    tag = value.slice(at + 1);
    if (!DIGEST_RE.test(tag)) throw new UsageError(t('cli.error.repository', { value }));
  } else {
    const colon = value.lastIndexOf(':');
    if (colon >= 0) {
      name = value.slice(0, colon);
      tag = value.slice(colon + 1);
      if (!TAG_RE.test(tag)) throw new UsageError(t('cli.error.repository', { value }));
    }
  }
  if (!REPO_RE.test(name) || name.length > 255) throw new UsageError(t('cli.error.repository', { value }));
  return { name, tag };
}

/** HOST:PORT:ADDR:PORT2, as curl's --connect-to; IPv6 addresses in brackets. */
export function parseConnectTo(value: string): ConnectTo {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+):(\d+):(\[[0-9A-Fa-f:.]+\]|[^:[\]]+):(\d+)$/.exec(value);
  if (!m || !isHost(m[1]!) || !isHost(m[3]!)) throw new UsageError(t('cli.error.connectTo', { value }));
  return {
    host: m[1]!.toLowerCase(),
    port: parsePort(m[2]!, '--connect-to'),
    toHost: m[3]!,
    toPort: parsePort(m[4]!, '--connect-to'),
  };
}

/** An image reference for docker pull: host/path:tag or @digest, no spaces or shell characters. */
export function parseImage(value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(value) || value.length > 512) {
    throw new UsageError(t('cli.error.image', { value }));
  }
  return value;
}
