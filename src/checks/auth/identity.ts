import type { Identity } from '../data.js';
import { dateClaim, decodeJwt, stringClaim, type Claims } from '../../probes/jwt.js';

/**
 * Who an AAD token belongs to, read from its claims. A user has upn/unique_name; an app token has
 * appid (or azp) and idtyp "app"; a managed identity's token also carries xms_mirid.
 */
export function identityFromClaims(claims: Claims, fallback: { tenantId?: string | null; expiresAt?: string | null } = {}): Identity {
  const upn = stringClaim(claims, 'upn') ?? stringClaim(claims, 'unique_name') ?? stringClaim(claims, 'preferred_username');
  const appId = stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp');
  const isApp = stringClaim(claims, 'idtyp') === 'app' || (!upn && appId !== null);
  const managed = stringClaim(claims, 'xms_mirid') !== null;
  const exp = dateClaim(claims, 'exp');
  const aud = claims.aud;
  return {
    kind: managed ? 'managed-identity' : isApp ? 'service-principal' : 'user',
    name: isApp ? appId : (upn ?? appId),
    objectId: stringClaim(claims, 'oid'),
    tenantId: stringClaim(claims, 'tid') ?? fallback.tenantId ?? null,
    audience: typeof aud === 'string' ? aud : Array.isArray(aud) && typeof aud[0] === 'string' ? aud[0] : null,
    expiresAt: exp ? exp.toISOString() : (fallback.expiresAt ?? null),
  };
}

/** Identity of an AAD access token; an opaque token yields what the source told us besides it. */
export function identityFromAadToken(token: string, fallback: { tenantId?: string | null; expiresAt?: string | null; kind?: Identity['kind'] } = {}): Identity {
  const decoded = decodeJwt(token);
  if (decoded) return identityFromClaims(decoded.claims, fallback);
  return {
    kind: fallback.kind ?? 'user',
    name: null,
    objectId: null,
    tenantId: fallback.tenantId ?? null,
    audience: null,
    expiresAt: fallback.expiresAt ?? null,
  };
}

/** Evidence for details: the identity's fields without empty ones. Never holds the token. */
export function identityDetails(identity: Identity): Record<string, string> {
  const out: Record<string, string> = { kind: identity.kind };
  if (identity.name) out.name = identity.name;
  if (identity.objectId) out.objectId = identity.objectId;
  if (identity.tenantId) out.tenantId = identity.tenantId;
  if (identity.audience) out.audience = identity.audience;
  if (identity.expiresAt) out.expiresAt = identity.expiresAt;
  return out;
}
