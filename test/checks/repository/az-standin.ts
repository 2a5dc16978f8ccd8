import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in `az` on a temporary PATH. It answers `az WORDS... --flags` from files named after
 * the words (`acr_show.json` → stdout, exit 0; `acr_show.err` → stderr, exit 1) and logs its argv.
 */
export interface AzStandIn {
  dir: string;
  /** PATH holding only the stand-in (no real az behind it). */
  path: string;
  /** An AZURE_CONFIG_DIR whose profile lists one subscription: the stand-in counts as signed in. */
  configDir: string;
  /** PATH and AZURE_CONFIG_DIR for a check's environment. */
  env: Record<string, string>;
  answer(words: string, stdout: unknown): void;
  error(words: string, stderr: string): void;
  calls(): string[];
  cleanup(): void;
}

const SCRIPT = `#!/bin/sh
dir="\${0%/*}"
printf '%s\\n' "$*" >> "$dir/calls.log"
words=""
for a in "$@"; do
  case "$a" in -*) break ;; *) words="$words\${words:+_}$a" ;; esac
done
if [ -f "$dir/$words.err" ]; then /bin/cat "$dir/$words.err" >&2; exit 1; fi
if [ -f "$dir/$words.json" ]; then /bin/cat "$dir/$words.json"; exit 0; fi
echo "ERROR: '$words' is misspelled or not recognized by the system." >&2
exit 2
`;

/**
 * Writes `azureProfile.json` into `configDir` the way the Azure CLI does (BOM first) after
 * `az login`: one enabled default subscription. runAz reads it to tell "signed in" from "not".
 */
export function writeSignedInProfile(configDir: string): void {
  mkdirSync(configDir, { recursive: true });
  const profile = {
    installationId: '3f0c9a52-6b1d-4e7a-9c2e-5d8b7a6f1e20',
    subscriptions: [
      {
        id: SUB,
        name: 'sim',
        state: 'Enabled',
        isDefault: true,
        tenantId: '72f988bf-0000-0000-0000-000000000000',
        environmentName: 'AzureCloud',
        user: { name: 'dana@contoso.example', type: 'user' },
      },
    ],
  };
  writeFileSync(join(configDir, 'azureProfile.json'), `\uFEFF${JSON.stringify(profile)}`);
}

export function makeAzStandIn(): AzStandIn {
  const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-repo-az-'));
  const file = join(dir, 'az');
  writeFileSync(file, SCRIPT);
  chmodSync(file, 0o755);
  writeFileSync(join(dir, 'calls.log'), '');
  const configDir = join(dir, 'azure-config');
  writeSignedInProfile(configDir);
  return {
    dir,
    path: dir,
    configDir,
    env: { PATH: dir, AZURE_CONFIG_DIR: configDir },
    answer: (words, stdout) => writeFileSync(join(dir, `${words.replace(/ /g, '_')}.json`), typeof stdout === 'string' ? stdout : JSON.stringify(stdout, null, 2)),
    error: (words, stderr) => writeFileSync(join(dir, `${words.replace(/ /g, '_')}.err`), stderr),
    calls: () => {
      return readFileSync(join(dir, 'calls.log'), 'utf8').split('\n').filter(Boolean);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const SUB = '0b1f6471-1bf0-4dda-aec3-111122223333';
export const RG = 'rg-containers';
export const REGISTRY_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.ContainerRegistry/registries/myreg`;
export const CMK_CLIENT_ID = '7d3c5a1e-9f2b-4c8d-a6e1-2b3c4d5e6f70';
export const CMK_IDENTITY_ID = `/subscriptions/${SUB}/resourcegroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/acr-cmk`;
export const KEY_ID = 'https://myreg-kv.vault.azure.net/keys/acr-key';
export const PE_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/privateEndpoints/myreg-pe`;

/** `az acr show --name myreg --output json` as the CLI prints it, trimmed to a realistic subset. */
export function acrShowJson(opts: { cmk?: 'ok' | 'broken' | 'off'; privateEndpoint?: boolean } = {}): Record<string, unknown> {
  const cmk = opts.cmk ?? 'off';
  const userAssigned: Record<string, unknown> = {
    [`/subscriptions/${SUB}/resourcegroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/build-agents`]: {
      clientId: '0c9e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
      principalId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
    },
  };
  if (cmk === 'ok') userAssigned[CMK_IDENTITY_ID] = { clientId: CMK_CLIENT_ID, principalId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' };
  return {
    adminUserEnabled: false,
    anonymousPullEnabled: false,
    creationDate: '2026-03-02T09:14:55.123456+00:00',
    dataEndpointEnabled: false,
    dataEndpointHostNames: [],
    encryption:
      cmk === 'off'
        ? { keyVaultProperties: null, status: 'disabled' }
        : {
            keyVaultProperties: {
              identity: CMK_CLIENT_ID,
              keyIdentifier: KEY_ID,
              keyRotationEnabled: true,
              lastKeyRotationTimestamp: '2026-10-01T08:00:00+00:00',
              versionedKeyIdentifier: `${KEY_ID}/4f2d9a3c1b7e4e5a9d0c6b8a7f1e2d3c`,
            },
            status: 'enabled',
          },
    id: REGISTRY_ID,
    identity: cmk === 'off' ? null : { principalId: null, tenantId: '72f988bf-0000-0000-0000-000000000000', type: 'UserAssigned', userAssignedIdentities: userAssigned },
    location: 'eastus',
    loginServer: 'myreg.azurecr.io',
    name: 'myreg',
    networkRuleBypassOptions: 'AzureServices',
    networkRuleSet: { defaultAction: 'Allow', ipRules: [] },
    privateEndpointConnections: opts.privateEndpoint
      ? [
          {
            id: `${REGISTRY_ID}/privateEndpointConnections/myreg-pe.1a2b3c4d`,
            name: 'myreg-pe.1a2b3c4d',
            privateEndpoint: { id: PE_ID, resourceGroup: RG },
            privateLinkServiceConnectionState: { actionsRequired: 'None', description: 'Auto-Approved', status: 'Approved' },
            provisioningState: 'Succeeded',
            resourceGroup: RG,
            type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections',
          },
        ]
      : [],
    provisioningState: 'Succeeded',
    publicNetworkAccess: opts.privateEndpoint ? 'Disabled' : 'Enabled',
    resourceGroup: RG,
    sku: { name: 'Premium', tier: 'Premium' },
    type: 'Microsoft.ContainerRegistry/registries',
  };
}

/** `az network private-endpoint show --ids ID --output json` (subset) with the given DNS configs. */
export function privateEndpointJson(configs: { fqdn: string; ipAddresses: string[] }[]): Record<string, unknown> {
  return {
    customDnsConfigs: configs,
    id: PE_ID,
    location: 'eastus',
    name: 'myreg-pe',
    networkInterfaces: [{ id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/networkInterfaces/myreg-pe.nic.1` }],
    privateLinkServiceConnections: [{ name: 'myreg-pe', privateLinkServiceId: REGISTRY_ID, groupIds: ['registry'] }],
    provisioningState: 'Succeeded',
    resourceGroup: RG,
    subnet: { id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints` },
    type: 'Microsoft.Network/privateEndpoints',
  };
}
