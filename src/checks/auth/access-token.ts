import type { CheckContext, CheckDefinition, CheckOutcome, Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import type { HttpRequest, HttpResponse } from '../../probes/http-types.js';
import { Secret } from '../../probes/secret.js';
import type { AccessTokenData, ChallengeData, CredentialData, GrantedAccess, RefreshTokenData } from '../data.js';
import { bodyExcerpt, describeHttpError, formBody, header, jsonObject, looksLikeHtml, registryError, retryAfterSeconds, send } from './http-util.js';
import {
  adminUserEnable,
  adminUserShow,
  anonymousPullEnable,
  azLogin,
  manual,
  registryId,
  tokenShow,
} from './remediations.js';
import { grantedAccess, missingActions, parseScope, scopeFor } from './scope.js';
import { splitLoginServer } from '../registry/login-server.js';

const AUTH_DOCS = 'https://aka.ms/acr/authorization';

type Answer = { response: HttpResponse; retried: boolean } | { transport: { kind: string; message: string } };

async function ask(ctx: CheckContext, req: HttpRequest): Promise<Answer> {
  try {
    return await send(ctx, req);
  } catch (err) {
    return { transport: describeHttpError(err) };
  }
}

function basicHeader(username: string, password: Secret): Secret {
  return new Secret(`Basic ${Buffer.from(`${username}:${password.reveal()}`, 'utf8').toString('base64')}`);
}

/** realm?service=…&scope=…, keeping whatever query the realm already has. Null for a realm that is not http(s). */
export function tokenUrl(realm: string, service: string, scope: string): string | null {
  try {
    const u = new URL(realm);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (service) u.searchParams.set('service', service);
    u.searchParams.set('scope', scope);
    return u.toString();
  } catch {
    return null;
  }
}

/**
 * Why credentials must not go to the challenge's realm: it is not https, or it is on another host
 * than the login server (a hostile or impostor registry could otherwise collect a refresh token or
 * a password by naming its own token endpoint). Null when the realm is the login server over https.
 */
export function realmProblem(realm: string, loginServer: string): { key: string; params: Record<string, string> } | null {
  let u: URL;
  try {
    u = new URL(realm);
  } catch {
    return { key: 'auth.access.badRealm', params: {} };
  }
  const host = splitLoginServer(loginServer)?.host.toLowerCase() ?? loginServer.toLowerCase();
  if (u.protocol !== 'https:') return { key: 'auth.access.insecureRealm', params: { realm: `${u.protocol}//${u.host}${u.pathname}` } };
  const realmHost = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (realmHost !== host) return { key: 'auth.access.foreignRealm', params: { host, realmHost } };
  return null;
}

function signInFixes(registry: string | null): Remediation[] {
  return [azLogin(null), manual('sign-in-basic', 'auth.fix.signInBasic', { registry: registry ?? '' })];
}

/** ACR's admin user is always named after the registry; any other name is a repository-scoped token. */
export function basicFixes(registry: string | null, username: string): Remediation[] {
  if (!registry) return [manual('check-password', 'auth.fix.checkPassword')];
  if (username.toLowerCase() === registry) return [adminUserShow(registry), adminUserEnable(registry)];
  return [tokenShow(registry, username)];
}

function roleFixes(cred: CredentialData, registry: string | null, push: boolean): Remediation[] {
  if (cred.kind === 'basic') return registry && cred.username ? [tokenShow(registry, cred.username)] : [];
  const fixes: Remediation[] = registry ? [registryId(registry)] : [];
  fixes.push(manual('assign-role', 'auth.fix.assignRole', { role: push ? 'AcrPush' : 'AcrPull', who: cred.identity.objectId ?? cred.identity.name ?? '?' }, AUTH_DOCS, true));
  return fixes;
}

/** The outcome for a token answer that is not 200 with a token. */
function refused(answer: Answer, cred: CredentialData, registry: string | null, base: Record<string, unknown>): CheckOutcome {
  if ('transport' in answer) {
    return {
      status: 'fail',
      code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR',
      summary: t('auth.access.transport', { message: answer.transport.message }),
      details: { ...base, transport: answer.transport.kind },
    };
  }
  const res = answer.response;
  const details: Record<string, unknown> = { ...base, status: res.status };
  if (res.status === 429) {
    const after = retryAfterSeconds(res);
    return {
      status: 'fail',
      code: 'CONNECTIVITY_TOOMANYREQUESTS_ERROR',
      summary: after !== null ? t('auth.throttled.after', { seconds: after }) : t('auth.throttled'),
      details: { ...details, retryAfterSeconds: after, retried: answer.retried },
      remediations: [manual('wait-and-retry', 'auth.fix.waitRetry')],
    };
  }
  if (res.status === 200) {
    const html = looksLikeHtml(res);
    const contentType = header(res, 'content-type');
    return {
      status: 'fail',
      code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR',
      summary: html ? t('auth.access.html') : t('auth.access.notJson'),
      details: { ...details, contentType, ...(html ? {} : { excerpt: bodyExcerpt(res.body) }) },
      remediations: [manual('check-proxy', 'auth.fix.checkProxy')],
    };
  }
  const err = registryError(res.body);
  if (err) {
    details.registryCode = err.code;
    details.registryMessage = err.message;
  }
  if (cred.kind === 'anonymous' && (res.status === 401 || res.status === 403)) {
    return {
      status: 'fail',
      code: 'ANONYMOUS_PULL_DISABLED',
      summary: t('auth.anonymous.refused', { status: res.status }),
      details,
      remediations: [...(registry ? [anonymousPullEnable(registry)] : []), ...signInFixes(registry)],
    };
  }
  if (cred.kind === 'basic' && (res.status === 401 || res.status === 403)) {
    return {
      status: 'fail',
      code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR',
      summary: t('auth.basic.refused', { user: cred.username ?? '', status: res.status }),
      details,
      remediations: basicFixes(registry, cred.username ?? ''),
    };
  }
  return {
    status: 'fail',
    code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR',
    summary: err?.message ? t('auth.access.refused', { status: res.status, message: err.message }) : t('auth.access.refusedNoMessage', { status: res.status }),
    details,
    remediations: cred.source === 'az' ? [azLogin(cred.tenantId ?? null), manual('check-role', 'auth.fix.checkRole')] : [manual('check-role', 'auth.fix.checkRole')],
  };
}

/** Judges a granted token against the scope asked for. */
function granted(
  token: Secret,
  scope: string,
  cred: CredentialData,
  registry: string | null,
  push: boolean,
  base: Record<string, unknown>,
): CheckOutcome {
  const requested = parseScope(scope);
  const access = grantedAccess(token.reveal());
  const data: AccessTokenData = { authorization: new Secret(`Bearer ${token.reveal()}`), accessToken: token, scope, granted: access ?? [] };
  const asData = data as unknown as Record<string, unknown>;
  if (access === null) {
    return { status: 'pass', summary: t('auth.access.passOpaque', { scope }), details: { ...base, granted: null }, data: asData };
  }
  const details = { ...base, granted: access.map((g: GrantedAccess) => `${g.type}:${g.name}:${g.actions.join(',')}`) };
  const missing = missingActions(requested, access);
  if (missing.length === 0) {
    return { status: 'pass', summary: t('auth.access.pass', { scope }), details, data: asData };
  }
  const extra = { ...details, missing };
  if (cred.kind === 'anonymous') {
    if (requested.type === 'registry') {
      return { status: 'pass', summary: t('auth.anonymous.noCatalog'), details: extra, data: asData };
    }
    if (missing.includes('pull')) {
      return {
        status: 'fail',
        code: 'ANONYMOUS_PULL_DISABLED',
        summary: t('auth.anonymous.noPull', { repository: requested.name }),
        details: extra,
        remediations: [...(registry ? [anonymousPullEnable(registry)] : []), ...signInFixes(registry)],
      };
    }
    return { status: 'warn', code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR', summary: t('auth.anonymous.noPush'), details: extra, remediations: signInFixes(registry), data: asData };
  }
  return {
    status: 'warn',
    code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR',
    summary: t('auth.access.missing', { missing: missing.join(', '), scope }),
    details: extra,
    remediations: roleFixes(cred, registry, push),
    data: asData,
  };
}

/** A registry that takes Basic credentials directly (plain Distribution with htpasswd): GET /v2/ with them. */
async function basicDirect(ctx: CheckContext, cred: CredentialData, loginServer: string, scope: string, base: Record<string, unknown>): Promise<CheckOutcome> {
  const authorization = basicHeader(cred.username!, cred.password!);
  const answer = await ask(ctx, { url: `https://${loginServer}/v2/`, method: 'GET', headers: { authorization: authorization.reveal(), accept: 'application/json' } });
  if ('response' in answer && answer.response.status === 200) {
    const data: AccessTokenData = { authorization, accessToken: null, scope, granted: [] };
    return { status: 'pass', summary: t('auth.basic.directPass', { user: cred.username! }), details: { ...base, scheme: 'basic' }, data: data as unknown as Record<string, unknown> };
  }
  return refused(answer, cred, ctx.target?.registryName ?? null, { ...base, scheme: 'basic' });
}

export const accessTokenCheck: CheckDefinition = {
  id: 'auth.access-token',
  group: 'auth',
  title: 'Registry access token for the scope',
  dependsOn: ['auth.refresh-token', 'registry.challenge', 'auth.credential'],
  codes: ['CONNECTIVITY_ACCESS_TOKEN_ERROR', 'ANONYMOUS_PULL_DISABLED', 'CONNECTIVITY_TOOMANYREQUESTS_ERROR'],
  async run(ctx) {
    const cred = ctx.dep<CredentialData>('auth.credential');
    const challenge = ctx.dep<ChallengeData>('registry.challenge');
    const loginServer = ctx.target?.loginServer;
    if (!cred?.kind || !challenge?.scheme || !loginServer) {
      return { status: 'skip', summary: t('auth.missingPrerequisite'), satisfiesDependents: false };
    }
    const registry = ctx.target?.registryName ?? null;
    const scope = scopeFor(ctx.options);
    const base: Record<string, unknown> = { scope, credential: cred.kind };

    if (challenge.scheme === 'basic') {
      if (cred.kind === 'basic') return basicDirect(ctx, cred, loginServer, scope, base);
      if (cred.kind === 'anonymous') {
        return {
          status: 'fail',
          code: 'ANONYMOUS_PULL_DISABLED',
          summary: t('auth.anonymous.basicScheme'),
          details: { ...base, scheme: 'basic' },
          remediations: [manual('sign-in-basic', 'auth.fix.signInBasic', { registry: registry ?? loginServer })],
        };
      }
      return {
        status: 'skip',
        summary: t('auth.access.aadOnBasic'),
        details: { ...base, scheme: 'basic' },
        remediations: [manual('sign-in-basic', 'auth.fix.signInBasic', { registry: registry ?? loginServer })],
        satisfiesDependents: false,
      };
    }

    const url = tokenUrl(challenge.realm, challenge.service, scope);
    if (!url) {
      return { status: 'fail', code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR', summary: t('auth.access.badRealm'), details: { ...base, realm: challenge.realm } };
    }
    base.realm = challenge.realm;
    if (cred.kind !== 'anonymous') {
      const problem = realmProblem(challenge.realm, loginServer);
      if (problem) {
        return {
          status: 'fail',
          code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR',
          summary: t(problem.key, problem.params),
          details: { ...base, credentialsSent: false },
          remediations: [manual('check-realm', 'auth.fix.checkRealm', { host: loginServer })],
        };
      }
    }
    let answer: Answer;
    if (cred.kind === 'aad') {
      const refresh = ctx.dep<RefreshTokenData>('auth.refresh-token');
      if (!refresh?.refreshToken) return { status: 'skip', summary: t('auth.missingPrerequisite'), satisfiesDependents: false };
      answer = await ask(ctx, {
        url: challenge.realm,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: formBody({ grant_type: 'refresh_token', service: challenge.service, scope, refresh_token: refresh.refreshToken.reveal() }),
      });
    } else if (cred.kind === 'basic') {
      answer = await ask(ctx, { url, method: 'GET', headers: { authorization: basicHeader(cred.username!, cred.password!).reveal(), accept: 'application/json' } });
    } else {
      answer = await ask(ctx, { url, method: 'GET', headers: { accept: 'application/json' } });
    }
    if ('response' in answer && answer.response.status === 200) {
      const obj = jsonObject(answer.response.body);
      const token = obj?.access_token ?? obj?.token;
      if (typeof token === 'string' && token) return granted(new Secret(token), scope, cred, registry, ctx.options.push, base);
    }
    return refused(answer, cred, registry, base);
  },
};
