import { describe, expect, it } from 'vitest';
import { runRegistryChain } from '../../probes/harness.js';
import { loginServerCheck } from '../../../src/checks/registry/login-server.js';
import { makeDnsCheck } from '../../../src/checks/registry/dns.js';
import type { LookupFn } from '../../../src/probes/dns.js';
import type { DnsData } from '../../../src/checks/data.js';

const answering = (addresses: { address: string; family: number }[]): LookupFn => (_h, cb) => setImmediate(() => cb(null, addresses));
const failing = (code: string): LookupFn => (_h, cb) => setImmediate(() => cb(Object.assign(new Error(`getaddrinfo ${code}`), { code }), []));
const chain = (lookup: LookupFn) => ({ checks: [loginServerCheck, makeDnsCheck(lookup)] });

describe('registry.dns', () => {
  it('lists every address; a private one is evidence of a private endpoint', async () => {
    const run = await runRegistryChain('myreg', {}, chain(answering([{ address: '10.1.0.5', family: 4 }, { address: 'fd00::5', family: 6 }])));
    const r = run.results['registry.dns']!;
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('10.1.0.5');
    expect(r.summary).toMatch(/private endpoint/);
    expect(r.details).toMatchObject({ privateEndpoint: true, ipv4: 1, ipv6: 1 });
    expect(run.data['registry.dns'] as unknown as DnsData).toEqual({
      addresses: [
        { address: '10.1.0.5', family: 4, private: true },
        { address: 'fd00::5', family: 6, private: true },
      ],
      mappedTo: null,
      anyPrivate: true,
    });
  });

  it('public addresses pass without the private-endpoint note', async () => {
    const run = await runRegistryChain('myreg', {}, chain(answering([{ address: '20.60.1.2', family: 4 }])));
    expect(run.results['registry.dns']!.summary).not.toMatch(/private/);
    expect(run.data['registry.dns']).toMatchObject({ anyPrivate: false });
  });

  it('"name does not exist" and "DNS server not answering" read differently and suggest different fixes', async () => {
    const missing = (await runRegistryChain('myreg', {}, chain(failing('ENOTFOUND')))).results['registry.dns']!;
    const silent = (await runRegistryChain('myreg', {}, chain(failing('EAI_AGAIN')))).results['registry.dns']!;
    for (const r of [missing, silent]) {
      expect(r.status).toBe('fail');
      expect(r.code).toBe('CONNECTIVITY_DNS_ERROR');
      expect(r.summary).toContain('myreg.azurecr.io');
    }
    expect(missing.summary).toMatch(/does not exist/);
    expect(silent.summary).toMatch(/No DNS server answered/);
    expect(missing.details.reason).toBe('name-does-not-exist');
    expect(silent.details.reason).toBe('dns-not-answering');
    expect(missing.remediations[0]!.command).toEqual(['az', 'acr', 'list', '--query', '[].loginServer', '--output', 'tsv']);
    expect(silent.remediations[0]!.id).toBe('show-dns-servers');
    expect(missing.remediations.some((x) => x.title.includes('privatelink.azurecr.io'))).toBe(true);
  });

  it('uses the platform lookup tool in its remediation', async () => {
    const linux = await runRegistryChain('myreg', {}, { ...chain(failing('ENOTFOUND')), platform: 'linux' });
    const win = await runRegistryChain('myreg', {}, { ...chain(failing('ENOTFOUND')), platform: 'win32' });
    const cmd = (r: typeof linux) => r.results['registry.dns']!.remediations.find((x) => x.id === 'lookup-name')!.command;
    expect(cmd(linux)).toEqual(['nslookup', 'myreg.azurecr.io']);
    expect(cmd(win)).toContain('Resolve-DnsName');
  });

  it('reports a --connect-to mapping instead of looking the name up', async () => {
    const never: LookupFn = () => {
      throw new Error('must not look up');
    };
    const run = await runRegistryChain('myreg', { connectTo: [{ host: 'myreg.azurecr.io', port: 443, toHost: '10.2.0.4', toPort: 8443 }] }, chain(never));
    const r = run.results['registry.dns']!;
    expect(r.status).toBe('pass');
    expect(r.details).toMatchObject({ mappedTo: '10.2.0.4:8443', lookup: false });
    expect(r.summary).toContain('--connect-to');
    expect(run.data['registry.dns']).toMatchObject({ mappedTo: '10.2.0.4:8443' });
  });
});

describe('registry.dns behind a proxy', () => {
  it('a local lookup failure is only a warning when a proxy resolves names for us', async () => {
    const run = await runRegistryChain('myreg', {}, { ...chain(failing('ENOTFOUND')), env: { HTTPS_PROXY: 'http://user:pw@proxy.corp:3128' } });
    const r = run.results['registry.dns']!;
    expect(r).toMatchObject({ status: 'warn', code: 'CONNECTIVITY_DNS_ERROR', details: { proxy: 'http://proxy.corp:3128' } });
    expect(r.summary).toContain('http://proxy.corp:3128');
    expect(r.summary).not.toContain('pw');
  });
});
