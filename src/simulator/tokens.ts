import { randomUUID } from 'node:crypto';
import { signJwt } from './jwt.js';
import { ACR_AUDIENCE, ARM_AUDIENCES, LOGIN_SERVER } from './fixtures.js';
import type { SimFixtures } from './fixtures.js';

/** Token shapes: AAD access tokens, ACR refresh tokens and ACR access tokens, all JWTs the simulator signs. */

export interface Access {
  type: string;
  name: string;
  actions: string[];
}

/** Who a registry token speaks for. */
export interface Principal {
  kind: 'aad' | 'admin' | 'anonymous';
  /** Role-assignment keys: object id and, for an app, its client id. */
  ids: string[];
}

const now = (): number => Math.floor(Date.now() / 1000);

export function mintAad(
  f: SimFixtures,
  key: Buffer,
  o: { audience: 'arm' | 'acr'; expiresInSec?: number; kind?: 'user' | 'service-principal' },
): string {
  const iat = now();
  const exp = iat + (o.expiresInSec ?? 3600);
  const common = {
    aud: o.audience === 'arm' ? ARM_AUDIENCES[0] : ACR_AUDIENCE,
    iss: `https://sts.windows.net/${f.tenantId}/`,
    iat,
    nbf: Math.min(iat, exp) - 5,
    exp,
    tid: f.tenantId,
    ver: '1.0',
  };
  if (o.kind === 'service-principal') {
    return signJwt({ ...common, appid: f.clientId, appidacr: '1', idtyp: 'app', oid: f.spObjectId, sub: f.spObjectId }, key);
  }
  return signJwt(
    {
      ...common,
      appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      idtyp: 'user',
      name: 'Dana Example',
      oid: f.userObjectId,
      sub: f.userObjectId,
      upn: f.userPrincipalName,
      unique_name: f.userPrincipalName,
    },
    key,
  );
}

export function mintRefreshToken(aad: Record<string, unknown>, key: Buffer): string {
  const iat = now();
  return signJwt(
    {
      jti: randomUUID(),
      sub: aad.upn ?? aad.oid,
      nbf: iat - 5,
      exp: iat + 3 * 3600,
      iat,
      iss: 'Azure Container Registry',
      aud: LOGIN_SERVER,
      version: '1.0',
      grant_type: 'refresh_token',
      tenant: aad.tid,
      oid: aad.oid,
      appid: aad.appid,
      permissions: { actions: ['read', 'write', 'delete'], notActions: null },
      roles: [],
    },
    key,
  );
}

export function mintAccessToken(principal: Principal, access: Access[], key: Buffer): string {
  const iat = now();
  return signJwt(
    {
      jti: randomUUID(),
      sub: principal.ids[0] ?? '',
      nbf: iat - 5,
      exp: iat + 75 * 60,
      iat,
      iss: 'Azure Container Registry',
      aud: LOGIN_SERVER,
      version: '1.0',
      grant_type: principal.kind === 'aad' ? 'refresh_token' : principal.kind === 'admin' ? 'password' : 'anonymous',
      access,
      roles: [],
      // Not in real ACR tokens: lets the simulator check roles on later calls.
      sim_principal: principal,
    },
    key,
  );
}

/** `repository:a/b:pull,push`, `registry:catalog:*`; several scopes separated by spaces or repeated. */
export function parseScopes(values: string[]): Access[] {
  const out: Access[] = [];
  for (const v of values.flatMap((s) => s.split(' ')).filter(Boolean)) {
    const first = v.indexOf(':');
    const last = v.lastIndexOf(':');
    if (first < 0 || last === first) continue;
    const actions = v.slice(last + 1).split(',').filter(Boolean);
    out.push({ type: v.slice(0, first), name: v.slice(first + 1, last), actions });
  }
  return out;
}
