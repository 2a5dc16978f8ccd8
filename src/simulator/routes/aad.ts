import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { World } from '../world.js';
import { AAD } from '../messages.js';
import { parseForm, readBody, sendJson } from '../http-util.js';
import { mintAad } from '../tokens.js';

const ARM_SCOPES = ['https://management.azure.com/.default', 'https://management.core.windows.net//.default', 'https://management.core.windows.net/.default'];
const ACR_SCOPES = ['https://containerregistry.azure.net/.default'];

function aadError(res: ServerResponse, status: number, error: string, description: string): void {
  const code = Number(/^AADSTS(\d+)/.exec(description)?.[1] ?? 0);
  sendJson(res, status, {
    error,
    error_description: description,
    error_codes: [code],
    timestamp: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}

/** POST /{tenant}/oauth2/v2.0/token with client credentials (service principals). */
export async function handleAad(w: World, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const m = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
  if (!m || req.method !== 'POST') {
    return sendJson(res, 404, { error: 'not_found', error_description: 'AADSTS900561: The endpoint only accepts POST requests.' });
  }
  const tenant = decodeURIComponent(m[1]!);
  const f = w.fixtures;
  const form = parseForm(await readBody(req, 256 * 1024));
  if (tenant !== f.tenantId) return aadError(res, 400, 'invalid_request', AAD.tenantNotFound(tenant));
  if (form.get('grant_type') !== 'client_credentials') return aadError(res, 400, 'unsupported_grant_type', AAD.badGrant);
  const clientId = form.get('client_id') ?? '';
  if (clientId !== f.clientId) return aadError(res, 400, 'unauthorized_client', AAD.appNotFound(clientId, tenant));
  const secret = form.get('client_secret') ?? '';
  if (secret === f.expiredClientSecret) return aadError(res, 401, 'invalid_client', AAD.expiredSecret(clientId));
  if (secret !== f.clientSecret) return aadError(res, 401, 'invalid_client', AAD.badSecret(clientId));
  const scope = form.get('scope') ?? '';
  const audience = ARM_SCOPES.includes(scope) ? 'arm' : ACR_SCOPES.includes(scope) ? 'acr' : null;
  if (!audience) return aadError(res, 400, 'invalid_scope', AAD.badScope(scope));
  sendJson(res, 200, {
    token_type: 'Bearer',
    expires_in: 3599,
    ext_expires_in: 3599,
    access_token: mintAad(f, w.key, { audience, kind: 'service-principal' }),
  });
}
