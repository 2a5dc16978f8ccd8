import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ConnectTo } from '../../engine/types.js';
import type { ResolvedAddress } from '../data.js';

/** Resolves a host name to its addresses (all families). Swappable for the session's DNS probe. */
export type Resolver = (host: string, signal: AbortSignal) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = async (host, signal) => {
  if (isIP(host)) return [{ address: host, family: isIP(host) }];
  const pending = dnsLookup(host, { all: true, verbatim: true });
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(new Error('aborted'));
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
  return Promise.race([pending, aborted]);
};

/** 10/8, 172.16/12, 192.168/16 and IPv6 unique-local addresses: what a private endpoint hands out. */
export function isPrivateAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.\d+\.\d+$/i.exec(address);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return /^f[cd][0-9a-f]{2}:/i.test(address);
}

export interface HostLookup {
  host: string;
  addresses: ResolvedAddress[];
  /** "addr:port" when a --connect-to mapping replaced the lookup. */
  mappedTo: string | null;
  anyPrivate: boolean;
  /** The lookup failed: ENOTFOUND, ETIMEOUT, ... */
  error: string | null;
}

export function findMapping(connectTo: ConnectTo[], host: string, port: number): ConnectTo | undefined {
  const h = host.toLowerCase();
  return connectTo.find((m) => (m.host === '' || m.host.toLowerCase() === h) && (m.port === 0 || m.port === port));
}

/** Resolves host as the HTTP probe would reach it: a --connect-to mapping wins over DNS. */
export async function lookupHost(host: string, port: number, connectTo: ConnectTo[], resolver: Resolver, signal: AbortSignal): Promise<HostLookup> {
  const mapping = findMapping(connectTo, host, port);
  const name = mapping ? mapping.toHost || host : host;
  const mappedTo = mapping ? `${name}:${mapping.toPort || port}` : null;
  try {
    const found = await resolver(name.replace(/^\[|\]$/g, ''), signal);
    const addresses = found.map((a) => ({ address: a.address, family: (a.family === 6 ? 6 : 4) as 4 | 6, private: isPrivateAddress(a.address) }));
    return { host, addresses, mappedTo, anyPrivate: addresses.some((a) => a.private), error: addresses.length ? null : 'ENODATA' };
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    return { host, addresses: [], mappedTo, anyPrivate: false, error: code };
  }
}
