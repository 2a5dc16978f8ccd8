import type { CheckContext, CheckDefinition, CheckOutcome, Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import type { HttpResponse } from '../../probes/http-types.js';
import { Secret } from '../../probes/secret.js';
import { redactText } from '../../transcript/redact.js';
import type { ChallengeData, CredentialData, RefreshTokenData } from '../data.js';
import { audienceKind } from './authority.js';
import { bodyExcerpt, clip, describeHttpError, formBody, header, jsonObject, looksLikeHtml, registryError, retryAfterSeconds, send } from './http-util.js';
import { armEnable, armShow, azLogin, azLoginAcrScope, manual, syncClock } from './remediations.js';
import { clockSkewSeconds, skewTooLarge } from './skew.js';

const ARM_DISALLOWED = /arm aad token disallowed/i;

type Exchange =
  | { ok: true; refreshToken: Secret; status: number }
  | { ok: false; response: HttpResponse | null; transport?: { kind: string; message: string }; retried: boolean };

async function exchange(ctx: CheckContext, loginServer: string, service: string, tenant: string | null, aadToken: Secret): Promise<Exchange> {
  try {
    const { response, retried } = await send(ctx, {
      url: `https://${loginServer}/oauth2/exchange`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: formBody({ grant_type: 'access_token', service, tenant, access_token: aadToken.reveal() }),
    });
    const token = response.status === 200 ? jsonObject(response.body)?.refresh_token : undefined;
    if (typeof token === 'string' && token) return { ok: true, refreshToken: new Secret(token), status: response.status };
    return { ok: false, response, retried };
  } catch (err) {
    return { ok: false, response: null, transport: describeHttpError(err), retried: false };
  }
}

/** Outcome for a refused or unusable exchange answer (everything but the ARM-token case). */
export function exchangeFailure(
  result: Extract<Exchange, { ok: false }>,
  base: Record<string, unknown>,
  remediations: Remediation[],
): CheckOutcome {
  if (!result.response) {
    return {
      status: 'fail',
      code: 'CONNECTIVITY_REFRESH_TOKEN_ERROR',
      summary: t('auth.refresh.transport', { message: result.transport?.message ?? '' }),
      details: { ...base, transport: result.transport?.kind ?? 'other' },
      remediations,
    };
  }
  const res = result.response;
  const details: Record<string, unknown> = { ...base, status: res.status };
  const contentType = header(res, 'content-type');
  if (contentType) details.contentType = contentType;
  if (res.status === 429) {
    const after = retryAfterSeconds(res);
    details.retryAfterSeconds = after;
    details.retried = result.retried;
    return {
      status: 'fail',
      code: 'CONNECTIVITY_TOOMANYREQUESTS_ERROR',
      summary: after !== null ? t('auth.throttled.after', { seconds: after }) : t('auth.throttled'),
      details,
      remediations: [manual('wait-and-retry', 'auth.fix.waitRetry')],
    };
  }
  if (res.status === 200) {
    const html = looksLikeHtml(res);
    if (!html) details.excerpt = bodyExcerpt(res.body);
    return {
      status: 'fail',
      code: 'CONNECTIVITY_REFRESH_TOKEN_ERROR',
      summary: html ? t('auth.refresh.html') : t('auth.refresh.notJson'),
      details,
      remediations: [manual('check-proxy', 'auth.fix.checkProxy')],
    };
  }
  const err = registryError(res.body);
  if (err) {
    details.registryCode = err.code;
    details.registryMessage = err.message;
  } else if (looksLikeHtml(res)) {
    details.html = true;
  }
  return {
    status: 'fail',
    code: 'CONNECTIVITY_REFRESH_TOKEN_ERROR',
    summary: err?.message
      ? t('auth.refresh.refused', { status: res.status, message: err.message })
      : t('auth.refresh.refusedNoMessage', { status: res.status }),
    details,
    remediations,
  };
}

export const refreshTokenCheck: CheckDefinition = {
  id: 'auth.refresh-token',
  group: 'auth',
  title: 'Registry refresh token from the AAD token',
  dependsOn: ['registry.challenge', 'auth.credential'],
  codes: ['CONNECTIVITY_REFRESH_TOKEN_ERROR', 'ARM_TOKEN_DISALLOWED', 'CONNECTIVITY_TOOMANYREQUESTS_ERROR'],
  async run(ctx) {
    const cred = ctx.dep<CredentialData>('auth.credential');
    const challenge = ctx.dep<ChallengeData>('registry.challenge');
    if (!cred || !challenge || !cred.kind) {
      return { status: 'skip', summary: t('auth.missingPrerequisite'), satisfiesDependents: false };
    }
    if (cred.kind !== 'aad') {
      const words = cred.kind === 'basic' ? t('auth.kind.basic') : t('auth.kind.anonymous');
      return { status: 'skip', summary: t('auth.refresh.notApplicable', { kind: words }), details: { credential: cred.kind }, satisfiesDependents: true };
    }
    if (!cred.aadToken) return { status: 'skip', summary: t('auth.missingPrerequisite'), satisfiesDependents: false };
    if (challenge.scheme === 'basic') {
      return { status: 'skip', summary: t('auth.refresh.basicScheme'), details: { scheme: 'basic' }, satisfiesDependents: true };
    }
    const loginServer = ctx.target?.loginServer;
    if (!loginServer) return { status: 'skip', summary: t('auth.missingPrerequisite'), satisfiesDependents: false };

    const registry = ctx.target?.registryName ?? null;
    // An AAD token (ARM audience by default) is a key to the person's Azure account: it only goes
    // to an Azure registry's login server, never to whatever host:port was named.
    if (!registry) {
      return {
        status: 'fail',
        code: 'CONNECTIVITY_REFRESH_TOKEN_ERROR',
        summary: t('auth.refresh.notAzure', { host: loginServer }),
        details: { loginServer, aadTokenSent: false },
        remediations: [manual('other-auth', 'auth.fix.nonAzureAuth')],
        satisfiesDependents: false,
      };
    }
    const tenant = cred.tenantId ?? cred.identity.tenantId ?? null;
    const skew = clockSkewSeconds(challenge.serverDate);
    const base: Record<string, unknown> = { service: challenge.service, tenantId: tenant, audience: cred.identity.audience };
    if (skew !== null) base.clockSkewSeconds = skew;
    const skewNote = skewTooLarge(skew) ? ` ${t('auth.skew', { minutes: Math.round(Math.abs(skew) / 60), direction: skew > 0 ? t('auth.skew.ahead') : t('auth.skew.behind') })}` : '';
    const signIn = cred.source === 'az' ? [azLogin(tenant)] : [manual('check-env-credential', 'auth.fix.checkEnvCredential')];
    const failRemediations = [...(skewTooLarge(skew) ? [syncClock(ctx.probes.platform, ctx.probes.env)] : []), ...signIn, manual('check-role', 'auth.fix.checkRole')];

    const first = await exchange(ctx, loginServer, challenge.service, tenant, cred.aadToken);
    if (first.ok) {
      const data: RefreshTokenData = { refreshToken: first.refreshToken };
      return { status: 'pass', summary: t('auth.refresh.pass') + skewNote, details: base, data: data as unknown as Record<string, unknown> };
    }
    const armRefused = first.response?.status === 401 && ARM_DISALLOWED.test(first.response.body);
    if (!armRefused) {
      const out = exchangeFailure(first, base, failRemediations);
      out.summary += skewNote;
      return out;
    }

    // The registry refuses ARM-audience tokens: try what newer clients do, an ACR-audience token.
    const armFixes = registry ? [armShow(registry), armEnable(registry)] : [];
    const armDetails = { ...base, status: 401, registryMessage: 'arm aad token disallowed' };
    const acrSignIn = cred.source === 'az' ? [azLoginAcrScope()] : [];
    if (!cred.acrAudienceToken || audienceKind(cred.identity.audience) === 'acr') {
      return { status: 'fail', code: 'ARM_TOKEN_DISALLOWED', summary: t('auth.arm.noRetry') + skewNote, details: armDetails, remediations: [...armFixes, ...acrSignIn] };
    }
    let acrToken: Secret;
    try {
      acrToken = await cred.acrAudienceToken(ctx.signal);
    } catch (err) {
      // The source's errors are already scrubbed; anything else is scrubbed here before it is shown.
      const message = clip(redactText(err instanceof Error ? err.message : String(err)), 240);
      return {
        status: 'fail',
        code: 'ARM_TOKEN_DISALLOWED',
        summary: t('auth.arm.noAcrToken', { message }),
        details: { ...armDetails, acrTokenError: message },
        remediations: [...armFixes, ...acrSignIn],
      };
    }
    const second = await exchange(ctx, loginServer, challenge.service, tenant, acrToken);
    if (!second.ok) {
      const out = exchangeFailure(second, { ...armDetails, retriedWithAcrAudience: true }, [...armFixes, ...failRemediations]);
      if (out.code === 'CONNECTIVITY_REFRESH_TOKEN_ERROR') out.code = 'ARM_TOKEN_DISALLOWED';
      out.summary = `${t('auth.arm.retryFailed')} ${out.summary}${skewNote}`;
      return out;
    }
    const data: RefreshTokenData = { refreshToken: second.refreshToken };
    return {
      status: 'warn',
      code: 'ARM_TOKEN_DISALLOWED',
      summary: t('auth.arm.warn') + skewNote,
      details: { ...armDetails, retriedWithAcrAudience: true },
      remediations: armFixes,
      data: data as unknown as Record<string, unknown>,
      satisfiesDependents: true,
    };
  },
};
