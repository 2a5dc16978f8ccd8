import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runCli } from '../support/tools.js';

/**
 * Every way a secret enters a run at once (client secret in the environment, admin password on
 * stdin, AAD/refresh/access tokens the simulator mints, the SAS URL of the blob redirect), and every
 * way text leaves it (plain report, JSON, --verbose on stderr, Markdown and JSON transcripts).
 */

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/;
const BEARER = /\b(?:Bearer|Basic)\s+(?!\[REDACTED\]|realm=|authentication)[A-Za-z0-9+/._~-]{12,}=*/;
const SKIP = ['--skip', 'environment,registry.cmk,registry.private-endpoint'];

let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
  dir = mkdtempSync(join(tmpdir(), 'acr-doctor-secret-flow-'));
});
afterAll(async () => {
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const baseEnv = {
  AZURE_CLIENT_ID: undefined,
  AZURE_CLIENT_SECRET: undefined,
  AZURE_TENANT_ID: undefined,
  ACR_DOCTOR_PASSWORD: undefined,
  HTTPS_PROXY: undefined,
  https_proxy: undefined,
  AZURE_CONFIG_DIR: '/nonexistent-acr-doctor-test',
};

function expectNothingSecret(texts: string[], seeded: string[]): void {
  for (const text of texts) {
    for (const s of seeded) {
      expect(text).not.toContain(s);
      expect(text).not.toContain(encodeURIComponent(s));
    }
    expect(text).not.toMatch(JWT);
    expect(text).not.toMatch(BEARER);
    for (const m of text.matchAll(/sig(?:=|%3D)([^&\s"'\\)]*)/gi)) expect(m[1]).toMatch(/^(\[REDACTED\]|%5BREDACTED%5D)?$/);
  }
}

describe('secrets through every output at once', () => {
  it('service principal, pull through the SAS redirect, --verbose, JSON and both transcripts', async () => {
    const secret = sim.fixtures.clientSecret;
    const env = { ...baseEnv, AZURE_CLIENT_ID: sim.fixtures.clientId, AZURE_CLIENT_SECRET: secret, AZURE_TENANT_ID: sim.fixtures.tenantId };
    const repo = ['--repository', `${sim.fixtures.repository}:${sim.fixtures.tag}`];
    const md = join(dir, 'sp.md');
    const js = join(dir, 'sp.json');
    const asJson = await runCli(['check', sim.loginServer, ...sim.cliArgs(), ...SKIP, ...repo, '--verbose', '--json', '--export', js], { env });
    const plain = await runCli(['check', sim.loginServer, ...sim.cliArgs(), ...SKIP, ...repo, '--verbose', '--export', md], { env });
    const report = JSON.parse(asJson.stdout) as { checks: { id: string; status: string; details: Record<string, unknown> }[] };
    // The run really went through the token chain and the data endpoint.
    expect(report.checks.find((c) => c.id === 'auth.access-token')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'repository.pull')?.details.servedBy).toBe('data-endpoint');
    expect(asJson.stderr).toMatch(/HTTP > POST/);
    // The redirect's Location header was logged, with its signature withheld.
    expect(asJson.stderr).toMatch(/location: https:\/\/\S+sig=\[REDACTED\]/i);
    expectNothingSecret([asJson.stdout, asJson.stderr, plain.stdout, plain.stderr, readFileSync(js, 'utf8'), readFileSync(md, 'utf8')], [secret]);
  });

  it('admin password on stdin with a push probe, --verbose and transcripts', async () => {
    const password = sim.fixtures.adminPassword;
    const basic = Buffer.from(`${sim.fixtures.adminUsername}:${password}`).toString('base64');
    const args = ['check', sim.loginServer, ...sim.cliArgs(), ...SKIP, '-u', sim.fixtures.adminUsername, '--password-stdin'];
    const repo = ['--repository', `${sim.fixtures.repository}:${sim.fixtures.tag}`, '--push', '--yes'];
    const md = join(dir, 'admin.md');
    const js = join(dir, 'admin.json');
    const asJson = await runCli([...args, ...repo, '--verbose', '--json', '--export', js], { env: baseEnv, input: `${password}\n` });
    const plain = await runCli([...args, ...repo, '--verbose', '--export', md], { env: baseEnv, input: `${password}\n` });
    const report = JSON.parse(asJson.stdout) as { checks: { id: string; status: string }[] };
    expect(report.checks.find((c) => c.id === 'auth.access-token')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'repository.push')?.status).toBe('pass');
    expectNothingSecret([asJson.stdout, asJson.stderr, plain.stdout, plain.stderr, readFileSync(js, 'utf8'), readFileSync(md, 'utf8')], [password, basic]);
  });
});
