import type { CheckDefinition, CheckOutcome, Remediation, SessionOptions } from '../../engine/types.js';
import type { ChallengeData, LoginServerData } from '../data.js';
import { t } from '../../knowledge/i18n.js';
import { HttpError, type HttpResponse } from '../../probes/http-types.js';
import { findChallenge, parseWwwAuthenticate } from '../../probes/www-authenticate.js';
import { deniedClientIp, htmlPage, parseRegistryErrors, retryAfterSeconds, serverDate } from '../../probes/registry-body.js';
import { redactText } from '../../transcript/redact.js';
import { curlRemedy, errorsDoc, type Reach } from './remedies.js';

const CHALLENGE = 'CONNECTIVITY_CHALLENGE_ERROR';
const FORBIDDEN = 'CONNECTIVITY_FORBIDDEN_ERROR';
const AAD_LOGIN = 'CONNECTIVITY_AAD_LOGIN_ERROR';
const THROTTLED = 'CONNECTIVITY_TOOMANYREQUESTS_ERROR';

/** --auth basic, or auto with a user name: a Basic-only registry is then fine. */
export function wantsBasic(options: SessionOptions): boolean {
  return options.auth === 'basic' || (options.auth === 'auto' && !!options.username);
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function snippet(body: string): string {
  return redactText(body.replace(/\s+/g, ' ').trim().slice(0, 300));
}

/** Reads the answer to GET /v2/ into an outcome. Pure: the tests feed it responses directly. */
export function judgeChallenge(
  res: HttpResponse,
  ls: LoginServerData,
  options: SessionOptions,
  platform: NodeJS.Platform,
): CheckOutcome {
  const host = ls.loginServer;
  const rawHeader = res.headers['www-authenticate'];
  const challenges = parseWwwAuthenticate(rawHeader);
  const date = serverDate(res.headers);
  const evidence = {
    url: `${ls.baseUrl}/v2/`,
    status: res.status,
    wwwAuthenticate: rawHeader ?? null,
    serverDate: date,
  };
  const curl = curlRemedy(ls.baseUrl, platform, t('registry.challenge.fix.curl'), options);
  const checkTarget: Remediation = { id: 'check-target', title: t('registry.challenge.fix.checkTarget', { host }), command: null, changes: false };
  const fail = (code: string, summary: string, details: Record<string, unknown>, remediations: Remediation[]): CheckOutcome => ({
    status: 'fail',
    code,
    summary,
    details: { ...evidence, ...details },
    remediations: remediations.map((r) => ({ docs: errorsDoc(code), ...r })),
  });

  if (res.status === 429) {
    const secs = retryAfterSeconds(first(res.headers['retry-after']));
    const retryAfter = secs === null ? t('registry.challenge.retryUnknown') : t('registry.challenge.seconds', { seconds: secs });
    return fail(
      THROTTLED,
      secs === null ? t('registry.challenge.throttledNoRetry', { host }) : t('registry.challenge.throttled', { host, retryAfter }),
      { retryAfterSeconds: secs },
      [{ id: 'wait-and-retry', title: t('registry.challenge.fix.wait', { retryAfter }), command: null, changes: false }],
    );
  }

  if (res.status === 403) {
    const errors = parseRegistryErrors(res.body);
    const ip = deniedClientIp(errors);
    const html = htmlPage(res.headers, res.body);
    const message = errors[0]?.message || (html ? `HTML: ${html.title}` : snippet(res.body)) || 'Forbidden';
    const remediations: Remediation[] = [];
    if (ls.registryName && ip) {
      remediations.push({
        id: 'allow-client-ip',
        title: t('registry.challenge.fix.allowIp'),
        command: ['az', 'acr', 'network-rule', 'add', '--name', ls.registryName, '--ip-address', ip],
        changes: true,
        docs: 'https://aka.ms/acr/firewall',
      });
    }
    if (ls.registryName) {
      remediations.push(
        {
          id: 'show-network-rules',
          title: t('registry.challenge.fix.showRules'),
          command: ['az', 'acr', 'show', '--name', ls.registryName, '--query', 'networkRuleSet'],
          changes: false,
          docs: 'https://aka.ms/acr/firewall',
        },
        { id: 'use-private-endpoint', title: t('registry.challenge.fix.publicAccess'), command: null, changes: false },
      );
    } else {
      remediations.push({
        id: 'ask-owner',
        title: t('registry.challenge.fix.askOwner', { ipText: ip ? t('registry.challenge.ipText', { ip }) : '' }),
        command: null,
        changes: false,
      });
    }
    return fail(
      FORBIDDEN,
      ip ? t('registry.challenge.forbiddenIp', { host, ip }) : t('registry.challenge.forbidden', { host, message }),
      { clientIp: ip, errors },
      remediations,
    );
  }

  const html = htmlPage(res.headers, res.body);
  // A 401 that carries a challenge is judged by the challenge, whatever its body looks like.
  if (html && !(res.status === 401 && challenges.length > 0)) {
    return fail(
      CHALLENGE,
      t('registry.challenge.html', { host, status: res.status, title: html.title || '-' }),
      { contentType: first(res.headers['content-type']) ?? null, htmlTitle: html.title, body: snippet(res.body) },
      [{ id: 'no-proxy', title: t('registry.challenge.fix.noProxy', { host }), command: null, changes: false }, checkTarget, curl],
    );
  }

  if (res.status !== 401) {
    if (res.status === 200) {
      return fail(CHALLENGE, t('registry.challenge.noCredentialsNeeded', { host }), { body: snippet(res.body) }, [
        { id: 'open-registry', title: t('registry.challenge.fix.openRegistry', { host }), command: null, changes: false },
        checkTarget,
      ]);
    }
    return fail(CHALLENGE, t('registry.challenge.unexpectedStatus', { host, status: res.status }), { body: snippet(res.body) }, [checkTarget, curl]);
  }

  if (challenges.length === 0) {
    return fail(CHALLENGE, t('registry.challenge.noHeader', { host }), { body: snippet(res.body) }, [checkTarget, curl]);
  }
  const parsed = challenges.map((c) => ({ scheme: c.scheme, params: c.params }));
  const bearer = findChallenge(challenges, 'bearer');
  const basic = findChallenge(challenges, 'basic');
  const serverDateValue = date;

  if (bearer) {
    const realm = bearer.params.realm ?? '';
    const service = bearer.params.service ?? '';
    const missing = [!realm ? 'realm' : null, !service ? 'service' : null].filter((x): x is string => !!x);
    if (missing.length === 0) {
      const data: ChallengeData = { scheme: 'bearer', realm, service, scope: bearer.params.scope ?? null, serverDate: serverDateValue };
      return {
        status: 'pass',
        summary: t('registry.challenge.pass', { host, realm, service }),
        details: { ...evidence, scheme: 'bearer', realm, service, scope: data.scope },
        data: data as unknown as Record<string, unknown>,
      };
    }
    if (!(basic && wantsBasic(options))) {
      return fail(AAD_LOGIN, t('registry.challenge.badBearer', { host, missing: missing.join(' / ') }), { challenges: parsed, missing }, [checkTarget, curl]);
    }
  }

  if (basic && wantsBasic(options)) {
    const realm = basic.params.realm ?? '';
    const data: ChallengeData = { scheme: 'basic', realm, service: '', scope: null, serverDate: serverDateValue };
    return {
      status: 'pass',
      summary: t('registry.challenge.passBasic', { host, realm }),
      details: { ...evidence, scheme: 'basic', realm },
      data: data as unknown as Record<string, unknown>,
    };
  }
  if (basic) {
    const remediations: Remediation[] = [
      { id: 'use-basic-auth', title: t('registry.challenge.fix.useBasic'), command: null, changes: false },
      checkTarget,
    ];
    return fail(AAD_LOGIN, t('registry.challenge.basicOnly', { host, realm: basic.params.realm ?? '' }), { challenges: parsed }, remediations);
  }
  return fail(
    AAD_LOGIN,
    t('registry.challenge.otherScheme', { host, schemes: challenges.map((c) => c.scheme).join(', ') }),
    { challenges: parsed },
    [checkTarget],
  );
}

/** An outcome for a GET /v2/ that got no HTTP answer at all. */
export function judgeFailure(
  err: HttpError,
  ls: LoginServerData,
  timeoutMs: number,
  platform: NodeJS.Platform,
  proxy: string | null,
  reach?: Reach,
): CheckOutcome {
  const host = ls.loginServer;
  const curl = curlRemedy(ls.baseUrl, platform, t('registry.challenge.fix.curl'), reach);
  const firewall: Remediation = { id: 'ask-firewall', title: t('registry.challenge.fix.firewall', { host }), command: null, changes: false };
  const seconds = Math.round(timeoutMs / 100) / 10;
  const summaries: Record<string, string> = {
    reset: t('registry.challenge.reset', { host }),
    timeout: t('registry.challenge.timeout', { host, seconds }),
    aborted: t('registry.challenge.timeout', { host, seconds }),
    refused: t('registry.challenge.refused', { host }),
    tls: t('registry.challenge.tls', { host, message: err.message }),
    dns: t('registry.challenge.dns', { host, code: err.code ?? '' }),
    'dns-timeout': t('registry.challenge.dns', { host, code: err.code ?? '' }),
    proxy: t('registry.challenge.proxy', { host, message: err.message }),
  };
  const remediations: Remediation[] =
    err.kind === 'timeout' || err.kind === 'aborted'
      ? [{ id: 'retry-longer', title: t('registry.challenge.fix.retry'), command: null, changes: false }, firewall, curl]
      : err.kind === 'proxy'
        ? [{ id: 'no-proxy', title: t('registry.challenge.fix.noProxy', { host }), command: null, changes: false }, curl]
        : [firewall, curl];
  return {
    status: 'fail',
    code: CHALLENGE,
    summary: summaries[err.kind] ?? t('registry.challenge.other', { host, message: err.message }),
    details: { url: `${ls.baseUrl}/v2/`, error: err.kind, errorCode: err.code ?? null, proxy },
    remediations: remediations.map((r) => ({ docs: errorsDoc(CHALLENGE), ...r })),
  };
}

export const challengeCheck: CheckDefinition = {
  id: 'registry.challenge',
  group: 'registry',
  title: 'Registry answers with an authentication challenge',
  dependsOn: ['registry.tls'],
  codes: [CHALLENGE, FORBIDDEN, AAD_LOGIN, THROTTLED],
  async run(ctx): Promise<CheckOutcome> {
    const ls = ctx.dep<LoginServerData>('registry.login-server');
    if (!ls) return { status: 'skip', summary: t('engine.blocked', { title: 'Registry login server' }), satisfiesDependents: false };
    const url = `${ls.baseUrl}/v2/`;
    try {
      // Exactly one request: the auth checks reuse what it learns.
      ctx.progress(t('progress.http', { method: 'GET', url }));
      const res = await ctx.probes.http.request({ url, method: 'GET', signal: ctx.signal, maxBodyBytes: 64 * 1024 });
      return judgeChallenge(res, ls, ctx.options, ctx.probes.platform);
    } catch (e) {
      const err = e instanceof HttpError ? e : new HttpError('other', String(e), undefined, url);
      return judgeFailure(err, ls, ctx.timeoutMs, ctx.probes.platform, ctx.probes.http.proxyFor?.(url) ?? null, ctx.options);
    }
  },
};
