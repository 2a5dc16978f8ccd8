import type { CheckContext, CheckDefinition, CheckOutcome } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import type { CredentialData, Identity } from '../data.js';
import { audienceKind } from './authority.js';
import { azCredential } from './az-source.js';
import { envCredential } from './env-source.js';
import { identityDetails } from './identity.js';
import { pickSource } from './pick-source.js';
import { azLogin, manual, syncClock } from './remediations.js';

/** "alice@contoso.com" / "app 1111…" / "an unnamed identity", for summaries. */
export function who(identity: Identity): string {
  return identity.name ?? identity.objectId ?? t('auth.identity.unknown');
}

function audienceWords(aud: string | null): string {
  const k = audienceKind(aud);
  return k === 'arm' ? t('auth.audience.arm') : k === 'acr' ? t('auth.audience.acr') : (aud ?? t('auth.audience.unknown'));
}

function basicCredential(ctx: CheckContext): CheckOutcome {
  const username = ctx.options.username;
  const password = ctx.options.password;
  if (!username || !password) {
    return {
      status: 'fail',
      code: 'BASIC_CREDENTIALS_ERROR',
      summary: username ? t('auth.basic.noPassword', { user: username }) : t('auth.basic.noUser'),
      details: { source: 'basic', username: username ?? null, password: password ? 'given' : 'missing' },
      remediations: [manual('give-password', 'auth.fix.givePassword')],
    };
  }
  const identity: Identity = { kind: 'basic', name: username, objectId: null, tenantId: null, audience: null, expiresAt: null };
  const data: CredentialData = { kind: 'basic', source: 'basic', username, password, identity };
  return {
    status: 'pass',
    summary: t('auth.basic.pass', { user: username }),
    details: { source: 'basic', identity: identityDetails(identity) },
    data: data as unknown as Record<string, unknown>,
  };
}

function anonymousCredential(reasonKey: string | null): CheckOutcome {
  const identity: Identity = { kind: 'anonymous', name: null, objectId: null, tenantId: null, audience: null, expiresAt: null };
  const data: CredentialData = { kind: 'anonymous', source: 'anonymous', identity };
  return {
    status: 'pass',
    summary: reasonKey ? `${t('auth.anonymous.pass')} ${t(reasonKey)}` : t('auth.anonymous.pass'),
    details: { source: 'anonymous', identity: identityDetails(identity) },
    data: data as unknown as Record<string, unknown>,
  };
}

/** Turns an AAD credential into the check's outcome: who it is, and whether the token is still valid. */
function aadOutcome(ctx: CheckContext, data: CredentialData, reasonKey: string | null, now: Date): CheckOutcome {
  const id = data.identity;
  const details: Record<string, unknown> = { source: data.source, identity: identityDetails(id) };
  if (reasonKey) details.reason = t(reasonKey);
  const expires = id.expiresAt ? new Date(id.expiresAt) : null;
  if (expires && expires.getTime() <= now.getTime()) {
    return {
      status: 'fail',
      code: 'AAD_TOKEN_ERROR',
      summary: t('auth.aad.expired', { who: who(id), expiresAt: id.expiresAt!, now: now.toISOString() }),
      details,
      remediations: data.source === 'az' ? [azLogin(id.tenantId)] : [syncClock(ctx.probes.platform, ctx.probes.env)],
    };
  }
  const sourceWords = data.source === 'az' ? t('auth.source.az') : t('auth.source.env');
  return {
    status: 'pass',
    summary: t('auth.aad.pass', {
      source: sourceWords,
      who: who(id),
      tenant: id.tenantId ?? '?',
      audience: audienceWords(id.audience),
      expiresAt: id.expiresAt ?? '?',
    }),
    details,
    data: data as unknown as Record<string, unknown>,
  };
}

export const credentialCheck: CheckDefinition = {
  id: 'auth.credential',
  group: 'auth',
  title: 'Credential to sign in with',
  dependsOn: [],
  codes: ['AAD_TOKEN_ERROR', 'BASIC_CREDENTIALS_ERROR'],
  async run(ctx) {
    const picked = pickSource(ctx.options.auth, ctx.options.username, ctx.probes.env, ctx.probes.platform);
    if (picked.source === 'basic') return basicCredential(ctx);
    if (picked.source === 'anonymous') return anonymousCredential(picked.reasonKey);
    const result = picked.source === 'az' ? await azCredential(ctx, picked.azPath) : await envCredential(ctx);
    if (!result.ok) {
      if (picked.reasonKey) result.outcome.details = { ...result.outcome.details, reason: t(picked.reasonKey) };
      return result.outcome;
    }
    return aadOutcome(ctx, result.data, picked.reasonKey, new Date());
  },
};
