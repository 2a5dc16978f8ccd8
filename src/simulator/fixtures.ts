import { randomBytes, randomUUID } from 'node:crypto';

/** Names, identities and credentials of the simulated world. Fresh secrets at every start. */

export interface SimFixtures {
  adminUsername: string;
  adminPassword: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** A secret of the same app that AAD reports as expired (AADSTS7000222). */
  expiredClientSecret: string;
  /** The service principal's object id. */
  spObjectId: string;
  userObjectId: string;
  userPrincipalName: string;
  subscriptionId: string;
  resourceGroup: string;
  repository: string;
  tag: string;
}

export const REGISTRY_NAME = 'simreg';
export const LOGIN_SERVER = 'simreg.azurecr.io';
export const DATA_HOST = 'simreg.eastus.data.azurecr.io';
export const AAD_HOST = 'login.microsoftonline.com';
export const ARM_AUDIENCES = ['https://management.core.windows.net/', 'https://management.core.windows.net', 'https://management.azure.com/', 'https://management.azure.com'];
export const ACR_AUDIENCE = 'https://containerregistry.azure.net';

export function makeFixtures(): SimFixtures {
  return {
    adminUsername: REGISTRY_NAME,
    adminPassword: randomBytes(24).toString('base64url'),
    tenantId: randomUUID(),
    clientId: randomUUID(),
    clientSecret: `sim~${randomBytes(24).toString('base64url')}`,
    expiredClientSecret: `sim~${randomBytes(24).toString('base64url')}`,
    spObjectId: randomUUID(),
    userObjectId: randomUUID(),
    userPrincipalName: 'dana@contoso.example',
    subscriptionId: randomUUID(),
    resourceGroup: 'sim-rg',
    repository: 'hello-world',
    tag: 'latest',
  };
}
