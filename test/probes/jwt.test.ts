import { describe, expect, it } from 'vitest';
import { dateClaim, decodeJwt, isExpired, stringClaim } from '../../src/probes/jwt.js';
import { fakeJwt } from '../checks/auth/fakes.js';

describe('decodeJwt', () => {
  it('reads header and claims of a token without verifying it', () => {
    const token = fakeJwt({ upn: 'dana@contoso.example', tid: 't1', exp: 2000000000, aud: 'https://containerregistry.azure.net' });
    const d = decodeJwt(token);
    expect(d?.header.alg).toBe('RS256');
    expect(stringClaim(d!.claims, 'upn')).toBe('dana@contoso.example');
    expect(dateClaim(d!.claims, 'exp')?.toISOString()).toBe('2033-05-18T03:33:20.000Z');
  });

  it('returns null for opaque tokens, broken base64 and non-object payloads', () => {
    expect(decodeJwt('not-a-jwt')).toBeNull();
    expect(decodeJwt('a.b')).toBeNull();
    expect(decodeJwt('eyJhbGciOiJub25lIn0.!!!.x')).toBeNull();
    const arrayPayload = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('[1,2]').toString('base64url')}.`;
    expect(decodeJwt(arrayPayload)).toBeNull();
  });

  it('tells an expired token from a valid one and ignores tokens without exp', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(isExpired({ exp: Math.floor(now.getTime() / 1000) - 1 }, now)).toBe(true);
    expect(isExpired({ exp: Math.floor(now.getTime() / 1000) + 60 }, now)).toBe(false);
    expect(isExpired({}, now)).toBe(false);
  });

  it('accepts only string claims as strings', () => {
    expect(stringClaim({ oid: 42 }, 'oid')).toBeNull();
    expect(stringClaim({ oid: '' }, 'oid')).toBeNull();
  });
});
