import type { CheckContext, CheckDefinition, CheckOutcome, Remediation } from '../../engine/types.js';
import type { DataEndpointObservation, DnsData, LoginServerData, PullData } from '../data.js';
import { t } from '../../knowledge/i18n.js';
import { downloadRedirect } from './blob.js';
import { errorKindWords } from './outcomes.js';
import { lookupRemedy } from '../registry/remedies.js';
import { lookupHost, systemResolver, type HostLookup, type Resolver } from './lookup.js';

/** "*.data.azurecr.io" for "myreg.eastus.data.azurecr.io"; the host itself when it has no such shape. */
export function dataEndpointWildcard(host: string): string {
  const i = host.indexOf('.data.');
  return i > 0 ? `*${host.slice(i)}` : host;
}

/** The private DNS zone a private endpoint's records live in: privatelink.azurecr.io for *.azurecr.io. */
export function privateZone(host: string): string {
  const m = /\.(azurecr\.(?:io|cn|us))$/.exec(host);
  return m ? `privatelink.${m[1]}` : 'privatelink.azurecr.io';
}

async function loginServerPrivate(ctx: CheckContext, resolver: Resolver): Promise<boolean | null> {
  const dns = ctx.dep<DnsData>('registry.dns');
  if (dns) return dns.anyPrivate;
  const ls = ctx.dep<LoginServerData>('registry.login-server');
  if (!ls) return null;
  const found = await lookupHost(ls.host, ls.port, ctx.options.connectTo, resolver, ctx.signal);
  return found.error ? null : found.anyPrivate;
}

export interface Judgement {
  status: 'pass' | 'warn' | 'fail';
  /** i18n key of the summary. */
  key: string;
  privateDnsFix: boolean;
  firewallFix: boolean;
  caFix: boolean;
}

/** Pure: what the observed download and the lookups mean. */
export function judgeDataEndpoint(obs: DataEndpointObservation, dns: HostLookup, loginPrivate: boolean | null): Judgement {
  // A data endpoint that resolves publicly (or not at all) while the login server resolves privately:
  // the private DNS zone lacks its record.
  const zoneGap = loginPrivate === true && !dns.mappedTo && !dns.anyPrivate;
  const base = { privateDnsFix: zoneGap, firewallFix: false, caFix: false };
  if (obs.status === 200) {
    if (obs.digestOk === false) return { ...base, status: 'fail', key: 'repository.data.digestMismatch', firewallFix: true };
    if (zoneGap) return { ...base, status: 'warn', key: 'repository.data.publicWhilePrivate' };
    return { ...base, status: 'pass', key: 'repository.data.pass' };
  }
  if (obs.status !== null) {
    const denied = obs.status === 403 || obs.status === 401;
    return { ...base, status: 'fail', key: denied ? 'repository.data.denied' : 'repository.data.status', firewallFix: denied };
  }
  switch (obs.errorKind) {
    case 'dns':
    case 'dns-timeout':
      return { ...base, status: 'fail', key: 'repository.data.noDns', firewallFix: !zoneGap };
    case 'tls':
      return { ...base, status: 'fail', key: 'repository.data.tls', caFix: true };
    case 'proxy':
      return { ...base, status: 'fail', key: 'repository.data.proxy', firewallFix: true };
    case 'aborted':
    case 'timeout':
      return { ...base, status: 'fail', key: 'repository.data.timeout', firewallFix: true };
    default:
      return { ...base, status: 'fail', key: 'repository.data.unreachable', firewallFix: true };
  }
}

function remediationsFor(j: Judgement, host: string, platform: NodeJS.Platform): Remediation[] {
  const out: Remediation[] = [];
  const docs = 'https://aka.ms/acr/firewall';
  if (j.privateDnsFix) {
    out.push({ id: 'private-dns-record', title: t('repository.data.fix.privateDns', { host, zone: privateZone(host) }), command: null, changes: true, docs });
  }
  if (j.firewallFix) {
    out.push({ id: 'allow-data-endpoint', title: t('repository.data.fix.allow', { host, wildcard: dataEndpointWildcard(host) }), command: null, changes: true, docs });
  }
  if (j.caFix) {
    out.push({ id: 'trust-proxy-ca', title: t('repository.data.fix.ca', { host }), command: null, changes: false });
  }
  // A name problem: what this machine's resolver answers (nslookup, or Resolve-DnsName in PowerShell on
  // Windows). The host comes from the registry's redirect, so only a plain DNS name goes into the command.
  if ((j.key === 'repository.data.noDns' || j.privateDnsFix) && /^[A-Za-z0-9.-]+$/.test(host)) {
    out.push(lookupRemedy(host, platform));
  }
  return out;
}

export function createDataEndpointCheck(opts: { resolver?: Resolver } = {}): CheckDefinition {
  const resolver = opts.resolver ?? systemResolver;
  return {
    id: 'repository.data-endpoint',
    group: 'repository',
    title: 'Data endpoint serves blob content',
    dependsOn: ['repository.pull'],
    codes: ['DATA_ENDPOINT_ERROR'],
    enabled: (options) => options.repository !== null,
    run: async (ctx): Promise<CheckOutcome> => {
      const pull = ctx.dep<PullData>('repository.pull');
      if (!pull || !pull.dataEndpointHost || !pull.redirectUrl) {
        return { status: 'skip', summary: t('repository.data.noRedirect'), details: { dataEndpointHost: null } };
      }
      const url = new URL(pull.redirectUrl.reveal());
      const host = pull.dataEndpointHost;
      const port = url.port ? Number(url.port) : 443;
      // The first run reports what pull saw (no second download); a re-run downloads again.
      const reused = !!pull.dataEndpoint && !pull.dataEndpoint.reported;
      const obs = reused ? pull.dataEndpoint! : await downloadRedirect(ctx.probes.http, url.toString(), pull.blobDigest ?? '', pull.dataEndpoint?.textual ?? false, ctx.signal);
      obs.reported = true;
      pull.dataEndpoint = obs;
      const [dns, loginPrivate] = await Promise.all([
        lookupHost(host, port, ctx.options.connectTo, resolver, ctx.signal),
        loginServerPrivate(ctx, resolver),
      ]);
      const j = judgeDataEndpoint(obs, dns, loginPrivate);
      const addresses = dns.addresses.map((a) => a.address);
      return {
        status: j.status,
        code: j.status === 'pass' ? null : 'DATA_ENDPOINT_ERROR',
        summary: t(j.key, {
          host,
          status: String(obs.status ?? ''),
          kind: obs.errorKind ? errorKindWords(obs.errorKind) : '',
          addresses: addresses.join(', ') || '—',
          bytes: obs.bytes,
          ms: obs.durationMs,
        }),
        details: {
          host,
          port,
          addresses,
          resolvedPrivately: dns.anyPrivate,
          tls: url.protocol !== 'https:' ? 'none' : obs.status !== null ? 'ok' : obs.errorKind === 'tls' ? 'failed' : 'not-reached',
          dnsError: dns.error,
          mappedTo: dns.mappedTo,
          loginServerResolvedPrivately: loginPrivate,
          status: obs.status,
          errorKind: obs.errorKind,
          errorCode: obs.errorCode,
          serverCode: obs.serverCode ?? null,
          bytes: obs.bytes,
          durationMs: obs.durationMs,
          digestVerified: obs.digestOk,
          observedByPull: reused,
        },
        remediations: remediationsFor(j, host, ctx.probes.platform),
      };
    },
  };
}

export const dataEndpointCheck = createDataEndpointCheck();
