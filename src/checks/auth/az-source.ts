import type { CheckContext, ProcessResult } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { Secret } from '../../probes/secret.js';
import { redactText } from '../../transcript/redact.js';
import { aadstsMeaning, findAadstsCode } from './aadsts.js';
import { ACR_RESOURCE } from './authority.js';
import { clip, jsonObject } from './http-util.js';
import { identityFromAadToken } from './identity.js';
import { azLogin, installAz } from './remediations.js';
import { SourceError, type SourceResult } from './source-result.js';

const BASE_ARGS = ['account', 'get-access-token', '--output', 'json'];

export type AzFailure = 'missing' | 'logged-out' | 'expired' | 'timeout' | 'other';

/** Sorts a failed `az account get-access-token` by what the person has to do about it. */
export function classifyAzFailure(r: ProcessResult): AzFailure {
  if (r.notFound) return 'missing';
  if (r.timedOut || r.aborted) return 'timeout';
  const text = `${r.stderr}\n${r.stdout}`;
  if (/AADSTS700082|AADSTS50173|refresh token has expired|token (?:is )?expired|expired due to inactivity/i.test(text)) return 'expired';
  if (/Please run 'az login'|az login|not logged in|No subscription found/i.test(text)) return 'logged-out';
  return 'other';
}

/** A tenant named in az's advice ("az login --tenant <id>"), if any. */
export function tenantFromAzText(text: string): string | null {
  const m = /--tenant\s+["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9.-]+\.onmicrosoft\.com)/i.exec(text);
  return m ? m[1]! : null;
}

/** The first line of az's error output that says something (without the "ERROR: " prefix), redacted. */
export function azMessage(stderr: string): string {
  const line = stderr
    .split(/\r?\n/)
    .map((l) => l.replace(/^ERROR:\s*/, '').trim())
    .find((l) => l.length > 0 && !/^WARNING:/.test(l));
  return clip(redactText(line ?? ''), 240);
}

interface AzToken {
  token: Secret;
  tenant: string | null;
  expiresAt: string | null;
}

/** Reads az's JSON answer. The token goes straight into a Secret; nothing else of stdout is kept. */
export function parseAzToken(stdout: string): AzToken | null {
  const obj = jsonObject(stdout);
  const token = obj?.accessToken;
  if (typeof token !== 'string' || token.length === 0) return null;
  const tenant = typeof obj?.tenant === 'string' ? obj.tenant : null;
  let expiresAt: string | null = null;
  const epoch = obj?.expires_on;
  if (typeof epoch === 'number' || (typeof epoch === 'string' && /^\d+$/.test(epoch))) {
    expiresAt = new Date(Number(epoch) * 1000).toISOString();
  }
  return { token: new Secret(token), tenant, expiresAt };
}

async function runAz(ctx: CheckContext, azPath: string, extra: string[], signal: AbortSignal): Promise<ProcessResult> {
  const args = [...BASE_ARGS.slice(0, 2), ...extra, ...BASE_ARGS.slice(2)];
  ctx.progress(t('progress.command', { command: `az ${args.slice(0, 3).join(' ')}` }));
  const r = await ctx.probes.runProcess([azPath, ...args], { env: ctx.probes.env, signal, timeoutMs: ctx.timeoutMs });
  // stdout holds the token: only the command and how it ended are logged.
  ctx.log(`az ${args.join(' ')} → ${r.notFound ? 'not found' : r.timedOut ? 'timed out' : `exit ${r.exitCode}`} (${r.durationMs} ms)`);
  return r;
}

/** The credential from the Azure CLI's signed-in account (an ARM-audience token, as check-health uses). */
export async function azCredential(ctx: CheckContext, azPath: string | null): Promise<SourceResult> {
  const program = azPath ?? 'az';
  const r = await runAz(ctx, program, [], ctx.signal);
  if (r.exitCode !== 0 || r.notFound) {
    const kind = classifyAzFailure(r);
    const text = `${r.stderr}\n${r.stdout}`;
    const tenant = tenantFromAzText(text);
    const aadsts = findAadstsCode(text);
    const message = azMessage(r.stderr || r.error || '');
    const details: Record<string, unknown> = { source: 'az', exitCode: r.exitCode, failure: kind };
    if (message) details.message = message;
    if (aadsts) details.aadsts = `AADSTS${aadsts}`;
    const meaning = aadstsMeaning(aadsts);
    if (meaning) details.meaning = meaning;
    if (tenant) details.tenantId = tenant;
    const summary =
      kind === 'missing'
        ? t('auth.az.missing')
        : kind === 'logged-out'
          ? t('auth.az.loggedOut')
          : kind === 'expired'
            ? t('auth.az.expired')
            : kind === 'timeout'
              ? t('auth.az.timeout', { seconds: Math.round(ctx.timeoutMs / 1000) })
              : t('auth.az.failed', { message: meaning ?? (message || String(r.exitCode)) });
    const remediations = kind === 'missing' ? [...installAz(ctx.probes.platform, ctx.probes.env), azLogin(null)] : [azLogin(tenant)];
    return { ok: false, outcome: { status: 'fail', code: 'AAD_TOKEN_ERROR', summary, details, remediations } };
  }
  const parsed = parseAzToken(r.stdout);
  if (!parsed) {
    return {
      ok: false,
      outcome: {
        status: 'fail',
        code: 'AAD_TOKEN_ERROR',
        summary: t('auth.az.unreadable'),
        details: { source: 'az', exitCode: r.exitCode },
        remediations: [azLogin(null)],
      },
    };
  }
  const identity = identityFromAadToken(parsed.token.reveal(), { tenantId: parsed.tenant, expiresAt: parsed.expiresAt });
  return {
    ok: true,
    data: {
      kind: 'aad',
      source: 'az',
      aadToken: parsed.token,
      tenantId: identity.tenantId,
      identity,
      acrAudienceToken: async (signal) => {
        const again = await runAz(ctx, program, ['--resource', ACR_RESOURCE], signal);
        const token = again.exitCode === 0 ? parseAzToken(again.stdout) : null;
        if (!token) throw new SourceError(azMessage(again.stderr) || t('auth.az.unreadable'));
        return token.token;
      },
    },
  };
}
