import type { ConnectTo, Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';

/** Shared remediations of the registry connectivity checks; commands differ per platform. */

export function lookupRemedy(host: string, platform: NodeJS.Platform): Remediation {
  // PowerShell reads -Command arguments as script: only a plain DNS name may go there.
  const plain = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(host);
  return {
    id: 'lookup-name',
    title: t('registry.dns.fix.lookup'),
    command: !plain ? null : platform === 'win32' ? ['powershell', '-NoProfile', '-Command', 'Resolve-DnsName', '-Name', host] : ['nslookup', host],
    changes: false,
  };
}

export function dnsServersRemedy(platform: NodeJS.Platform): Remediation {
  const command =
    platform === 'win32'
      ? ['ipconfig', '/all']
      : platform === 'darwin'
        ? ['scutil', '--dns']
        : ['cat', '/etc/resolv.conf'];
  return { id: 'show-dns-servers', title: t('registry.dns.fix.dnsServers'), command, changes: false };
}

/** How this run reaches the registry, so a suggested curl goes the same way (--connect-to, extra CA). */
export interface Reach {
  connectTo: ConnectTo[];
  caFile: string | null;
}

export function curlRemedy(baseUrl: string, platform: NodeJS.Platform, title: string, reach?: Reach): Remediation {
  // curl.exe: PowerShell's "curl" is an alias for Invoke-WebRequest.
  const extra = [
    ...(reach?.connectTo ?? []).flatMap((m) => ['--connect-to', `${m.host}:${m.port}:${m.toHost}:${m.toPort}`]),
    ...(reach?.caFile ? ['--cacert', reach.caFile] : []),
  ];
  return { id: 'try-curl', title, command: [platform === 'win32' ? 'curl.exe' : 'curl', '-sv', ...extra, `${baseUrl}/v2/`], changes: false };
}

export function showCertificateRemedy(host: string, port: number, platform: NodeJS.Platform, dialled: string | null): Remediation {
  if (platform === 'win32') {
    return { id: 'show-certificate', title: t('registry.tls.fix.showCertificate'), command: ['curl.exe', '-sv', '-o', 'NUL', `https://${host}:${port}/v2/`], changes: false };
  }
  return {
    id: 'show-certificate',
    title: t('registry.tls.fix.showCertificate'),
    command: ['openssl', 's_client', '-connect', dialled ?? `${host.includes(':') ? `[${host}]` : host}:${port}`, '-servername', host, '-showcerts'],
    changes: false,
  };
}

export function errorsDoc(code: string): string {
  return `https://aka.ms/acr/errors#${code.toLowerCase()}`;
}
