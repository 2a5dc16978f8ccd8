import type { CheckContext, CheckOutcome, Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { Secret } from '../../probes/secret.js';
import { redactText } from '../../transcript/redact.js';
import { aadstsMeaning, findAadstsCode } from './aadsts.js';
import { ACR_SCOPE, ARM_SCOPES, authorityHost, validTenant } from './authority.js';
import { clip, describeHttpError, formBody, jsonObject, send } from './http-util.js';
import { identityFromAadToken } from './identity.js';
import { manual } from './remediations.js';
import { SourceError, type SourceResult } from './source-result.js';
import { safeGuid } from '../../probes/safe-values.js';

export const ENV_NAMES = ['AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_TENANT_ID'] as const;

export function hasEnvCredential(env: Record<string, string | undefined>): boolean {
  return ENV_NAMES.every((n) => !!env[n]?.trim());
}

type TokenAnswer =
  | { ok: true; token: Secret }
  | { ok: false; status: number | null; aadsts: string | null; error: string | null; message: string; transport?: string };

/** AAD's error body: {"error", "error_description", "error_codes"}; the description is kept short and redacted. */
export function aadError(body: string): { error: string | null; aadsts: string | null; message: string } {
  const obj = jsonObject(body);
  const description = typeof obj?.error_description === 'string' ? obj.error_description : '';
  const codes = Array.isArray(obj?.error_codes) ? obj.error_codes : [];
  const aadsts = findAadstsCode(description) ?? (typeof codes[0] === 'number' ? String(codes[0]) : null);
  const firstLine = description.split(/\r?\n/)[0] ?? '';
  return {
    error: typeof obj?.error === 'string' ? obj.error : null,
    aadsts,
    message: clip(redactText(firstLine.replace(/\s*Trace ID:.*$/, '')), 240),
  };
}

/** What to do about each client-credential failure. */
function envRemediations(aadsts: string | null, rawClientId: string, tenant: string): Remediation[] {
  // AZURE_CLIENT_ID goes into az commands only when it is an application id (a GUID).
  const clientId = safeGuid(rawClientId);
  if (!clientId && (aadsts === '7000215' || aadsts === '7000222')) {
    return [manual('new-client-secret', 'auth.fix.newClientSecret', { clientId: rawClientId.slice(0, 80) }, undefined, true)];
  }
  if (!clientId && aadsts === '700016') return [manual('check-tenant', 'auth.fix.checkTenant', { tenant })];
  switch (aadsts) {
    case '7000215':
    case '7000222':
      return [
        manual('new-client-secret', 'auth.fix.newClientSecret', { clientId: clientId! }, undefined, true),
        {
          id: 'list-client-secrets',
          title: t('auth.fix.listClientSecrets'),
          command: ['az', 'ad', 'app', 'credential', 'list', '--id', clientId!],
          changes: false,
        },
      ];
    case '90002':
      return [manual('check-tenant', 'auth.fix.checkTenant', { tenant })];
    case '700016':
      return [
        {
          id: 'show-service-principal',
          title: t('auth.fix.showServicePrincipal'),
          command: ['az', 'ad', 'sp', 'show', '--id', clientId!],
          changes: false,
        },
        manual('check-tenant', 'auth.fix.checkTenant', { tenant }),
      ];
    default:
      return [manual('check-env-credential', 'auth.fix.checkEnvCredential')];
  }
}

/** Client-credentials request to AAD. Never throws. */
async function requestToken(ctx: CheckContext, url: string, clientId: string, secret: string, scope: string, signal: AbortSignal): Promise<TokenAnswer> {
  try {
    const { response } = await send(
      { ...ctx, signal },
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: formBody({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope }),
      },
    );
    const obj = jsonObject(response.body);
    const token = obj?.access_token;
    if (response.status === 200 && typeof token === 'string' && token) return { ok: true, token: new Secret(token) };
    const e = aadError(response.body);
    return { ok: false, status: response.status, aadsts: e.aadsts, error: e.error, message: e.message || `HTTP ${response.status}` };
  } catch (err) {
    const d = describeHttpError(err);
    return { ok: false, status: null, aadsts: null, error: null, message: d.message, transport: d.kind };
  }
}

/** A service principal from AZURE_CLIENT_ID / AZURE_CLIENT_SECRET / AZURE_TENANT_ID (the SDK convention). */
export async function envCredential(ctx: CheckContext): Promise<SourceResult> {
  const env = ctx.probes.env;
  const missing = ENV_NAMES.filter((n) => !env[n]?.trim());
  const fail = (summary: string, details: Record<string, unknown>, remediations: Remediation[]): SourceResult => {
    const outcome: CheckOutcome = { status: 'fail', code: 'AAD_TOKEN_ERROR', summary, details: { source: 'env', ...details }, remediations };
    return { ok: false, outcome };
  };
  if (missing.length > 0) {
    return fail(t('auth.env.missing', { names: missing.join(', ') }), { missing }, [manual('set-env-credential', 'auth.fix.setEnv')]);
  }
  const clientId = env.AZURE_CLIENT_ID!.trim();
  const tenant = env.AZURE_TENANT_ID!.trim();
  const secret = env.AZURE_CLIENT_SECRET!;
  if (!validTenant(tenant)) return fail(t('auth.env.badTenant'), {}, [manual('check-tenant', 'auth.fix.checkTenant', { tenant: tenant.slice(0, 80) })]);
  const authority = authorityHost(env, ctx.options.cloud);
  if (!authority) return fail(t('auth.env.badAuthority'), {}, [manual('check-env-credential', 'auth.fix.checkEnvCredential')]);
  const url = `${authority.host}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;

  const answer = await requestToken(ctx, url, clientId, secret, ARM_SCOPES[ctx.options.cloud], ctx.signal);
  if (!answer.ok) {
    const meaning = aadstsMeaning(answer.aadsts);
    const details: Record<string, unknown> = { clientId, tenantId: tenant, authority: authority.host, status: answer.status };
    if (answer.aadsts) details.aadsts = `AADSTS${answer.aadsts}`;
    if (answer.error) details.error = answer.error;
    if (answer.message) details.message = answer.message;
    if (answer.transport) details.transport = answer.transport;
    const summary = answer.transport
      ? t('auth.env.unreachable', { authority: authority.host, message: answer.message })
      : answer.aadsts
        ? t('auth.env.aadError', { code: `AADSTS${answer.aadsts}`, meaning: meaning ?? answer.message })
        : t('auth.env.refused', { status: String(answer.status), message: answer.message });
    return fail(summary, details, envRemediations(answer.aadsts, clientId, tenant));
  }
  const identity = identityFromAadToken(answer.token.reveal(), { tenantId: tenant, kind: 'service-principal' });
  if (!identity.name) identity.name = clientId;
  return {
    ok: true,
    data: {
      kind: 'aad',
      source: 'env',
      aadToken: answer.token,
      tenantId: identity.tenantId ?? tenant,
      identity,
      acrAudienceToken: async (signal) => {
        const again = await requestToken(ctx, url, clientId, secret, ACR_SCOPE, signal);
        if (!again.ok) throw new SourceError(again.aadsts ? `AADSTS${again.aadsts}: ${aadstsMeaning(again.aadsts) ?? again.message}` : again.message);
        return again.token;
      },
    },
  };
}
