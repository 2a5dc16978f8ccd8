import type { PeerCertificate } from 'node:tls';
import type { CertificateInfo } from './http-types.js';

type Names = Partial<Record<string, string | string[]>>;

function formatName(name: Names | undefined): string {
  if (!name) return '';
  const order = ['CN', 'OU', 'O', 'L', 'ST', 'C'];
  const keys = [...order.filter((k) => k in name), ...Object.keys(name).filter((k) => !order.includes(k))];
  return keys
    .map((k) => {
      const v = name[k];
      return `${k}=${Array.isArray(v) ? v.join('+') : v}`;
    })
    .join(', ');
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** A peer certificate as evidence: subject, issuer, SANs, validity (ISO), fingerprint. */
export function certificateInfo(cert: PeerCertificate): CertificateInfo {
  const subject = formatName(cert.subject as unknown as Names);
  const issuer = formatName(cert.issuer as unknown as Names);
  const issuerNames = cert.issuer as unknown as Names | undefined;
  const issuerName = first(issuerNames?.O) ?? first(issuerNames?.CN) ?? (issuer || 'unknown');
  const sans = (cert.subjectaltname ?? '')
    .split(/,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  const iso = (d: string | undefined): string => {
    const t = d ? Date.parse(d) : NaN;
    return Number.isNaN(t) ? (d ?? '') : new Date(t).toISOString();
  };
  return {
    subject,
    issuer,
    issuerName,
    subjectAltNames: sans,
    validFrom: iso(cert.valid_from),
    validTo: iso(cert.valid_to),
    fingerprint256: cert.fingerprint256 ?? '',
    selfSigned: subject !== '' && subject === issuer,
  };
}

export type TlsFailure = 'unknown-issuer' | 'name-mismatch' | 'expired' | 'not-yet-valid' | 'reset' | 'protocol' | 'other';

const UNKNOWN_ISSUER = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

/** Sorts a TLS failure (verify code or socket error code) into what the person must do about it. */
export function classifyTlsFailure(code: string | null | undefined, message = ''): TlsFailure {
  const c = code ?? '';
  if (UNKNOWN_ISSUER.has(c)) return 'unknown-issuer';
  if (c === 'ERR_TLS_CERT_ALTNAME_INVALID' || c === 'HOSTNAME_MISMATCH') return 'name-mismatch';
  if (c === 'CERT_HAS_EXPIRED') return 'expired';
  if (c === 'CERT_NOT_YET_VALID') return 'not-yet-valid';
  if (c === 'ECONNRESET' || c === 'EPIPE' || c === 'UND_ERR_SOCKET' || /socket disconnected|closed|reset/i.test(message)) return 'reset';
  if (c === 'EPROTO' || /^ERR_SSL_/.test(c) || /wrong version number|unsupported protocol|handshake failure/i.test(message)) return 'protocol';
  return 'other';
}

/** Whole days from `now` until `validTo` (negative when past). */
export function daysUntil(validTo: string, now: Date = new Date()): number {
  return Math.floor((Date.parse(validTo) - now.getTime()) / 86_400_000);
}
