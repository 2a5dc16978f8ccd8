import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import type { ResolvedAddress } from '../checks/data.js';
import { classifyAddress } from './ip.js';

export type DnsFailureKind = 'not-found' | 'no-answer' | 'aborted' | 'other';

export class DnsLookupError extends Error {
  constructor(
    readonly kind: DnsFailureKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DnsLookupError';
  }
}

export type LookupFn = (
  host: string,
  callback: (err: NodeJS.ErrnoException | null, addresses: { address: string; family: number }[]) => void,
) => void;

const systemLookup: LookupFn = (host, cb) => dnsLookup(host, { all: true, verbatim: true }, cb);

/** Sorts a resolver error: the name does not exist vs. no resolver answered. */
export function classifyDnsError(code: string | undefined): DnsFailureKind {
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_NODATA' || code === 'ENODATA') return 'not-found';
  if (code === 'EAI_AGAIN' || code === 'ETIMEOUT' || code === 'ECONNREFUSED' || code === 'ESERVFAIL' || code === 'EAI_FAIL') return 'no-answer';
  return 'other';
}

/**
 * Every address of `host` (IPv4 and IPv6, as the system resolver gives them), each marked
 * private or public. The OS lookup cannot be cancelled, so a time limit and the signal end the
 * wait (kind no-answer / aborted) and the late answer is dropped.
 */
export function lookupAll(
  host: string,
  opts: { timeoutMs: number; signal?: AbortSignal; lookup?: LookupFn },
): Promise<ResolvedAddress[]> {
  if (isIP(host)) {
    const family = isIP(host) as 4 | 6;
    return Promise.resolve([{ address: host, family, private: classifyAddress(host).private }]);
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new DnsLookupError('no-answer', 'ETIMEOUT', `no DNS answer for ${host} within ${opts.timeoutMs} ms`))),
      opts.timeoutMs,
    );
    const onAbort = (): void => finish(() => reject(new DnsLookupError('aborted', 'ABORT_ERR', 'the lookup was stopped')));
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    (opts.lookup ?? systemLookup)(host, (err, addresses) => {
      if (err) {
        const code = err.code ?? 'UNKNOWN';
        return finish(() => reject(new DnsLookupError(classifyDnsError(code), code, err.message)));
      }
      const seen = new Set<string>();
      const out: ResolvedAddress[] = [];
      for (const a of addresses) {
        if (seen.has(a.address)) continue;
        seen.add(a.address);
        out.push({ address: a.address, family: a.family === 6 ? 6 : 4, private: classifyAddress(a.address).private });
      }
      finish(() => resolve(out));
    });
  });
}
