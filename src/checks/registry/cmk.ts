import type { CheckContext, CheckDefinition, CheckOutcome, Remediation } from '../../engine/types.js';
import { acrShow, runAz, type AcrShow, type AzResult } from '../../probes/az.js';
import { t } from '../../knowledge/i18n.js';
import { azLogin } from '../auth/remediations.js';
import { installRemediations } from '../environment/install.js';
import { safeGuid, safeKeyVaultKeyId, safeResourceId } from '../../probes/safe-values.js';

export interface CmkVerdict {
  /** Customer-managed key encryption is on. */
  enabled: boolean;
  /** The client id the key vault access uses ("system" for the system identity). */
  identity: string | null;
  keyId: string | null;
  valid: boolean;
  /** How the identity was found: system, user-assigned (resource id) or not at all. */
  matchedBy: 'system' | 'user-assigned' | null;
  matchedResourceId: string | null;
}

const SYSTEM = /^\[?system\]?$/i;

/** Pure: whether the identity named by the encryption settings exists on the registry (as check-health judges it). */
export function judgeCmk(reg: AcrShow): CmkVerdict {
  const kv = reg.encryption?.keyVaultProperties ?? null;
  const enabled = (reg.encryption?.status ?? '').toLowerCase() === 'enabled' && !!kv;
  const identity = kv?.identity ?? null;
  const keyId = kv?.keyIdentifier ?? kv?.versionedKeyIdentifier ?? null;
  const none: CmkVerdict = { enabled, identity, keyId, valid: !enabled, matchedBy: null, matchedResourceId: null };
  if (!enabled) return none;
  if (!identity) return { ...none, valid: false };
  const id = reg.identity ?? null;
  const systemPrincipal = id?.principalId ?? null;
  if (systemPrincipal && (SYSTEM.test(identity) || identity.toLowerCase() === systemPrincipal.toLowerCase())) {
    return { ...none, valid: true, matchedBy: 'system' };
  }
  for (const [resourceId, ua] of Object.entries(id?.userAssignedIdentities ?? {})) {
    if (ua?.clientId && ua.clientId.toLowerCase() === identity.toLowerCase()) {
      return { ...none, valid: true, matchedBy: 'user-assigned', matchedResourceId: resourceId };
    }
  }
  return { ...none, valid: false };
}

/** Why an Azure-side check cannot look: shared wording for cmk and private-endpoint. */
export function azSkipSummary(r: Extract<AzResult<unknown>, { ok: false }>): string {
  switch (r.reason) {
    case 'not-installed':
      return t('azure.skip.notInstalled');
    case 'not-signed-in':
      return t('azure.skip.notSignedIn');
    case 'timeout':
    case 'aborted':
      return t('azure.skip.timeout');
    default:
      return t('azure.skip.failed', { message: r.message });
  }
}

/** What to do when az cannot look: install it (per platform) or sign it in. */
export function azSkipRemediations(
  r: Extract<AzResult<unknown>, { ok: false }>,
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): Remediation[] {
  if (r.reason === 'not-signed-in') return [azLogin()];
  // Only the install itself: another --auth would not let these checks read the registry's settings.
  if (r.reason === 'not-installed') return installRemediations('az', platform, env);
  return [];
}

async function findIdentityResourceId(ctx: CheckContext, clientId: string): Promise<string | null> {
  if (SYSTEM.test(clientId)) return null;
  const r = await runAz<{ id?: string; clientId?: string }[]>(ctx, ['identity', 'list']);
  if (!r.ok || !Array.isArray(r.value)) return null;
  return r.value.find((i) => i.clientId?.toLowerCase() === clientId.toLowerCase())?.id ?? null;
}

export function cmkRemediations(name: string, v: CmkVerdict, rawIdentityResourceId: string | null): Remediation[] {
  const docs = 'https://aka.ms/acr/errors#cmk_error';
  const identity = v.identity ?? '';
  // These values come from az's JSON and go into commands: only well-formed ids are used.
  const identityResourceId = safeResourceId(rawIdentityResourceId, 'Microsoft.ManagedIdentity/userAssignedIdentities');
  const keyId = safeKeyVaultKeyId(v.keyId);
  const identityArg = identityResourceId ?? (SYSTEM.test(identity) ? '[system]' : safeGuid(identity));
  const out: Remediation[] = [];
  if (SYSTEM.test(identity)) {
    out.push({ id: 'assign-identity', title: t('azure.cmk.fix.assignSystem'), command: ['az', 'acr', 'identity', 'assign', '--name', name, '--identities', '[system]'], changes: true, docs });
  } else if (identityResourceId) {
    out.push({
      id: 'assign-identity',
      title: t('azure.cmk.fix.assign', { clientId: identity }),
      command: ['az', 'acr', 'identity', 'assign', '--name', name, '--identities', identityResourceId],
      changes: true,
      docs,
    });
  } else {
    out.push({ id: 'assign-identity', title: t('azure.cmk.fix.assignManual', { clientId: identity, name }), command: null, changes: true, docs });
  }
  if (keyId && identityArg) {
    out.push({
      id: 'rotate-key',
      title: t('azure.cmk.fix.rotate'),
      command: ['az', 'acr', 'encryption', 'rotate-key', '--name', name, '--key-encryption-key', keyId, '--identity', identityArg],
      changes: true,
      docs,
    });
  } else {
    out.push({ id: 'rotate-key', title: t('azure.cmk.fix.rotateManual', { name }), command: null, changes: true, docs });
  }
  return out;
}

export const cmkCheck: CheckDefinition = {
  id: 'registry.cmk',
  group: 'registry',
  title: 'Customer-managed key identity',
  dependsOn: [],
  codes: ['CMK_ERROR'],
  enabled: (_options, target) => !!target?.registryName,
  run: async (ctx): Promise<CheckOutcome> => {
    const name = ctx.target?.registryName;
    if (!name) return { status: 'skip', summary: t('azure.skip.notAcr') };
    const shown = await acrShow(ctx, name);
    if (!shown.ok) return { status: 'skip', summary: azSkipSummary(shown), details: { reason: shown.reason }, remediations: azSkipRemediations(shown, ctx.probes.platform, ctx.probes.env) };
    const v = judgeCmk(shown.value);
    const details = {
      encryption: shown.value.encryption?.status ?? null,
      keyIdentifier: v.keyId,
      identityClientId: v.identity,
      systemIdentityPrincipalId: shown.value.identity?.principalId ?? null,
      userAssignedClientIds: Object.values(shown.value.identity?.userAssignedIdentities ?? {}).map((u) => u?.clientId ?? null),
      matchedBy: v.matchedBy,
    };
    if (!v.enabled) return { status: 'pass', summary: t('azure.cmk.notUsed', { name }), details };
    if (v.valid) return { status: 'pass', summary: t('azure.cmk.pass', { name, identity: v.identity ?? '' }), details };
    const resourceId = v.identity ? await findIdentityResourceId(ctx, v.identity) : null;
    return {
      status: 'fail',
      code: 'CMK_ERROR',
      summary: v.identity ? t('azure.cmk.fail', { name, identity: v.identity }) : t('azure.cmk.failNoIdentity', { name }),
      details: { ...details, identityResourceId: resourceId },
      remediations: cmkRemediations(name, v, resourceId),
    };
  },
};
