import type { IncomingMessage, ServerResponse } from 'node:http';
import type { World } from '../world.js';
import { ACR_AUDIENCE, ARM_AUDIENCES, LOGIN_SERVER } from '../fixtures.js';
import { ACR, PROXY_PAGE } from '../messages.js';
import { isExpired, verifyJwt } from '../jwt.js';
import { parseAuthorization, parseForm, readBody, sendHtml, sendJson, sendRegistryError } from '../http-util.js';
import { isAdmin } from './auth-guard.js';
import { mintAccessToken, mintRefreshToken, parseScopes, type Principal } from '../tokens.js';

const unauthorized = (res: ServerResponse, message = ACR.authRequired): void => sendRegistryError(res, 401, 'UNAUTHORIZED', message);
const throttle = (res: ServerResponse, seconds: number): void =>
  sendRegistryError(res, 429, 'TOOMANYREQUESTS', ACR.tooManyRequests, { 'Retry-After': String(seconds) });

/** Whether the request names this registry as its service (ACR refuses other services). */
function badService(res: ServerResponse, service: string | null): boolean {
  if (service === LOGIN_SERVER) return false;
  sendRegistryError(res, 400, 'UNSUPPORTED', `service '${service ?? ''}' is not this registry; expected '${LOGIN_SERVER}'`);
  return true;
}

/** POST /oauth2/exchange: an AAD access token becomes an ACR refresh token. */
export async function handleExchange(w: World, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendRegistryError(res, 405, 'UNSUPPORTED', ACR.unsupported);
  const form = parseForm(await readBody(req, 1024 * 1024));
  w.exchangeCount += 1;
  switch (w.behaviour.exchange) {
    case 'throttled':
      return throttle(res, 30);
    case 'throttled-once':
      if (w.exchangeCount === 1) return throttle(res, 1);
      break;
    case 'denied':
      return unauthorized(res);
    case 'html':
      return sendHtml(res, 200, PROXY_PAGE);
    case 'ok':
    case 'acr-denied':
      break;
  }
  if (form.get('grant_type') !== 'access_token') {
    return sendRegistryError(res, 400, 'UNSUPPORTED', 'grant_type must be access_token');
  }
  if (badService(res, form.get('service'))) return;
  const claims = verifyJwt(form.get('access_token') ?? '', w.key);
  if (!claims || isExpired(claims)) return unauthorized(res);
  const aud = String(claims.aud ?? '');
  const isArm = ARM_AUDIENCES.includes(aud);
  if (!isArm && aud !== ACR_AUDIENCE) return unauthorized(res);
  if (isArm && !w.state.armTokensAllowed) return unauthorized(res, ACR.armDisallowed);
  if (!isArm && w.behaviour.exchange === 'acr-denied') return unauthorized(res);
  const tenant = form.get('tenant');
  if (tenant && tenant !== claims.tid) return unauthorized(res);
  sendJson(res, 200, { refresh_token: mintRefreshToken(claims, w.key) });
}

/** POST or GET /oauth2/token: refresh token, password, Basic or anonymous → ACR access token. */
export async function handleToken(w: World, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'POST' && method !== 'GET') return sendRegistryError(res, 405, 'UNSUPPORTED', ACR.unsupported);
  const form = method === 'POST' ? parseForm(await readBody(req, 1024 * 1024)) : url.searchParams;
  if (w.behaviour.token === 'throttled') return throttle(res, 30);
  if (w.behaviour.token === 'denied') return unauthorized(res);
  if (badService(res, form.get('service'))) return;

  let principal: Principal | null = null;
  const grantType = form.get('grant_type');
  const auth = parseAuthorization(req.headers.authorization);
  if (grantType === 'refresh_token') {
    principal = fromRefreshToken(w, form.get('refresh_token') ?? '');
  } else if (grantType === 'password' || (method === 'GET' && !grantType)) {
    const user = form.get('username') ?? auth.basic?.username ?? '';
    const pass = form.get('password') ?? auth.basic?.password ?? '';
    if (user === '' && pass === '') {
      principal = w.state.anonymousPull ? { kind: 'anonymous', ids: [] } : null;
    } else if (isAdmin(w, user, pass)) {
      principal = { kind: 'admin', ids: [user] };
    } else if (user === '00000000-0000-0000-0000-000000000000') {
      // docker login with an AAD refresh token as the password (what `az acr login` does).
      principal = fromRefreshToken(w, pass);
    }
  } else {
    return sendRegistryError(res, 400, 'UNSUPPORTED', `grant_type '${grantType ?? ''}' is not supported`);
  }
  if (!principal) return unauthorized(res);
  const access = w.grant(principal, parseScopes(form.getAll('scope')));
  sendJson(res, 200, { access_token: mintAccessToken(principal, access, w.key) });
}

function fromRefreshToken(w: World, token: string): Principal | null {
  const claims = verifyJwt(token, w.key);
  if (!claims || isExpired(claims) || claims.grant_type !== 'refresh_token') return null;
  const ids = [claims.oid, claims.appid].filter((x): x is string => typeof x === 'string');
  return { kind: 'aad', ids };
}
