import type { World } from './world.js';
import { DATA_HOST, LOGIN_SERVER, REGISTRY_NAME } from './fixtures.js';

/** The registry as Azure Resource Manager describes it (what `az acr show` prints), built from the world's state. */

export function registryId(w: World): string {
  const f = w.fixtures;
  return `/subscriptions/${f.subscriptionId}/resourceGroups/${f.resourceGroup}/providers/Microsoft.ContainerRegistry/registries/${REGISTRY_NAME}`;
}

export function cmkIdentityId(w: World): string {
  const f = w.fixtures;
  return `/subscriptions/${f.subscriptionId}/resourceGroups/${f.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/simreg-cmk`;
}

export function privateEndpointId(w: World): string {
  const f = w.fixtures;
  return `/subscriptions/${f.subscriptionId}/resourceGroups/${f.resourceGroup}/providers/Microsoft.Network/privateEndpoints/simreg-pe`;
}

function encryption(w: World): Record<string, unknown> {
  if (!w.behaviour.azure.cmk) return { keyVaultProperties: null, status: 'disabled' };
  return {
    keyVaultProperties: {
      identity: w.azureIds.cmkClientId,
      keyIdentifier: 'https://simreg-kv.vault.azure.net/keys/acr-cmk',
      keyRotationEnabled: true,
      lastKeyRotationTimestamp: '2026-10-01T08:00:00+00:00',
      versionedKeyIdentifier: 'https://simreg-kv.vault.azure.net/keys/acr-cmk/4f2d9a3c1b7e4e5a9d0c6b8a7f1e2d3c',
    },
    status: 'enabled',
  };
}

function otherIdentityId(w: World): string {
  return `/subscriptions/${w.fixtures.subscriptionId}/resourceGroups/${w.fixtures.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/build-agents`;
}

/** `az identity list`: the user-assigned identities in the registry's resource group. */
export function identityListJson(w: World): Record<string, unknown>[] {
  const entry = (id: string, clientId: string, principalId: string): Record<string, unknown> => ({
    clientId,
    id,
    location: 'eastus',
    name: id.split('/').pop(),
    principalId,
    resourceGroup: w.fixtures.resourceGroup,
    tags: {},
    tenantId: w.fixtures.tenantId,
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
  });
  return [
    entry(otherIdentityId(w), w.azureIds.otherClientId, w.azureIds.otherPrincipalId),
    entry(cmkIdentityId(w), w.azureIds.cmkClientId, w.azureIds.cmkPrincipalId),
  ];
}

function identity(w: World): Record<string, unknown> | null {
  if (!w.behaviour.azure.cmk) return null;
  const ids: Record<string, unknown> = {
    [otherIdentityId(w)]: { clientId: w.azureIds.otherClientId, principalId: w.azureIds.otherPrincipalId },
  };
  if (w.state.cmkIdentityAssigned) ids[cmkIdentityId(w)] = { clientId: w.azureIds.cmkClientId, principalId: w.azureIds.cmkPrincipalId };
  return { principalId: null, tenantId: w.fixtures.tenantId, type: 'UserAssigned', userAssignedIdentities: ids };
}

export function networkRuleSet(w: World): Record<string, unknown> {
  return {
    defaultAction: w.state.firewallEnabled ? 'Deny' : 'Allow',
    ipRules: w.state.firewallEnabled ? w.state.allowedIps.map((ip) => ({ action: 'Allow', ipAddressOrRange: ip })) : [],
  };
}

function privateEndpointConnections(w: World): unknown[] {
  if (w.behaviour.azure.privateEndpoint === 'none') return [];
  return [
    {
      id: `${registryId(w)}/privateEndpointConnections/simreg-pe.6a1f0c2e`,
      name: 'simreg-pe.6a1f0c2e',
      privateEndpoint: { id: privateEndpointId(w), resourceGroup: w.fixtures.resourceGroup },
      privateLinkServiceConnectionState: { actionsRequired: 'None', description: 'Auto-Approved', status: 'Approved' },
      provisioningState: 'Succeeded',
      resourceGroup: w.fixtures.resourceGroup,
      type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections',
    },
  ];
}

export function registryJson(w: World): Record<string, unknown> {
  return {
    adminUserEnabled: w.state.adminUserEnabled,
    anonymousPullEnabled: w.state.anonymousPull,
    creationDate: '2025-03-01T10:00:00.000000+00:00',
    dataEndpointEnabled: true,
    dataEndpointHostNames: [DATA_HOST],
    encryption: encryption(w),
    id: registryId(w),
    identity: identity(w),
    location: 'eastus',
    loginServer: LOGIN_SERVER,
    name: REGISTRY_NAME,
    networkRuleBypassOptions: 'AzureServices',
    networkRuleSet: networkRuleSet(w),
    policies: {
      azureAdAuthenticationAsArmPolicy: { status: w.state.armTokensAllowed ? 'enabled' : 'disabled' },
      exportPolicy: { status: 'enabled' },
      quarantinePolicy: { status: 'disabled' },
      retentionPolicy: { days: 7, lastUpdatedTime: '2025-03-01T10:00:00+00:00', status: 'disabled' },
      trustPolicy: { status: 'disabled', type: 'Notary' },
    },
    privateEndpointConnections: privateEndpointConnections(w),
    provisioningState: 'Succeeded',
    publicNetworkAccess: 'Enabled',
    resourceGroup: w.fixtures.resourceGroup,
    sku: { name: 'Premium', tier: 'Premium' },
    status: null,
    tags: {},
    type: 'Microsoft.ContainerRegistry/registries',
    zoneRedundancy: 'Disabled',
  };
}

/** `az network private-endpoint show`: the IPs the private DNS zone should hold (not what this machine resolves). */
export function privateEndpointJson(w: World): Record<string, unknown> {
  return {
    customDnsConfigs: [
      { fqdn: LOGIN_SERVER, ipAddresses: ['10.20.0.5'] },
      { fqdn: DATA_HOST, ipAddresses: ['10.20.0.6'] },
    ],
    id: privateEndpointId(w),
    location: 'eastus',
    name: 'simreg-pe',
    provisioningState: 'Succeeded',
    resourceGroup: w.fixtures.resourceGroup,
    subnet: { id: `/subscriptions/${w.fixtures.subscriptionId}/resourceGroups/${w.fixtures.resourceGroup}/providers/Microsoft.Network/virtualNetworks/sim-vnet/subnets/endpoints` },
    type: 'Microsoft.Network/privateEndpoints',
  };
}
