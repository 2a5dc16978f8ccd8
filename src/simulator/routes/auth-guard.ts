import type { IncomingMessage, ServerResponse } from 'node:http';
import type { World } from '../world.js';
import { LOGIN_SERVER } from '../fixtures.js';
import { isExpired, verifyJwt } from '../jwt.js';
import { ACR } from '../messages.js';
import { parseAuthorization, sendRegistryError } from '../http-util.js';
import type { Access, Principal } from '../tokens.js';

export const REALM = `https://${LOGIN_SERVER}/oauth2/token`;

export function bearerChallenge(scope?: string, error?: string): string {
  let h = `Bearer realm="${REALM}",service="${LOGIN_SERVER}"`;
  if (scope) h += `,scope="${scope}"`;
  if (error) h += `,error="${error}"`;
  return h;
}

function challengeFor(w: World, scope?: string, error?: string): string {
  return w.behaviour.challenge === 'basic' ? `Basic realm="${LOGIN_SERVER}"` : bearerChallenge(scope, error);
}

/** The principal behind an ACR access token the simulator issued, with the token's grants. */
export function readAccessToken(w: World, token: string): { principal: Principal; access: Access[] } | null {
  const claims = verifyJwt(token, w.key);
  if (!claims || isExpired(claims) || !Array.isArray(claims.access)) return null;
  const principal = claims.sim_principal as Principal | undefined;
  if (!principal || !Array.isArray(principal.ids)) return null;
  return { principal, access: claims.access as Access[] };
}

export function isAdmin(w: World, user: string, password: string): boolean {
  return w.state.adminUserEnabled && user === w.fixtures.adminUsername && password === w.fixtures.adminPassword;
}

/** Any usable credential at all (for GET /v2/). */
export function authenticated(w: World, req: IncomingMessage): boolean {
  const a = parseAuthorization(req.headers.authorization);
  if (a.bearer) return readAccessToken(w, a.bearer) !== null;
  if (a.basic) return isAdmin(w, a.basic.username, a.basic.password);
  return false;
}

/**
 * Checks the caller may do `action` on `repo` the way ACR does: no or unusable token → 401 with a
 * challenge naming the scope; a token without the action → 401 insufficient_scope; an identity
 * without the role → 403 DENIED. Answers and returns null when refused.
 */
export function authorize(w: World, req: IncomingMessage, res: ServerResponse, repo: string, action: 'pull' | 'push'): Principal | null {
  const scope = `repository:${repo}:${action === 'push' ? 'pull,push' : 'pull'}`;
  const refuse = (error?: string): null => {
    sendRegistryError(res, 401, 'UNAUTHORIZED', ACR.authRequired, { 'WWW-Authenticate': challengeFor(w, scope, error) });
    return null;
  };
  const a = parseAuthorization(req.headers.authorization);
  let principal: Principal;
  if (a.bearer) {
    const tok = readAccessToken(w, a.bearer);
    if (!tok) return refuse('invalid_token');
    const granted = tok.access.some(
      (x) => x.type === 'repository' && x.name === repo && (x.actions.includes(action) || x.actions.includes('*')),
    );
    if (!granted) return refuse('insufficient_scope');
    principal = tok.principal;
  } else if (a.basic) {
    if (!isAdmin(w, a.basic.username, a.basic.password)) return refuse();
    principal = { kind: 'admin', ids: [w.fixtures.adminUsername] };
  } else {
    if (!(action === 'pull' && w.state.anonymousPull)) return refuse();
    principal = { kind: 'anonymous', ids: [] };
  }
  if (!w.permits(principal, action)) {
    sendRegistryError(res, 403, 'DENIED', ACR.permissionsFailed);
    return null;
  }
  return principal;
}
