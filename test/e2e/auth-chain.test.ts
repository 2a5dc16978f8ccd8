import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runCli, type CliRun } from '../support/tools.js';
import { makeStandinAz, type StandinDir } from '../checks/auth/standin-az.js';

interface Check {
  id: string;
  status: string;
  code: string | null;
  summary: string;
  details: Record<string, unknown>;
}

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/;
// Only the registry and auth checks: the environment checks would ask the stand-in az other questions.
const SKIP = ['--skip', 'environment,registry.cmk,registry.private-endpoint'];

let sim: RunningSimulator;
let az: StandinDir;
let armToken: string;
let acrToken: string;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
  armToken = sim.mintAadToken({ audience: 'arm' });
  acrToken = sim.mintAadToken({ audience: 'acr' });
  az = makeStandinAz({ kind: 'logged-in', armToken, acrToken, tenant: sim.fixtures.tenantId });
});
afterAll(async () => {
  az?.remove();
  await sim?.close();
});

function checks(run: CliRun): Map<string, Check> {
  const report = JSON.parse(run.stdout) as { checks: Check[] };
  return new Map(report.checks.map((c) => [c.id, c]));
}

/** Every seeded secret and every token must stay out of what the CLI prints. */
function expectNoSecrets(run: CliRun, secrets: string[]): void {
  for (const s of secrets) {
    expect(run.stdout).not.toContain(s);
    expect(run.stderr).not.toContain(s);
  }
  expect(run.stdout).not.toMatch(JWT);
  expect(run.stderr).not.toMatch(JWT);
}

const env = (over: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
  PATH: az.path,
  AZURE_CONFIG_DIR: az.dir,
  AZURE_CLIENT_ID: undefined,
  AZURE_CLIENT_SECRET: undefined,
  AZURE_TENANT_ID: undefined,
  ACR_DOCTOR_PASSWORD: undefined,
  HTTPS_PROXY: undefined,
  https_proxy: undefined,
  ...over,
});

describe('acr-doctor check: the auth chain end to end', () => {
  it('signed in through az: the auth checks pass with three requests on one connection, and no token leaks', async () => {
    sim.setScenario('healthy');
    sim.requests.length = 0;
    const before = sim.connectionCount();
    const run = await runCli(['check', sim.loginServer, ...sim.cliArgs(), ...SKIP, '--json'], {
      env: env({ AZURE_CLIENT_SECRET: 'seeded-client-secret-0042' }),
    });
    const c = checks(run);
    expect(c.get('auth.credential')).toMatchObject({ status: 'pass' });
    expect(c.get('auth.credential')!.details.identity).toMatchObject({ name: sim.fixtures.userPrincipalName });
    expect(c.get('auth.refresh-token')).toMatchObject({ status: 'pass' });
    expect(c.get('auth.access-token')).toMatchObject({ status: 'pass' });
    const toRegistry = sim.requests.filter((r) => r.host === sim.loginServer);
    expect(toRegistry.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/', 'POST /oauth2/exchange', 'POST /oauth2/token']);
    expect(new Set(toRegistry.map((r) => r.connection)).size).toBe(1);
    expect(sim.connectionCount() - before).toBe(1);
    expectNoSecrets(run, [armToken, acrToken, 'seeded-client-secret-0042']);
  });

  it('--verbose logs every exchange to stderr, redacted', async () => {
    sim.setScenario('arm-token-disallowed');
    try {
      const run = await runCli(['check', sim.loginServer, ...sim.cliArgs(), ...SKIP, '--verbose'], { env: env() });
      expect(run.stderr).toMatch(/POST https:\/\/simreg\.azurecr\.io\/oauth2\/exchange/);
      expect(run.stderr).toMatch(/az account get-access-token --resource https:\/\/containerregistry\.azure\.net/);
      expect(run.stdout).toMatch(/ARM_TOKEN_DISALLOWED/);
      expect(run.code).toBe(0);
      expectNoSecrets(run, [armToken, acrToken]);
    } finally {
      sim.setScenario('healthy');
    }
  });

  it('admin user with ACR_DOCTOR_PASSWORD: passes, and the password appears nowhere, even with --verbose', async () => {
    const password = sim.fixtures.adminPassword;
    const json = await runCli(['check', sim.loginServer, ...sim.cliArgs(), ...SKIP, '--username', sim.fixtures.adminUsername, '--json'], {
      env: env({ ACR_DOCTOR_PASSWORD: password }),
    });
    expect(checks(json).get('auth.access-token')).toMatchObject({ status: 'pass' });
    expect(checks(json).get('auth.refresh-token')).toMatchObject({ status: 'skip' });
    const verbose = await runCli(['check', sim.loginServer, ...sim.cliArgs(), ...SKIP, '--username', sim.fixtures.adminUsername, '--verbose'], {
      env: env({ ACR_DOCTOR_PASSWORD: password }),
    });
    expect(verbose.code).toBe(0);
    expectNoSecrets(json, [password]);
    expectNoSecrets(verbose, [password, Buffer.from(`${sim.fixtures.adminUsername}:${password}`).toString('base64')]);
  });

  it('a wrong admin password via --password-stdin fails with CONNECTIVITY_ACCESS_TOKEN_ERROR and exit 1', async () => {
    const run = await runCli(['check', sim.loginServer, ...sim.cliArgs(), ...SKIP, '-u', sim.fixtures.adminUsername, '--password-stdin', '--json'], {
      env: env(),
      input: 'typed-wrong-password-77\n',
    });
    expect(run.code).toBe(1);
    expect(checks(run).get('auth.access-token')).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR' });
    expectNoSecrets(run, ['typed-wrong-password-77']);
  });

  it('service principal from the environment: passes, and the client secret stays out of output', async () => {
    const secret = sim.fixtures.clientSecret;
    const spEnv = env({ AZURE_CLIENT_ID: sim.fixtures.clientId, AZURE_CLIENT_SECRET: secret, AZURE_TENANT_ID: sim.fixtures.tenantId });
    const run = await runCli(['check', sim.loginServer, ...sim.cliArgs(), ...SKIP, '--json'], { env: spEnv });
    const c = checks(run);
    expect(c.get('auth.credential')).toMatchObject({ status: 'pass' });
    expect(c.get('auth.credential')!.details).toMatchObject({ source: 'env' });
    expect(c.get('auth.access-token')).toMatchObject({ status: 'pass' });
    const verbose = await runCli(['check', sim.loginServer, ...sim.cliArgs(), ...SKIP, '--verbose'], { env: spEnv });
    expectNoSecrets(run, [secret]);
    expectNoSecrets(verbose, [secret]);
  });

  it('logged out of az: AAD_TOKEN_ERROR with az login in the plain report', async () => {
    const out = makeStandinAz({ kind: 'logged-out' });
    try {
      const run = await runCli(['check', sim.loginServer, ...sim.cliArgs(), ...SKIP], { env: env({ PATH: out.path }) });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/AAD_TOKEN_ERROR/);
      expect(run.stdout).toMatch(/az login/);
    } finally {
      out.remove();
    }
  });
});
