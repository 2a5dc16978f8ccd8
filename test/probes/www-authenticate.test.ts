import { describe, expect, it } from 'vitest';
import { findChallenge, parseWwwAuthenticate } from '../../src/probes/www-authenticate.js';

describe('parseWwwAuthenticate', () => {
  it("reads ACR's Bearer challenge with realm, service and scope", () => {
    const [c] = parseWwwAuthenticate(
      'Bearer realm="https://myreg.azurecr.io/oauth2/token",service="myreg.azurecr.io",scope="repository:hello-world:pull"',
    );
    expect(c).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://myreg.azurecr.io/oauth2/token', service: 'myreg.azurecr.io', scope: 'repository:hello-world:pull' },
    });
  });

  it('keeps commas and escaped quotes inside quoted strings', () => {
    const [c] = parseWwwAuthenticate('Bearer realm="a,b \\"c\\", d", scope="repository:x:pull,push", service=reg');
    expect(c!.params).toEqual({ realm: 'a,b "c", d', scope: 'repository:x:pull,push', service: 'reg' });
  });

  it('separates several challenges in one header, in order', () => {
    const cs = parseWwwAuthenticate('Basic realm="basic-realm", Bearer realm="https://r/token", service="s", Negotiate');
    expect(cs.map((c) => c.scheme)).toEqual(['basic', 'bearer', 'negotiate']);
    expect(findChallenge(cs, 'Bearer')!.params).toEqual({ realm: 'https://r/token', service: 's' });
    expect(findChallenge(cs, 'basic')!.params.realm).toBe('basic-realm');
  });

  it('reads several headers and token68 credentials', () => {
    const cs = parseWwwAuthenticate(['Negotiate abc123==', 'Bearer realm="r",service="s"']);
    expect(cs[0]).toEqual({ scheme: 'negotiate', params: {}, token68: 'abc123==' });
    expect(cs[1]!.params.service).toBe('s');
  });

  it('lower-cases schemes and parameter names, tolerates spaces around =', () => {
    const [c] = parseWwwAuthenticate('BEARER Realm = "r" , SERVICE= s');
    expect(c).toEqual({ scheme: 'bearer', params: { realm: 'r', service: 's' } });
  });

  it('survives junk: empty, unterminated quotes, stray characters', () => {
    expect(parseWwwAuthenticate(undefined)).toEqual([]);
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate('Bearer realm="unterminated')[0]!.params.realm).toBe('unterminated');
    const cs = parseWwwAuthenticate('"garbage" ;; Basic realm=x');
    expect(findChallenge(cs, 'basic')!.params.realm).toBe('x');
  });

  it('a Bearer challenge without parameters has none', () => {
    expect(parseWwwAuthenticate('Bearer')).toEqual([{ scheme: 'bearer', params: {} }]);
  });
});
