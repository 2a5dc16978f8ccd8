import { describe, expect, it } from 'vitest';
import { ProxyError, classifyNetworkError } from '../../src/probes/net-errors.js';
import { classifyTlsFailure, daysUntil } from '../../src/probes/tls.js';
import { bypassesProxy, displayProxy, proxyFor } from '../../src/probes/proxy-env.js';
import { deniedClientIp, htmlPage, parseRegistryErrors, retryAfterSeconds, serverDate } from '../../src/probes/registry-body.js';

const err = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('classifyNetworkError', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns-timeout'],
    ['ECONNREFUSED', 'refused'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
  ])('%s → %s', (code, kind) => {
    expect(classifyNetworkError(err(code)).kind).toBe(kind);
  });

  it("looks through undici's wrapper to the socket's own code", () => {
    const wrapped = Object.assign(new Error('fetch failed'), { code: 'UND_ERR_SOCKET', cause: err('ECONNRESET') });
    expect(classifyNetworkError(wrapped)).toMatchObject({ kind: 'reset', code: 'ECONNRESET' });
    expect(classifyNetworkError(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })).kind).toBe('reset');
  });

  it('a proxy failure is a proxy error, even wrapped', () => {
    const p = new ProxyError('refused', 403, 'http://proxy:3128');
    expect(classifyNetworkError(p)).toMatchObject({ kind: 'proxy', code: 'PROXY_403' });
    expect(classifyNetworkError(Object.assign(new Error('x'), { cause: p })).kind).toBe('proxy');
  });

  it('an aborted signal is a timeout when the runner timed the check out, else aborted', () => {
    const a = new AbortController();
    a.abort(new Error('timed out after 2 s'));
    expect(classifyNetworkError(err('UND_ERR_ABORTED'), a.signal).kind).toBe('timeout');
    const b = new AbortController();
    b.abort(new Error('interrupted'));
    expect(classifyNetworkError(err('UND_ERR_ABORTED'), b.signal).kind).toBe('aborted');
  });
});

describe('classifyTlsFailure', () => {
  it.each([
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unknown-issuer'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'unknown-issuer'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'unknown-issuer'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'name-mismatch'],
    ['CERT_HAS_EXPIRED', 'expired'],
    ['CERT_NOT_YET_VALID', 'not-yet-valid'],
    ['ECONNRESET', 'reset'],
    ['EPROTO', 'protocol'],
  ])('%s → %s', (code, kind) => {
    expect(classifyTlsFailure(code)).toBe(kind);
  });
  it('counts days to expiry', () => {
    expect(daysUntil('2026-01-11T00:00:00Z', new Date('2026-01-01T00:00:00Z'))).toBe(10);
    expect(daysUntil('2025-12-31T00:00:00Z', new Date('2026-01-01T00:00:00Z'))).toBe(-1);
  });
});

describe('proxy from the environment', () => {
  const target = new URL('https://myreg.azurecr.io/v2/');
  it('lower-case wins, HTTPS falls back to HTTP_PROXY, scheme-less values work', () => {
    expect(proxyFor(target, { https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2' })!.display).toBe('http://a:1');
    expect(proxyFor(target, { HTTP_PROXY: 'proxy.corp:3128' })!.display).toBe('http://proxy.corp:3128');
    expect(proxyFor(new URL('http://reg:5000/'), { HTTPS_PROXY: 'http://b:2' })).toBeNull();
    expect(proxyFor(target, {})).toBeNull();
  });
  it('never shows credentials', () => {
    expect(proxyFor(target, { HTTPS_PROXY: 'http://user:s3cret@proxy:8080/' })!.display).toBe('http://proxy:8080');
    expect(displayProxy('http://u:p@h:1')).toBe('http://h:1');
  });
  it('honours NO_PROXY: exact, suffix, wildcard, port, IP', () => {
    expect(bypassesProxy('myreg.azurecr.io', 443, 'azurecr.io')).toBe(true);
    expect(bypassesProxy('myreg.azurecr.io', 443, '.azurecr.io')).toBe(true);
    expect(bypassesProxy('myreg.azurecr.io', 443, '*.azurecr.io')).toBe(true);
    expect(bypassesProxy('notazurecr.io', 443, 'azurecr.io')).toBe(false);
    expect(bypassesProxy('myreg.azurecr.io', 443, 'myreg.azurecr.io:8443')).toBe(false);
    expect(bypassesProxy('127.0.0.1', 5000, 'localhost, 127.0.0.1')).toBe(true);
    expect(bypassesProxy('anything', 1, '*')).toBe(true);
    expect(proxyFor(target, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.azurecr.io' })).toBeNull();
  });
});

describe('registry bodies', () => {
  it("finds the client IP in ACR's firewall denial", () => {
    const body =
      '{"errors":[{"code":"DENIED","message":"client with IP \'203.0.113.7\' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."}]}';
    const errors = parseRegistryErrors(body);
    expect(errors[0]!.code).toBe('DENIED');
    expect(deniedClientIp(errors)).toBe('203.0.113.7');
    expect(deniedClientIp(parseRegistryErrors('{"errors":[{"code":"DENIED","message":"retrieving permissions failed"}]}'))).toBeNull();
    expect(parseRegistryErrors('<html>')).toEqual([]);
    expect(parseRegistryErrors('{"errors":"nope"}')).toEqual([]);
  });
  it('recognises HTML pages and their title', () => {
    expect(htmlPage({ 'content-type': 'text/html; charset=utf-8' }, '<html><title>\n Blocked  by policy</title>')).toEqual({ title: 'Blocked by policy' });
    expect(htmlPage({}, '<!DOCTYPE html><html></html>')).toEqual({ title: '' });
    expect(htmlPage({ 'content-type': 'application/json' }, '{}')).toBeNull();
  });
  it('reads Retry-After as seconds or a date, and the Date header', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(retryAfterSeconds('30', now)).toBe(30);
    expect(retryAfterSeconds('Sun, 22 Nov 2026 10:01:00 GMT', now)).toBe(60);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(serverDate({ date: 'Sun, 22 Nov 2026 10:01:00 GMT' })).toBe('2026-11-22T10:01:00.000Z');
    expect(serverDate({})).toBeNull();
  });
});
