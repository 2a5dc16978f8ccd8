import { randomUUID } from 'node:crypto';
import type { World } from './world.js';
import type { Role } from './types.js';
import { REGISTRY_NAME } from './fixtures.js';
import { mintAad } from './tokens.js';
import { fail, listAfter, ok, parse, print, str, type AzResult } from './az-format.js';
import { cmkIdentityId, identityListJson, networkRuleSet, privateEndpointId, privateEndpointJson, registryId, registryJson } from './azure-view.js';

/**
 * What the demo's stand-in `az` answers. The stand-in script forwards its argv here, so the
 * simulated Azure CLI and the simulated registry share one state: a remediation run through the
 * stand-in changes what the next check sees.
 */

export type { AzResult };

const LOGGED_OUT = "ERROR: Please run 'az login' to setup account.";

function expiredSession(): string {
  const stamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
  return (
    `ERROR: AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-05-01T08:12:44.0000000Z and was inactive for 90.00:00:00. ` +
    `Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${stamp}Z\n` +
    'Interactive authentication is needed. Please run:\naz login --scope https://management.core.windows.net//.default'
  );
}

function notFound(w: World, name: string): AzResult {
  return fail(
    3,
    `ERROR: The resource with name '${name}' and type 'Microsoft.ContainerRegistry/registries' could not be found in subscription 'Simulated subscription (${w.fixtures.subscriptionId})'.`,
  );
}

function account(w: World): Record<string, unknown> {
  return {
    environmentName: 'AzureCloud',
    homeTenantId: w.fixtures.tenantId,
    id: w.fixtures.subscriptionId,
    isDefault: true,
    managedByTenants: [],
    name: 'Simulated subscription',
    state: 'Enabled',
    tenantId: w.fixtures.tenantId,
    user: { name: w.fixtures.userPrincipalName, type: 'user' },
  };
}

const ROLE_ALIASES: Record<string, Role> = {
  acrpull: 'AcrPull',
  acrpush: 'AcrPush',
  'container registry repository reader': 'AcrPull',
  'container registry repository writer': 'AcrPush',
};

export function runAz(w: World, argv: string[]): AzResult {
  const p = parse(argv);
  const cmd = p.words.join(' ');
  if (p.flags.get('--version') === true && p.words.length === 0) {
    return ok('azure-cli                         2.45.0\n\ncore                              2.45.0\ntelemetry                          1.0.8\n');
  }
  if (cmd === 'version') return print({ 'azure-cli': '2.45.0', 'azure-cli-core': '2.45.0', 'azure-cli-telemetry': '1.0.8', extensions: {} }, p);
  if (cmd === 'cloud show') return print({ isActive: true, name: 'AzureCloud', profile: 'latest' }, p);
  if (cmd === 'login') {
    w.state.az = 'logged-in';
    return print([account(w)], p);
  }
  if (cmd === 'logout') {
    w.state.az = 'logged-out';
    return ok('');
  }
  const needsAccount = /^(account|acr|role|network|identity|ad) /.test(`${cmd} `);
  if (needsAccount && w.state.az === 'logged-out') return fail(1, LOGGED_OUT);
  if (needsAccount && w.state.az === 'expired') return fail(1, expiredSession());

  const registryArg = str(p, '--name') ?? str(p, '--registry');
  const wrongRegistry = registryArg !== undefined && registryArg.toLowerCase() !== REGISTRY_NAME;

  switch (cmd) {
    case 'account show':
      return print(account(w), p);
    case 'account get-access-token': {
      const resource = str(p, '--resource') ?? str(p, '--scope') ?? '';
      const audience = resource.startsWith('https://containerregistry.azure.net') ? 'acr' : 'arm';
      const expires = Math.floor(Date.now() / 1000) + 3600;
      return print(
        {
          accessToken: mintAad(w.fixtures, w.key, { audience, expiresInSec: 3600, kind: 'user' }),
          expiresOn: new Date(expires * 1000).toISOString().replace('T', ' ').replace('Z', '000'),
          expires_on: expires,
          subscription: w.fixtures.subscriptionId,
          tenant: w.fixtures.tenantId,
          tokenType: 'Bearer',
        },
        p,
      );
    }
    case 'acr show':
      if (!registryArg) return fail(2, 'ERROR: the following arguments are required: --name/-n');
      if (wrongRegistry) return notFound(w, registryArg);
      return print(registryJson(w), p);
    case 'acr network-rule add': {
      if (!registryArg) return fail(2, 'ERROR: the following arguments are required: --name/-n');
      if (wrongRegistry) return notFound(w, registryArg);
      const ip = str(p, '--ip-address');
      if (!ip || !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(ip)) return fail(2, 'ERROR: the following arguments are required: --ip-address');
      if (!w.state.allowedIps.includes(ip)) w.state.allowedIps.push(ip);
      return print(networkRuleSet(w), p);
    }
    case 'acr network-rule list':
      if (wrongRegistry) return notFound(w, registryArg!);
      return print(networkRuleSet(w), p);
    case 'acr config authentication-as-arm show':
      if (wrongRegistry) return notFound(w, registryArg!);
      return print({ status: w.state.armTokensAllowed ? 'enabled' : 'disabled' }, p);
    case 'acr config authentication-as-arm update': {
      if (wrongRegistry) return notFound(w, registryArg!);
      const status = str(p, '--status');
      if (status !== 'enabled' && status !== 'disabled') return fail(2, "ERROR: argument --status: invalid choice. Choose from 'disabled', 'enabled'.");
      w.state.armTokensAllowed = status === 'enabled';
      return print({ status }, p);
    }
    case 'acr update': {
      if (!registryArg) return fail(2, 'ERROR: the following arguments are required: --name/-n');
      if (wrongRegistry) return notFound(w, registryArg);
      const anon = str(p, '--anonymous-pull-enabled');
      if (anon !== undefined) w.state.anonymousPull = anon === 'true';
      const pub = str(p, '--public-network-enabled');
      if (pub === 'true') w.state.firewallEnabled = false;
      const admin = str(p, '--admin-enabled');
      if (admin !== undefined) w.state.adminUserEnabled = admin === 'true';
      return print(registryJson(w), p);
    }
    case 'acr identity assign': {
      if (wrongRegistry) return notFound(w, registryArg!);
      const wanted = listAfter(argv, '--identities');
      // Only the key's own identity repairs the encryption; others are accepted and change nothing.
      if (wanted.some((id) => id.toLowerCase() === cmkIdentityId(w).toLowerCase())) w.state.cmkIdentityAssigned = true;
      return print(registryJson(w).identity, p);
    }
    case 'identity list':
      return print(identityListJson(w), p);
    case 'acr list':
      return print([registryJson(w)], p);
    case 'acr repository list':
      if (!registryArg) return fail(2, 'ERROR: the following arguments are required: --name/-n');
      if (wrongRegistry) return notFound(w, registryArg);
      return print(w.repositories(), p);
    case 'acr repository show-tags': {
      if (wrongRegistry) return notFound(w, registryArg!);
      const repo = str(p, '--repository') ?? '';
      if (repo !== w.fixtures.repository) {
        return fail(1, `ERROR: (NAME_UNKNOWN) The repository '${repo}' could not be found in registry '${REGISTRY_NAME}'.`);
      }
      return print([w.fixtures.tag], p);
    }
    case 'acr login':
      if (wrongRegistry) return notFound(w, registryArg!);
      return ok('Login Succeeded');
    case 'acr token show': {
      const name = str(p, '--name') ?? '';
      return fail(3, `ERROR: (ResourceNotFound) The Resource 'Microsoft.ContainerRegistry/registries/${REGISTRY_NAME}/tokens/${name}' under resource group '${w.fixtures.resourceGroup}' was not found.`);
    }
    case 'ad sp show': {
      const id = str(p, '--id');
      if (id !== w.fixtures.clientId && id !== w.fixtures.spObjectId) {
        return fail(3, `ERROR: Service principal '${id ?? ''}' doesn't exist`);
      }
      return print({ accountEnabled: true, appDisplayName: 'acr-doctor-demo', appId: w.fixtures.clientId, displayName: 'acr-doctor-demo', id: w.fixtures.spObjectId, servicePrincipalType: 'Application' }, p);
    }
    case 'ad app credential list': {
      if (str(p, '--id') !== w.fixtures.clientId) return fail(3, `ERROR: Resource '${str(p, '--id') ?? ''}' does not exist or one of its queried reference-property objects are not present.`);
      const day = 86_400_000;
      const cred = (hint: string, start: number, end: number): Record<string, unknown> => ({
        customKeyIdentifier: null,
        displayName: hint === 'old' ? 'expired secret' : 'current secret',
        endDateTime: new Date(end).toISOString(),
        hint,
        keyId: randomUUID(),
        secretText: null,
        startDateTime: new Date(start).toISOString(),
      });
      const now = Date.now();
      return print([cred('old', now - 400 * day, now - 35 * day), cred('cur', now - 30 * day, now + 335 * day)], p);
    }
    case 'acr encryption rotate-key':
      if (wrongRegistry) return notFound(w, registryArg!);
      return print(registryJson(w).encryption, p);
    case 'role assignment create': {
      const assignee = str(p, '--assignee') ?? str(p, '--assignee-object-id');
      const roleName = str(p, '--role') ?? '';
      const role = ROLE_ALIASES[roleName.toLowerCase()];
      if (!assignee) return fail(2, 'ERROR: usage error: --assignee STRING | --assignee-object-id GUID');
      if (!role) return fail(1, `ERROR: Role '${roleName}' doesn't exist.`);
      const roles = (w.state.roles[assignee] ??= []);
      if (!roles.includes(role)) roles.push(role);
      const scope = str(p, '--scope') ?? registryId(w);
      return print(
        {
          id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${randomUUID()}`,
          principalId: assignee,
          principalType: 'User',
          roleDefinitionName: roleName,
          scope,
          type: 'Microsoft.Authorization/roleAssignments',
        },
        p,
      );
    }
    case 'network private-endpoint show': {
      const id = str(p, '--ids');
      if (w.behaviour.azure.privateEndpoint === 'none' || id !== privateEndpointId(w)) {
        return fail(3, `ERROR: (ResourceNotFound) The Resource 'Microsoft.Network/privateEndpoints/${id?.split('/').pop() ?? ''}' was not found.`);
      }
      return print(privateEndpointJson(w), p);
    }
  }
  return fail(2, `ERROR: '${p.words[0] ?? ''}' is misspelled or not recognized by the system.`);
}
