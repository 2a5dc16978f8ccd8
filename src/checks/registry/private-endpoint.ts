import type { CheckDefinition, CheckOutcome } from '../../engine/types.js';
import type { DnsData } from '../data.js';
import { acrShow, runAz } from '../../probes/az.js';
import { safeResourceId } from '../../probes/safe-values.js';
import { t } from '../../knowledge/i18n.js';
import { lookupHost, systemResolver, type HostLookup, type Resolver } from '../repository/lookup.js';
import { azSkipRemediations, azSkipSummary } from './cmk.js';
import { lookupRemedy } from './remedies.js';
import { privateZone } from '../repository/data-endpoint.js';

/** The part of `az network private-endpoint show --output json` read here. */
export interface PrivateEndpointShow {
  id?: string;
  name?: string;
  customDnsConfigs?: { fqdn?: string | null; ipAddresses?: string[] | null }[] | null;
}

export interface ExpectedRecord {
  fqdn: string;
  expected: string[];
  endpoint: string;
}

export interface Mismatch {
  fqdn: string;
  expected: string[];
  actual: string[];
  error: string | null;
}

export function expectedRecords(pes: PrivateEndpointShow[]): ExpectedRecord[] {
  const out: ExpectedRecord[] = [];
  for (const pe of pes) {
    for (const c of pe.customDnsConfigs ?? []) {
      const ips = (c.ipAddresses ?? []).filter((ip) => typeof ip === 'string' && ip.length > 0);
      // The name ends up in a lookup command: only plain DNS names are taken.
      if (c.fqdn && /^[A-Za-z0-9.-]+$/.test(c.fqdn) && ips.length) out.push({ fqdn: c.fqdn.toLowerCase(), expected: ips, endpoint: pe.name ?? pe.id ?? '' });
    }
  }
  return out;
}

/** Pure: records whose name does not resolve to one of the private endpoint's addresses. */
export function compareRecords(records: ExpectedRecord[], lookups: Map<string, HostLookup>): Mismatch[] {
  const out: Mismatch[] = [];
  for (const r of records) {
    const l = lookups.get(r.fqdn);
    const actual = l?.addresses.map((a) => a.address) ?? [];
    if (!actual.some((a) => r.expected.includes(a.replace(/^::ffff:/i, '')))) {
      out.push({ fqdn: r.fqdn, expected: r.expected, actual, error: l?.error ?? null });
    }
  }
  return out;
}

export function createPrivateEndpointCheck(opts: { resolver?: Resolver } = {}): CheckDefinition {
  const resolver = opts.resolver ?? systemResolver;
  return {
    id: 'registry.private-endpoint',
    group: 'registry',
    title: 'Private endpoint addresses',
    dependsOn: ['registry.dns'],
    codes: ['PRIVATE_ENDPOINT_ERROR'],
    enabled: (_options, target) => !!target?.registryName,
    run: async (ctx): Promise<CheckOutcome> => {
      const name = ctx.target?.registryName;
      if (!name) return { status: 'skip', summary: t('azure.skip.notAcr') };
      const loginDns = ctx.dep<DnsData>('registry.dns');
      const shown = await acrShow(ctx, name);
      if (!shown.ok) {
        // Without the CLI the comparison that is still possible (login server private, data endpoint
        // public) needs the data endpoint's name, which only a pull reveals: repository.data-endpoint does it.
        const why = azSkipSummary(shown);
        return {
          status: 'skip',
          summary: `${why} ${t(loginDns?.anyPrivate ? 'azure.pe.skip.privateHint' : 'azure.pe.skip.hint')}`,
          details: { reason: shown.reason, loginServerResolvedPrivately: loginDns?.anyPrivate ?? null },
          remediations: azSkipRemediations(shown, ctx.probes.platform, ctx.probes.env),
        };
      }
      const connections = shown.value.privateEndpointConnections ?? [];
      const ids = connections.map((c) => c.privateEndpoint?.id).filter((id): id is string => !!id);
      if (ids.length === 0) {
        return {
          status: 'skip',
          summary: t('azure.pe.none', { name }),
          details: { privateEndpointConnections: 0, loginServerResolvedPrivately: loginDns?.anyPrivate ?? null },
        };
      }
      const pes: PrivateEndpointShow[] = [];
      const unreadable: string[] = [];
      const problems: string[] = [];
      for (const id of ids) {
        // The id comes from az's JSON and goes back on an az command line: only a well-formed one.
        if (!safeResourceId(id, 'Microsoft.Network/privateEndpoints')) {
          unreadable.push(id);
          continue;
        }
        const r = await runAz<PrivateEndpointShow>(ctx, ['network', 'private-endpoint', 'show', '--ids', id]);
        if (r.ok) pes.push(r.value);
        else {
          unreadable.push(id);
          problems.push(r.message);
        }
      }
      const records = expectedRecords(pes);
      if (records.length === 0) {
        const summary = problems.length ? t('azure.pe.unreadable', { message: problems[0]! }) : t('azure.pe.noRecords', { count: ids.length });
        return { status: 'skip', summary, details: { privateEndpoints: ids, unreadable, problems } };
      }
      const lookups = new Map<string, HostLookup>();
      await Promise.all(
        [...new Set(records.map((r) => r.fqdn))].map(async (fqdn) => {
          lookups.set(fqdn, await lookupHost(fqdn, 443, ctx.options.connectTo, resolver, ctx.signal));
        }),
      );
      const mismatches = compareRecords(records, lookups);
      const details = {
        privateEndpoints: ids,
        unreadable,
        records: records.map((r) => ({
          fqdn: r.fqdn,
          expected: r.expected,
          actual: lookups.get(r.fqdn)?.addresses.map((a) => a.address) ?? [],
          mappedTo: lookups.get(r.fqdn)?.mappedTo ?? null,
        })),
        mismatches,
      };
      if (mismatches.length === 0) return { status: 'pass', summary: t('azure.pe.pass', { count: records.length }), details };
      const list = mismatches
        .map((m) => t('azure.pe.mismatch', { fqdn: m.fqdn, expected: m.expected.join(', '), actual: m.actual.join(', ') || m.error || '—' }))
        .join('; ');
      return {
        status: 'fail',
        code: 'PRIVATE_ENDPOINT_ERROR',
        summary: t('azure.pe.fail', { count: mismatches.length, list }),
        details,
        remediations: [
          {
            id: 'link-private-dns-zone',
            title: t('azure.pe.fix.link', { zone: privateZone(mismatches[0]!.fqdn) }),
            command: null,
            changes: true,
            docs: 'https://aka.ms/acr/health-check',
          },
          {
            id: 'add-private-dns-records',
            title: t('azure.pe.fix.records', { records: mismatches.map((m) => `${m.fqdn} → ${m.expected.join(', ')}`).join('; ') }),
            command: null,
            changes: true,
          },
          // What this machine's resolver answers for the first wrong name (nslookup, or Resolve-DnsName on Windows).
          lookupRemedy(mismatches[0]!.fqdn, ctx.probes.platform),
        ],
      };
    },
  };
}

export const privateEndpointCheck = createPrivateEndpointCheck();
