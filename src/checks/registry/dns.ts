import type { CheckDefinition, CheckOutcome, Remediation } from '../../engine/types.js';
import type { DnsData, LoginServerData, ResolvedAddress } from '../data.js';
import { t } from '../../knowledge/i18n.js';
import { DnsLookupError, lookupAll, type LookupFn } from '../../probes/dns.js';
import { findMapping, hostPort } from '../../probes/connect.js';
import { classifyAddress } from '../../probes/ip.js';
import { dnsServersRemedy, errorsDoc, lookupRemedy } from './remedies.js';

const CODE = 'CONNECTIVITY_DNS_ERROR';

function describe(addresses: ResolvedAddress[]): string {
  return addresses.map((a) => `${a.address} (${a.private ? 'private' : 'public'})`).join(', ');
}

/** Builds the check around an injectable resolver (tests pass one; the CLI uses the system's). */
export function makeDnsCheck(lookup?: LookupFn): CheckDefinition {
  return {
    id: 'registry.dns',
    group: 'registry',
    title: 'Login server name resolves',
    dependsOn: ['registry.login-server'],
    codes: [CODE],
    async run(ctx): Promise<CheckOutcome> {
      const ls = ctx.dep<LoginServerData>('registry.login-server');
      if (!ls) return { status: 'skip', summary: t('engine.blocked', { title: 'Registry login server' }), satisfiesDependents: false };
      const mapping = findMapping(ls.host, ls.port, ctx.options.connectTo);
      if (mapping) {
        const to = mapping.toHost.replace(/^\[|\]$/g, '');
        const mappedTo = hostPort(to, mapping.toPort);
        const klass = classifyAddress(to);
        const data: DnsData = {
          addresses: [],
          mappedTo,
          anyPrivate: false,
        };
        return {
          status: 'pass',
          summary: t('registry.dns.mapped', { hostPort: hostPort(ls.host, ls.port), mappedTo }),
          details: { host: ls.host, mappedTo, mappedAddressKind: klass.kind, lookup: false },
          data: data as unknown as Record<string, unknown>,
        };
      }
      const platform = ctx.probes.platform;
      try {
        const addresses = await lookupAll(ls.host, { timeoutMs: ctx.timeoutMs, signal: ctx.signal, ...(lookup ? { lookup } : {}) });
        if (addresses.length === 0) {
          return {
            status: 'fail',
            code: CODE,
            summary: t('registry.dns.empty', { host: ls.host }),
            details: { host: ls.host, addresses: [] },
            remediations: [lookupRemedy(ls.host, platform), dnsServersRemedy(platform)],
          };
        }
        const anyPrivate = addresses.some((a) => a.private);
        const data: DnsData = { addresses, mappedTo: null, anyPrivate };
        return {
          status: 'pass',
          summary: t(anyPrivate ? 'registry.dns.passPrivate' : 'registry.dns.pass', { host: ls.host, addresses: describe(addresses) }),
          details: {
            host: ls.host,
            addresses: addresses.map((a) => ({ ...a, kind: classifyAddress(a.address).kind })),
            ipv4: addresses.filter((a) => a.family === 4).length,
            ipv6: addresses.filter((a) => a.family === 6).length,
            privateEndpoint: anyPrivate,
            note: t(anyPrivate ? 'registry.dns.note.private' : 'registry.dns.note.public'),
          },
          data: data as unknown as Record<string, unknown>,
        };
      } catch (e) {
        const err = e instanceof DnsLookupError ? e : new DnsLookupError('other', 'UNKNOWN', String(e));
        const remediations: Remediation[] = [];
        let summary: string;
        if (err.kind === 'not-found') {
          summary = t('registry.dns.notFound', { host: ls.host, code: err.code });
          if (ls.registryName) {
            remediations.push({
              id: 'list-registries',
              title: t('registry.dns.fix.listRegistries'),
              command: ['az', 'acr', 'list', '--query', '[].loginServer', '--output', 'tsv'],
              changes: false,
              docs: errorsDoc(CODE),
            });
          }
          remediations.push(lookupRemedy(ls.host, platform));
          if (ls.registryName) remediations.push({ id: 'private-dns-zone', title: t('registry.dns.fix.privateZone', { host: ls.host }), command: null, changes: false });
        } else if (err.kind === 'no-answer' || err.kind === 'aborted') {
          summary = t('registry.dns.noAnswer', { host: ls.host, code: err.code });
          remediations.push(dnsServersRemedy(platform), lookupRemedy(ls.host, platform));
          if (ls.registryName) remediations.push({ id: 'private-dns-zone', title: t('registry.dns.fix.privateZone', { host: ls.host }), command: null, changes: false });
        } else {
          summary = t('registry.dns.other', { host: ls.host, code: err.code, message: err.message });
          remediations.push(lookupRemedy(ls.host, platform), dnsServersRemedy(platform));
        }
        // Behind a proxy the proxy resolves the name: a local failure need not stop the chain.
        const proxy = ctx.probes.http.proxyFor?.(ls.baseUrl) ?? null;
        if (proxy && err.kind !== 'aborted') {
          return {
            status: 'warn',
            code: CODE,
            summary: t('registry.dns.viaProxy', { summary, proxy }),
            details: { host: ls.host, error: err.code, proxy },
            remediations,
            satisfiesDependents: true,
          };
        }
        return {
          status: 'fail',
          code: CODE,
          summary,
          details: { host: ls.host, error: err.code, reason: err.kind === 'not-found' ? 'name-does-not-exist' : err.kind === 'other' ? 'lookup-failed' : 'dns-not-answering' },
          remediations,
        };
      }
    },
  };
}

export const dnsCheck: CheckDefinition = makeDnsCheck();
