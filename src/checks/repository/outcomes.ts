import type { CheckContext, CheckOutcome, Details } from '../../engine/types.js';
import type { AccessTokenData } from '../data.js';
import { HttpError } from '../../probes/http-types.js';
import { t } from '../../knowledge/i18n.js';
import { describeAnswer, type Failure } from './registry-errors.js';
import { permissionAdvice, type Access } from './permission.js';
import { safeText, withoutQuery } from './safe-url.js';

/** The repository's actions the access token carries, for evidence. */
export function grantedActions(ctx: CheckContext, repository: string): string[] | null {
  const access = ctx.dep<AccessTokenData>('auth.access-token');
  if (!access || access.granted.length === 0) return null;
  return access.granted.filter((g) => g.type === 'repository' && g.name === repository).flatMap((g) => g.actions);
}

export function firewallOutcome(ctx: CheckContext, status: number, failure: Extract<Failure, { kind: 'firewall' }>, code: string, details: Details): CheckOutcome {
  const name = ctx.target?.registryName ?? null;
  const ip = failure.clientIp;
  return {
    status: 'fail',
    code,
    summary: t('repository.firewall', { answer: describeAnswer(status, failure.error) }),
    details: { ...details, status, clientIp: ip, error: failure.error },
    remediations: [
      name && ip
        ? {
            id: 'allow-client-ip',
            title: t('repository.firewall.allowIp', { ip }),
            command: ['az', 'acr', 'network-rule', 'add', '--name', name, '--ip-address', ip],
            changes: true,
            docs: 'https://aka.ms/acr/firewall',
          }
        : { id: 'allow-client-ip', title: t('repository.firewall.allowManual'), command: null, changes: true, docs: 'https://aka.ms/acr/firewall' },
    ],
  };
}

export async function permissionOutcome(
  ctx: CheckContext,
  access: Access,
  repository: string,
  status: number,
  failure: Failure,
  details: Details,
): Promise<CheckOutcome> {
  const advice = await permissionAdvice(ctx, access, repository);
  const error = 'error' in failure ? failure.error : null;
  return {
    status: 'fail',
    code: 'PERMISSION_DENIED',
    summary: t(access === 'pull' ? 'repository.pull.denied' : 'repository.push.denied', {
      answer: describeAnswer(status, error),
      repository,
      role: advice.role,
    }),
    details: {
      ...details,
      status,
      error,
      role: advice.role,
      grantedActions: grantedActions(ctx, repository),
      objectId: advice.objectId,
      registryId: advice.registryId,
    },
    remediations: advice.remediations,
  };
}

/** A transport failure kind (dns, tls, ...) in words a person understands. */
export function errorKindWords(kind: string): string {
  return t(KINDS.has(kind) ? `repository.errorKind.${kind}` : 'repository.errorKind.other');
}

const KINDS = new Set(['dns', 'dns-timeout', 'refused', 'timeout', 'reset', 'tls', 'proxy', 'aborted', 'other']);

/** A request that got no HTTP answer at all. */
export function transportOutcome(code: string, url: string, err: unknown, details: Details): CheckOutcome {
  const kind = err instanceof HttpError ? err.kind : 'other';
  const message = safeText(err instanceof Error ? err.message : String(err));
  return {
    status: 'fail',
    code,
    summary: t('repository.transport', { url: withoutQuery(url), kind: errorKindWords(kind), message }),
    details: { ...details, url: withoutQuery(url), errorKind: kind, errorCode: err instanceof HttpError ? (err.code ?? null) : null, message },
  };
}
