import type { ConnectTo } from '../../engine/types.js';
import type { ResolvedAddress } from '../data.js';
import { lookupAll } from '../../probes/dns.js';
import { classifyAddress } from '../../probes/ip.js';
import { findMapping, hostPort, stripBrackets } from '../../probes/connect.js';

/** Resolves a host name to its addresses (all families). Injectable for tests. */
export type Resolver = (host: string, signal: AbortSignal) => Promise<{ address: string; family: number }[]>;

/** The session's DNS probe (system resolver, 5 s limit, honours the signal). */
export const systemResolver: Resolver = (host, signal) => lookupAll(host, { timeoutMs: 5000, signal });

/** Private in the sense registry.dns uses: reachable only inside a network (RFC 1918, loopback, ULA, ...). */
export function isPrivateAddress(address: string): boolean {
  return classifyAddress(address.replace(/^::ffff:(?=\d+\.)/i, '')).private;
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

/** Resolves host as the HTTP probe would reach it: a --connect-to mapping wins over DNS. */
export async function lookupHost(host: string, port: number, connectTo: ConnectTo[], resolver: Resolver, signal: AbortSignal): Promise<HostLookup> {
  const mapping = findMapping(host, port, connectTo);
  const name = stripBrackets(mapping ? mapping.toHost : host);
  const mappedTo = mapping ? hostPort(name, mapping.toPort) : null;
  try {
    const found = await resolver(name, signal);
    const addresses = found.map((a) => ({ address: a.address, family: (a.family === 6 ? 6 : 4) as 4 | 6, private: isPrivateAddress(a.address) }));
    // As registry.dns does: a mapped name says nothing about what DNS would give, so it is not called private.
    return { host, addresses, mappedTo, anyPrivate: !mappedTo && addresses.some((a) => a.private), error: addresses.length ? null : 'ENODATA' };
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    return { host, addresses: [], mappedTo, anyPrivate: false, error: code };
  }
}
