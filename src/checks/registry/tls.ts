import type { CheckDefinition, CheckOutcome, Remediation } from '../../engine/types.js';
import type { LoginServerData } from '../data.js';
import { t } from '../../knowledge/i18n.js';
import { HttpError, type TlsHandshakeInfo } from '../../probes/http-types.js';
import { findMapping, hostPort } from '../../probes/connect.js';
import { classifyTlsFailure, daysUntil } from '../../probes/tls.js';
import { curlRemedy, errorsDoc, showCertificateRemedy } from './remedies.js';

const CODE = 'CONNECTIVITY_SSL_ERROR';
/** A certificate closer than this to its end is a warning. */
export const EXPIRY_WARNING_DAYS = 14;

function certDetails(info: TlsHandshakeInfo): Record<string, unknown> {
  const c = info.certificate;
  return {
    protocol: info.protocol,
    dialled: info.dialled,
    proxy: info.proxy,
    ...(c
      ? {
          subject: c.subject,
          issuer: c.issuer,
          subjectAltNames: c.subjectAltNames,
          validFrom: c.validFrom,
          validTo: c.validTo,
          fingerprint256: c.fingerprint256,
          selfSigned: c.selfSigned,
        }
      : {}),
  };
}

export const tlsCheck: CheckDefinition = {
  id: 'registry.tls',
  group: 'registry',
  title: 'Secure connection (TLS) to the login server',
  dependsOn: ['registry.dns'],
  codes: [CODE],
  async run(ctx): Promise<CheckOutcome> {
    const ls = ctx.dep<LoginServerData>('registry.login-server');
    if (!ls) return { status: 'skip', summary: t('engine.blocked', { title: 'Registry login server' }), satisfiesDependents: false };
    const http = ctx.probes.http;
    const url = `${ls.baseUrl}/`;
    const host = ls.host;
    const platform = ctx.probes.platform;
    const mapping = findMapping(host, ls.port, ctx.options.connectTo);
    const dialled = mapping ? hostPort(mapping.toHost.replace(/^\[|\]$/g, ''), mapping.toPort) : hostPort(host, ls.port);
    const proxy = http.proxyFor?.(url) ?? null;
    if (!http.tlsHandshake) {
      return { status: 'skip', summary: t('registry.tls.other', { host, message: 'no TLS probe' }), satisfiesDependents: true };
    }
    const showCert = showCertificateRemedy(host, ls.port, platform, mapping ? dialled : null);
    const firewall: Remediation = { id: 'ask-firewall', title: t('registry.tls.fix.firewall', { host }), command: null, changes: false };
    const curl = curlRemedy(ls.baseUrl, platform, t('registry.tls.fix.curl'), ctx.options);
    const noProxy: Remediation = { id: 'no-proxy', title: t('registry.tls.fix.noProxy', { host }), command: null, changes: false };
    const fail = (summary: string, details: Record<string, unknown>, remediations: Remediation[]): CheckOutcome => ({
      status: 'fail',
      code: CODE,
      summary,
      details: { host, port: ls.port, dialled, proxy, ...details },
      remediations: remediations.map((r) => ({ docs: errorsDoc(CODE), ...r })),
    });

    let info: TlsHandshakeInfo;
    try {
      info = await http.tlsHandshake(url, ctx.signal);
    } catch (e) {
      const err = e instanceof HttpError ? e : new HttpError('other', String(e), undefined, url);
      const base = { error: err.code ?? null, kind: err.kind };
      switch (err.kind) {
        case 'proxy': {
          const status = /^PROXY_(\d{3})$/.exec(err.code ?? '')?.[1];
          if (status) {
            return fail(t('registry.tls.proxyRefused', { proxy: proxy ?? '?', host, message: err.message }), { ...base, proxyStatus: Number(status) }, [
              { id: 'proxy-allow', title: t('registry.tls.fix.proxyAllow', { host, port: ls.port }), command: null, changes: false },
              { id: 'proxy-settings', title: t('registry.tls.fix.proxySettings', { proxy: proxy ?? '?' }), command: null, changes: false },
            ]);
          }
          return fail(t('registry.tls.proxyUnreachable', { proxy: proxy ?? '?', message: err.message }), base, [
            { id: 'proxy-settings', title: t('registry.tls.fix.proxySettings', { proxy: proxy ?? '?' }), command: null, changes: false },
            noProxy,
          ]);
        }
        case 'refused':
          return fail(t('registry.tls.refused', { dialled, host }), base, [
            ...(mapping ? [{ id: 'check-connect-to', title: t('registry.tls.fix.connectTo', { dialled }), command: null, changes: false }] : []),
            firewall,
            curl,
          ]);
        case 'timeout':
          return fail(t('registry.tls.timeout', { host }), base, [firewall, curl]);
        case 'reset':
          return fail(t('registry.tls.reset', { host }), base, [firewall, ...(proxy ? [noProxy] : []), curl]);
        case 'dns':
        case 'dns-timeout':
          return fail(t('registry.tls.dns', { host, code: err.code ?? '' }), base, [curl]);
        case 'aborted':
          return fail(t('registry.tls.timeout', { host }), base, [firewall]);
        case 'tls':
          return fail(t('registry.tls.protocol', { host, message: err.message }), base, [showCert, ...(proxy ? [noProxy] : []), firewall]);
        default:
          return fail(t('registry.tls.other', { host, message: err.message }), base, [curl]);
      }
    }

    const details = certDetails(info);
    const cert = info.certificate;
    if (!info.authorized) {
      const kind = classifyTlsFailure(info.errorCode, info.errorMessage ?? '');
      const base = { ...details, error: info.errorCode, failure: kind };
      switch (kind) {
        case 'unknown-issuer':
          return fail(t('registry.tls.unknownIssuer', { host, issuer: cert?.issuerName ?? '?' }), { ...base, issuerName: cert?.issuerName ?? null }, [
            { id: 'trust-proxy-ca', title: t('registry.tls.fix.caFile'), command: null, changes: false },
            noProxy,
            showCert,
          ]);
        case 'name-mismatch':
          return fail(t('registry.tls.nameMismatch', { host, names: cert?.subjectAltNames.join(', ') || cert?.subject || '?' }), base, [
            { id: 'check-name', title: t('registry.tls.fix.nameMismatch', { host }), command: null, changes: false },
            showCert,
          ]);
        case 'expired':
          return fail(t('registry.tls.expired', { host, validTo: cert?.validTo ?? '?' }), base, [
            { id: 'check-clock-expired', title: t('registry.tls.fix.expired'), command: null, changes: false },
            showCert,
          ]);
        case 'not-yet-valid':
          return fail(t('registry.tls.notYetValid', { host, validFrom: cert?.validFrom ?? '?' }), base, [
            { id: 'check-clock', title: t('registry.tls.fix.clock'), command: null, changes: false },
          ]);
        default:
          return fail(t('registry.tls.rejected', { host, message: info.errorMessage ?? info.errorCode ?? '?' }), base, [showCert, ...(proxy ? [noProxy] : [])]);
      }
    }

    const reuse = { connectionReused: info.reusable };
    if (cert) {
      const days = daysUntil(cert.validTo);
      if (days < EXPIRY_WARNING_DAYS) {
        return {
          status: 'warn',
          code: CODE,
          summary: t('registry.tls.expiring', { host, days, validTo: cert.validTo }),
          details: { host, port: ls.port, ...details, daysLeft: days, ...reuse },
          remediations: [{ id: 'renew-certificate', title: t('registry.tls.fix.expiring', { validTo: cert.validTo }), command: null, changes: false }],
        };
      }
    }
    return {
      status: 'pass',
      summary: t('registry.tls.pass', {
        protocol: info.protocol ?? 'TLS',
        host,
        subject: cert?.subject ?? '?',
        issuer: cert?.issuer ?? '?',
        validTo: cert?.validTo ?? '?',
      }),
      details: { host, port: ls.port, ...details, ...(cert ? { daysLeft: daysUntil(cert.validTo) } : {}), ...reuse },
    };
  },
};
