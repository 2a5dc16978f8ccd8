import type { CheckContext, Remediation } from '../../engine/types.js';
import type { CredentialData } from '../data.js';
import { acrShow } from '../../probes/az.js';
import { t } from '../../knowledge/i18n.js';
import { safeObjectId, safeResourceId } from '../../probes/safe-values.js';

export type Access = 'pull' | 'push';

const ROLES: Record<Access, { rbac: string; abac: string }> = {
  pull: { rbac: 'AcrPull', abac: 'Container Registry Repository Reader' },
  push: { rbac: 'AcrPush', abac: 'Container Registry Repository Writer' },
};

export interface PermissionAdvice {
  /** The role to grant, as people search for it. */
  role: string;
  /** Whether the registry said it uses ABAC repository permissions (null: unknown). */
  abac: boolean | null;
  registryId: string | null;
  objectId: string | null;
  remediations: Remediation[];
}

/**
 * What to grant after a permission denial, and the command that grants it. The registry's
 * resource id and role mode come from `az acr show` when the CLI is signed in; without them the
 * remediation is a manual step that names the values to fill in.
 */
export async function permissionAdvice(ctx: CheckContext, access: Access, repository: string): Promise<PermissionAdvice> {
  const cred = ctx.dep<CredentialData>('auth.credential');
  const name = ctx.target?.registryName ?? null;
  let registryId: string | null = null;
  let abac: boolean | null = null;
  if (name && cred?.kind === 'aad') {
    const shown = await acrShow({ ...ctx, timeoutMs: Math.min(ctx.timeoutMs, 10_000) }, name);
    if (shown.ok) {
      registryId = safeResourceId(shown.value.id, 'Microsoft.ContainerRegistry/registries');
      const mode = shown.value.roleAssignmentMode;
      abac = typeof mode === 'string' ? /abac/i.test(mode) : null;
    }
  }
  const role = abac ? ROLES[access].abac : ROLES[access].rbac;
  // From token claims: only an id-shaped value goes on the command line.
  const objectId = safeObjectId(cred?.identity.objectId);
  const docs = 'https://aka.ms/acr/authorization';
  const remediations: Remediation[] = [];

  if (!cred || cred.kind === 'aad') {
    if (objectId && registryId) {
      remediations.push({
        id: `grant-${access}-role`,
        title: t('repository.permission.grant', { role, who: cred?.identity.name ?? objectId }),
        command: ['az', 'role', 'assignment', 'create', '--assignee', objectId, '--scope', registryId, '--role', role],
        changes: true,
        docs,
      });
    } else {
      remediations.push({
        id: `grant-${access}-role`,
        title: t('repository.permission.grantManual', {
          role,
          objectId: objectId ?? 'OBJECT_ID',
          registryId: registryId ?? 'REGISTRY_ID',
          name: name ?? 'NAME',
        }),
        command: null,
        changes: true,
        docs,
      });
    }
    if (abac === null) {
      remediations.push({
        id: `abac-${access}-role`,
        title: t('repository.permission.abacHint', { role: ROLES[access].abac, repository }),
        command: null,
        changes: true,
        docs,
      });
    }
  } else if (cred.kind === 'basic') {
    remediations.push({
      id: `scope-map-${access}`,
      title: t(access === 'pull' ? 'repository.permission.scopeMapPull' : 'repository.permission.scopeMapPush', {
        user: cred.username ?? cred.identity.name ?? '',
        repository,
      }),
      command: null,
      changes: true,
      docs,
    });
  } else {
    remediations.push({
      id: 'sign-in',
      title: t('repository.permission.signIn', { role }),
      command: null,
      changes: false,
      docs,
    });
  }
  return { role, abac, registryId, objectId, remediations };
}
