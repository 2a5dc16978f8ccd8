import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../src/probes/process.js';
import { startSimulator, ADMIN_HEADER, type RunningSimulator } from '../../src/simulator/index.js';
import { installStandIns, type StandIns } from '../../src/simulator/standin/install.js';
import { claims, simClient } from './client.js';

let sim: RunningSimulator;
let bin: StandIns;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  sim = await startSimulator();
  bin = installStandIns(sim);
  env = bin.env(process.env);
});
afterAll(async () => {
  bin.remove();
  await sim.close();
});

/** Runs `az` found through PATH, as the checks and the wizard's remediations do. */
const az = (...args: string[]) => runProcess(['az', ...args], { env, timeoutMs: 15_000 });
const json = (s: string): any => JSON.parse(s);

describe('stand-in az', () => {
  it('is found first on PATH, executable, and answers version like the real one', async () => {
    expect(statSync(join(bin.dir, 'az')).mode & 0o111).not.toBe(0);
    expect(existsSync(join(bin.dir, 'az.cmd'))).toBe(true);
    const r = await az('version', '--output', 'json');
    expect(r.exitCode).toBe(0);
    expect(json(r.stdout)['azure-cli']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints an access token the simulator mints: ARM by default, ACR with --resource', async () => {
    sim.setScenario('healthy');
    const arm = await az('account', 'get-access-token', '--output', 'json');
    expect(arm.exitCode).toBe(0);
    const body = json(arm.stdout);
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresOn', 'expires_on', 'subscription', 'tenant', 'tokenType']);
    expect(claims(body.accessToken)).toMatchObject({ aud: 'https://management.core.windows.net/', tid: sim.fixtures.tenantId, upn: sim.fixtures.userPrincipalName });
    const acr = await az('account', 'get-access-token', '--resource', 'https://containerregistry.azure.net', '--output', 'json');
    expect(claims(json(acr.stdout).accessToken).aud).toBe('https://containerregistry.azure.net');
  });

  it('fails like the real CLI when signed out or the session expired', async () => {
    sim.setScenario('az-logged-out');
    const out = await az('account', 'get-access-token', '--output', 'json');
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain("Please run 'az login' to setup account.");
    expect(out.stdout).toBe('');
    sim.setScenario('az-token-expired');
    const exp = await az('account', 'get-access-token', '--output', 'json');
    expect(exp.exitCode).toBe(1);
    expect(exp.stderr).toMatch(/AADSTS700082/);
    // `az login` through the stand-in signs in again.
    expect((await az('login')).exitCode).toBe(0);
    expect((await az('account', 'get-access-token', '--output', 'json')).exitCode).toBe(0);
  });

  it('acr show: the registry JSON, --query id, and the not-found error for another name', async () => {
    sim.setScenario('healthy');
    const show = json((await az('acr', 'show', '--name', 'simreg', '--output', 'json')).stdout);
    expect(show).toMatchObject({ name: 'simreg', loginServer: 'simreg.azurecr.io', encryption: { status: 'disabled' }, privateEndpointConnections: [] });
    const id = await az('acr', 'show', '--name', 'simreg', '--query', 'id', '--output', 'json');
    expect(json(id.stdout)).toMatch(/^\/subscriptions\/[0-9a-f-]+\/resourceGroups\/sim-rg\/providers\/Microsoft.ContainerRegistry\/registries\/simreg$/);
    const other = await az('acr', 'show', '-n', 'otherreg', '-o', 'json');
    expect(other.exitCode).not.toBe(0);
    expect(other.stderr).toMatch(/could not be found/);
  });

  it('the read-only commands remediations offer: repository list as a table, acr list with a projection', async () => {
    sim.setScenario('healthy');
    const repos = await az('acr', 'repository', 'list', '--name', 'simreg', '--output', 'table');
    expect(repos.stdout.split('\n')).toEqual(['Result', '-----------', 'hello-world']);
    const tags = await az('acr', 'repository', 'show-tags', '--name', 'simreg', '--repository', 'hello-world', '--output', 'json');
    expect(json(tags.stdout)).toEqual(['latest']);
    const servers = await az('acr', 'list', '--query', '[].loginServer', '--output', 'tsv');
    expect(servers.stdout).toBe('simreg.azurecr.io');
    const creds = json((await az('ad', 'app', 'credential', 'list', '--id', sim.fixtures.clientId)).stdout) as { endDateTime: string }[];
    expect(creds.some((c) => Date.parse(c.endDateTime) < Date.now())).toBe(true);
  });

  it('unknown commands fail with the CLI\'s message', async () => {
    const r = await az('frobnicate');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/misspelled or not recognized/);
  });
});

describe('remediations through the stand-in change the simulator', () => {
  it('firewall: network-rule add lets this IP in', async () => {
    sim.setScenario('firewall');
    const c = simClient(sim);
    try {
      expect((await c.call('GET', `https://${sim.loginServer}/v2/`)).status).toBe(403);
      const rule = await az('acr', 'network-rule', 'add', '--name', 'simreg', '--ip-address', '127.0.0.1');
      expect(rule.exitCode).toBe(0);
      expect(json(rule.stdout).ipRules).toEqual([{ action: 'Allow', ipAddressOrRange: '127.0.0.1' }]);
      expect((await c.call('GET', `https://${sim.loginServer}/v2/`)).status).toBe(401);
    } finally {
      await c.close();
    }
  });

  it('authentication-as-arm, anonymous pull and role assignments', async () => {
    sim.setScenario('arm-token-disallowed');
    expect(json((await az('acr', 'config', 'authentication-as-arm', 'show', '--registry', 'simreg')).stdout)).toEqual({ status: 'disabled' });
    expect((await az('acr', 'config', 'authentication-as-arm', 'update', '--registry', 'simreg', '--status', 'enabled')).exitCode).toBe(0);
    expect(sim.state.armTokensAllowed).toBe(true);

    sim.setScenario('anonymous-disabled');
    expect((await az('acr', 'update', '--name', 'simreg', '--anonymous-pull-enabled', 'true')).exitCode).toBe(0);
    expect(sim.state.anonymousPull).toBe(true);

    sim.setScenario('no-pull-permission');
    const id = json((await az('acr', 'show', '--name', 'simreg', '--query', 'id')).stdout) as string;
    const ra = await az('role', 'assignment', 'create', '--assignee', sim.fixtures.userObjectId, '--scope', id, '--role', 'AcrPull');
    expect(ra.exitCode).toBe(0);
    expect(sim.state.roles[sim.fixtures.userObjectId]).toEqual(['AcrPull']);
  });

  it('cmk-broken: the key identity is missing until identity assign', async () => {
    sim.setScenario('cmk-broken');
    const show = json((await az('acr', 'show', '--name', 'simreg', '--output', 'json')).stdout);
    expect(show.encryption.status).toBe('enabled');
    const keyIdentity = show.encryption.keyVaultProperties.identity as string;
    const ids = (s: any): string[] => Object.values(s.identity?.userAssignedIdentities ?? {}).map((v: any) => v.clientId);
    expect(ids(show)).not.toContain(keyIdentity);
    const list = json((await az('identity', 'list')).stdout) as { id: string; clientId: string }[];
    const resourceId = list.find((i) => i.clientId === keyIdentity)!.id;
    // Another identity does not repair it ...
    const other = list.find((i) => i.clientId !== keyIdentity)!.id;
    expect((await az('acr', 'identity', 'assign', '--name', 'simreg', '--identities', other)).exitCode).toBe(0);
    expect(ids(json((await az('acr', 'show', '--name', 'simreg')).stdout))).not.toContain(keyIdentity);
    // ... the key's own identity does.
    expect((await az('acr', 'identity', 'assign', '--name', 'simreg', '--identities', other, resourceId)).exitCode).toBe(0);
    const after = json((await az('acr', 'show', '--name', 'simreg', '--output', 'json')).stdout);
    expect(ids(after)).toContain(keyIdentity);
    expect((await az('acr', 'encryption', 'rotate-key', '--name', 'simreg', '--identity', keyIdentity)).exitCode).toBe(0);
  });

  it('private-endpoint-mismatch: connections whose DNS configuration expects private IPs', async () => {
    sim.setScenario('private-endpoint-mismatch');
    const show = json((await az('acr', 'show', '--name', 'simreg', '--output', 'json')).stdout);
    expect(show.privateEndpointConnections).toHaveLength(1);
    const pe = await az('network', 'private-endpoint', 'show', '--ids', show.privateEndpointConnections[0].privateEndpoint.id, '--output', 'json');
    expect(pe.exitCode).toBe(0);
    const configs = json(pe.stdout).customDnsConfigs as { fqdn: string; ipAddresses: string[] }[];
    expect(configs.map((c) => c.fqdn)).toEqual([sim.loginServer, sim.dataHost]);
    for (const c of configs) expect(c.ipAddresses[0]).toMatch(/^10\./);
  });
});

describe('admin endpoint', () => {
  it('refuses callers without the admin token and changes state with it', async () => {
    const { Agent, request } = await import('undici');
    const agent = new Agent({ connect: { ca: sim.adminCaPem } });
    try {
      const post = async (path: string, body: unknown, token?: string) => {
        const r = await request(`${sim.adminUrl}${path}`, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json', ...(token ? { [ADMIN_HEADER]: token } : {}) },
          body: JSON.stringify(body),
        });
        await r.body.text();
        return r.statusCode;
      };
      sim.setScenario('firewall');
      expect(await post('/network-rule', { ip: '127.0.0.1' })).toBe(401);
      expect(await post('/network-rule', { ip: '127.0.0.1' }, 'wrong-token-value')).toBe(401);
      expect(sim.state.allowedIps).toEqual([]);
      expect(await post('/network-rule', { ip: '127.0.0.1' }, sim.adminToken)).toBe(200);
      expect(sim.state.allowedIps).toEqual(['127.0.0.1']);
      expect(await post('/anonymous-pull', { enabled: true }, sim.adminToken)).toBe(200);
      expect(sim.state.anonymousPull).toBe(true);
      expect(await post('/role', { assignee: 'someone', role: 'AcrPush' }, sim.adminToken)).toBe(200);
      expect(sim.state.roles.someone).toEqual(['AcrPush']);
      expect(await post('/scenario', { name: 'healthy' }, sim.adminToken)).toBe(200);
      expect(sim.scenario).toBe('healthy');
      // Admin traffic is not part of the recorded registry traffic.
      expect(sim.requests.some((r) => r.path.startsWith('/_sim'))).toBe(false);
    } finally {
      await agent.close();
    }
  });

  it('removes the stand-in directory', () => {
    const other = installStandIns(sim);
    expect(existsSync(other.dir)).toBe(true);
    other.remove();
    expect(existsSync(other.dir)).toBe(false);
  });
});
