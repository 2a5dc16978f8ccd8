import type { Cloud } from '../../engine/types.js';

/** Where each cloud's Azure AD lives, and the resources acr-doctor asks tokens for. */
export const AUTHORITY_HOSTS: Record<Cloud, string> = {
  AzureCloud: 'https://login.microsoftonline.com',
  AzureChinaCloud: 'https://login.chinacloudapi.cn',
  AzureUSGovernment: 'https://login.microsoftonline.us',
};

/** The Resource Manager scope per cloud (what `az account get-access-token` gives by default). */
export const ARM_SCOPES: Record<Cloud, string> = {
  AzureCloud: 'https://management.azure.com/.default',
  AzureChinaCloud: 'https://management.chinacloudapi.cn/.default',
  AzureUSGovernment: 'https://management.usgovcloudapi.net/.default',
};
export const ACR_RESOURCE = 'https://containerregistry.azure.net';
export const ACR_SCOPE = `${ACR_RESOURCE}/.default`;

/**
 * The authority to ask for client-credential tokens: AZURE_AUTHORITY_HOST when it is a valid
 * https URL, otherwise the cloud's default. Returns null for a value that is not https.
 */
export function authorityHost(env: Record<string, string | undefined>, cloud: Cloud): { host: string; fromEnv: boolean } | null {
  const configured = env.AZURE_AUTHORITY_HOST?.trim();
  if (!configured) return { host: AUTHORITY_HOSTS[cloud], fromEnv: false };
  try {
    const u = new URL(configured);
    if (u.protocol !== 'https:') return null;
    return { host: `${u.origin}${u.pathname.replace(/\/+$/, '')}`, fromEnv: true };
  } catch {
    return null;
  }
}

/** A tenant is a GUID or a domain name; anything else is refused before it reaches a URL path. */
export function validTenant(tenant: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tenant) || /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/.test(tenant);
}

/** Audience of an AAD token in words people use: ARM or ACR. */
export function audienceKind(aud: string | null): 'arm' | 'acr' | 'other' | null {
  if (!aud) return null;
  const a = aud.replace(/\/+$/, '').toLowerCase();
  if (a === ACR_RESOURCE) return 'acr';
  if (
    a === 'https://management.core.windows.net' ||
    a === 'https://management.azure.com' ||
    a === 'https://management.core.chinacloudapi.cn' ||
    a === 'https://management.chinacloudapi.cn' ||
    a === 'https://management.core.usgovcloudapi.net' ||
    a === 'https://management.usgovcloudapi.net' ||
    a === '797f4846-ba00-4fd7-ba43-dac1f8f63013'
  ) {
    return 'arm';
  }
  return 'other';
}
