/**
 * Reads the claims of a JSON Web Token for display. It never verifies a signature (acr-doctor is
 * not the party that trusts the token) and never logs or returns the token itself.
 */

export type Claims = Record<string, unknown>;

export interface DecodedJwt {
  header: Claims;
  claims: Claims;
}

function decodeSegment(segment: string): Claims | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(segment)) return null;
  try {
    const json = Buffer.from(segment, 'base64url').toString('utf8');
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Claims) : null;
  } catch {
    return null;
  }
}

/** The header and claims of a compact JWT, or null when the text is not one (opaque tokens are normal). */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[0] || !parts[1]) return null;
  const header = decodeSegment(parts[0]);
  const claims = decodeSegment(parts[1]);
  return header && claims ? { header, claims } : null;
}

/** A string claim, or null when absent or of another type. */
export function stringClaim(claims: Claims, name: string): string | null {
  const v = claims[name];
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** A NumericDate claim (seconds since the epoch) as a Date, or null. */
export function dateClaim(claims: Claims, name: string): Date | null {
  const v = claims[name];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? new Date(n * 1000) : null;
}

/** Whether the token's exp lies before `now` (false when it has no exp). */
export function isExpired(claims: Claims, now: Date = new Date()): boolean {
  const exp = dateClaim(claims, 'exp');
  return exp !== null && exp.getTime() <= now.getTime();
}
