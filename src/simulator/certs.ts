import { generate } from 'selfsigned';
import type { TlsMode } from './types.js';

/** Certificates made fresh at every start; private keys live only in memory. */

export interface KeyCert {
  key: string;
  cert: string;
}

export interface SimCerts {
  /** The CA handed to clients (caPem / caFile). */
  ca: KeyCert;
  /** A second CA nobody trusts (untrusted-certificate). */
  rogueCa: KeyCert;
  leaves: Record<TlsMode, KeyCert>;
}

const DAY = 24 * 60 * 60 * 1000;

async function makeCa(cn: string, org: string): Promise<KeyCert> {
  const now = Date.now();
  const r = await generate([{ name: 'commonName', value: cn }, { name: 'organizationName', value: org }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 30 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { key: r.private, cert: r.cert };
}

async function makeLeaf(hosts: string[], ca: KeyCert, validDays: number): Promise<KeyCert> {
  const now = Date.now();
  const r = await generate([{ name: 'commonName', value: hosts[0]! }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + validDays * DAY),
    ca,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...hosts.map((h) => ({ type: 2 as const, value: h })), { type: 7 as const, ip: '127.0.0.1' }],
      },
    ],
  });
  return { key: r.private, cert: r.cert };
}

export async function makeCerts(hosts: string[]): Promise<SimCerts> {
  const [ca, rogueCa] = await Promise.all([
    makeCa('acr-doctor simulator CA', 'acr-doctor simulator'),
    // What a TLS-inspecting corporate proxy presents instead of the registry's own certificate.
    makeCa('Contoso Web Gateway Inspection CA', 'Contoso Ltd'),
  ]);
  const [trusted, expiring, untrusted] = await Promise.all([
    makeLeaf(hosts, ca, 20),
    makeLeaf(hosts, ca, 5),
    makeLeaf(hosts, rogueCa, 20),
  ]);
  return { ca, rogueCa, leaves: { trusted, expiring, untrusted } };
}
