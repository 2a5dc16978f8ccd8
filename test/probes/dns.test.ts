import { describe, expect, it } from 'vitest';
import { DnsLookupError, classifyDnsError, lookupAll, type LookupFn } from '../../src/probes/dns.js';

const answering = (addresses: { address: string; family: number }[]): LookupFn => (_h, cb) => setImmediate(() => cb(null, addresses));
const failing = (code: string): LookupFn => (_h, cb) => setImmediate(() => cb(Object.assign(new Error(`getaddrinfo ${code}`), { code }), []));

async function lookupError(p: Promise<unknown>): Promise<DnsLookupError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DnsLookupError);
    return e as DnsLookupError;
  }
  throw new Error('expected the lookup to fail');
}

describe('lookupAll', () => {
  it('returns every IPv4 and IPv6 address once, marked private or public', async () => {
    const addrs = await lookupAll('myreg.azurecr.io', {
      timeoutMs: 1000,
      lookup: answering([
        { address: '10.0.0.7', family: 4 },
        { address: '20.1.2.3', family: 4 },
        { address: 'fd00::7', family: 6 },
        { address: '20.1.2.3', family: 4 },
      ]),
    });
    expect(addrs).toEqual([
      { address: '10.0.0.7', family: 4, private: true },
      { address: '20.1.2.3', family: 4, private: false },
      { address: 'fd00::7', family: 6, private: true },
    ]);
  });

  it('tells a name that does not exist from a DNS server that does not answer', async () => {
    expect((await lookupError(lookupAll('x.azurecr.io', { timeoutMs: 1000, lookup: failing('ENOTFOUND') }))).kind).toBe('not-found');
    expect((await lookupError(lookupAll('x.azurecr.io', { timeoutMs: 1000, lookup: failing('EAI_AGAIN') }))).kind).toBe('no-answer');
  });

  it('gives up after its time limit when the resolver hangs, and on the signal', async () => {
    const hang: LookupFn = () => undefined;
    const slow = await lookupError(lookupAll('x.azurecr.io', { timeoutMs: 50, lookup: hang }));
    expect(slow).toMatchObject({ kind: 'no-answer', code: 'ETIMEOUT' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    expect((await lookupError(lookupAll('x.azurecr.io', { timeoutMs: 5000, signal: ac.signal, lookup: hang }))).kind).toBe('aborted');
  });

  it('does not look up an IP address', async () => {
    expect(await lookupAll('192.168.1.5', { timeoutMs: 10, lookup: () => { throw new Error('no'); } })).toEqual([
      { address: '192.168.1.5', family: 4, private: true },
    ]);
  });

  it('resolves localhost through the system resolver', async () => {
    const addrs = await lookupAll('localhost', { timeoutMs: 5000 });
    expect(addrs.length).toBeGreaterThan(0);
    expect(addrs.every((a) => a.private)).toBe(true);
  });

  it('classifies resolver codes', () => {
    expect(classifyDnsError('ENOTFOUND')).toBe('not-found');
    expect(classifyDnsError('ESERVFAIL')).toBe('no-answer');
    expect(classifyDnsError('EWHATEVER')).toBe('other');
  });
});
