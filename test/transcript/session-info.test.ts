import { describe, expect, it } from 'vitest';
import { buildSessionInfo, noProxyMatches, proxyInUse, stripProxyCredentials } from '../../src/transcript/session-info.js';
import { TARGET } from './fixture.js';

describe('session info', () => {
  it('strips user, password, path and query from the proxy URL', () => {
    expect(stripProxyCredentials('http://bob:s3cr3t@proxy.corp:3128/')).toBe('http://proxy.corp:3128');
    expect(stripProxyCredentials('bob:s3cr3t@proxy.corp:8080')).toBe('http://proxy.corp:8080');
    expect(stripProxyCredentials('https://proxy.corp/?token=abc')).toBe('https://proxy.corp');
  });

  it('prefers HTTPS_PROXY and honours NO_PROXY for the registry', () => {
    const env = { HTTPS_PROXY: 'http://u:p@secure:1', HTTP_PROXY: 'http://plain:2' };
    expect(proxyInUse(env, TARGET)).toBe('http://secure:1');
    expect(proxyInUse({ http_proxy: 'http://plain:2' }, TARGET)).toBe('http://plain:2');
    expect(proxyInUse({ ...env, NO_PROXY: '.azurecr.io' }, TARGET)).toBeNull();
    expect(proxyInUse({ ...env, no_proxy: 'example.com,myreg.azurecr.io' }, TARGET)).toBeNull();
    expect(proxyInUse({ ...env, NO_PROXY: 'other.azurecr.io' }, TARGET)).toBe('http://secure:1');
    expect(proxyInUse({}, TARGET)).toBeNull();
  });

  it('matches NO_PROXY entries by suffix, port and wildcard', () => {
    expect(noProxyMatches('*', 'anything', 443)).toBe(true);
    expect(noProxyMatches('azurecr.io', 'myreg.azurecr.io', 443)).toBe(true);
    expect(noProxyMatches('notazurecr.io', 'myreg.azurecr.io', 443)).toBe(false);
    expect(noProxyMatches('127.0.0.1:5000', '127.0.0.1', 5000)).toBe(true);
    expect(noProxyMatches('127.0.0.1:5000', '127.0.0.1', 443)).toBe(false);
  });

  it('records tool version, platform, arch, Node version, proxy, target and mode', () => {
    const info = buildSessionInfo({ target: TARGET, env: { HTTPS_PROXY: 'http://u:pw@p:3128' }, mode: 'demo', scenario: 'firewall', platform: 'linux' });
    expect(info).toEqual({
      toolVersion: expect.any(String),
      platform: 'linux',
      arch: process.arch,
      nodeVersion: process.version,
      proxy: 'http://p:3128',
      target: TARGET,
      mode: 'demo',
      scenario: 'firewall',
    });
  });
});
