import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { installStandIns, type StandIns } from '../../src/simulator/standin/install.js';
import { ROOT, runCli, type CliRun } from '../support/tools.js';

interface Check {
  id: string;
  status: string;
  code: string | null;
  summary: string;
  details: Record<string, unknown>;
  remediations: { id: string; title: string; command: string[] | null }[];
}

let sim: RunningSimulator;
let standIns: StandIns;
let tmp: string;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  sim = await startSimulator({ scenario: 'healthy' });
  standIns = installStandIns(sim);
  tmp = mkdtempSync(join(tmpdir(), 'acr-doctor-repo-e2e-'));
});
afterAll(async () => {
  standIns?.remove();
  await sim?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const env = (): Record<string, string | undefined> => standIns.env({ PATH: process.env.PATH, HOME: tmp, NO_COLOR: '1' });

async function check(scenario: string, args: string[], opts: { skipAzure?: boolean } = {}): Promise<{ run: CliRun; byId: Map<string, Check> }> {
  sim.setScenario(scenario);
  const skip = opts.skipAzure === false ? 'environment' : 'environment,registry.cmk,registry.private-endpoint';
  const run = await runCli(['check', sim.loginServer, ...sim.cliArgs(), '--auth', 'az', '--skip', skip, '--json', ...args], { env: env() });
  let checks: Check[] = [];
  try {
    checks = (JSON.parse(run.stdout) as { checks: Check[] }).checks;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { run, byId: new Map(checks.map((c) => [c.id, c])) };
}

/** A SAS signature may only ever appear as sig=[REDACTED]. */
function expectNoSas(...texts: string[]): void {
  for (const text of texts) {
    for (const m of text.matchAll(/sig(?:=|%3D)([^&\s"'\\]*)/gi)) expect(m[1]).toMatch(/^(\[REDACTED\]|%5BREDACTED%5D)?$/);
    expect(text).not.toMatch(/[?&]se=[^&\s"]+&sp=/);
  }
}

describe('repository checks against the simulated registry', () => {
  it('pulls through the data endpoint and pushes a blob; the SAS query never shows', async () => {
    const exported = join(tmp, 'healthy.json');
    const dataBefore = sim.requests.filter((r) => r.host.startsWith(sim.dataHost)).length;
    const { run, byId } = await check('healthy', ['--repository', `${sim.fixtures.repository}:${sim.fixtures.tag}`, '--push', '--yes', '--verbose', '--export', exported]);
    expect(run.code).toBe(0);
    const pull = byId.get('repository.pull')!;
    expect(pull.status).toBe('pass');
    expect(pull.details).toMatchObject({ servedBy: 'data-endpoint', dataEndpointHost: sim.dataHost });
    const data = byId.get('repository.data-endpoint')!;
    expect(data.status).toBe('pass');
    expect(data.details).toMatchObject({ host: sim.dataHost, status: 200, digestVerified: true, observedByPull: true });
    const push = byId.get('repository.push')!;
    expect(push.status).toBe('pass');
    expect(push.details).toMatchObject({ attempts: 1, bytes: 512 });
    expect(push.details.throughputBytesPerSecond).toBeGreaterThan(0);
    // The blob was requested from the data endpoint exactly once (pull did it; data-endpoint reused it).
    expect(sim.requests.filter((r) => r.host.startsWith(sim.dataHost)).length - dataBefore).toBe(1);
    expectNoSas(run.stdout, run.stderr, readFileSync(exported, 'utf8'));
  });

  it('no pull permission: PERMISSION_DENIED with the az role assignment that fixes it', async () => {
    const { run, byId } = await check('no-pull-permission', ['--repository', sim.fixtures.repository]);
    expect(run.code).toBe(1);
    const pull = byId.get('repository.pull')!;
    expect(pull).toMatchObject({ status: 'fail', code: 'PERMISSION_DENIED' });
    expect(pull.summary).toContain('AcrPull');
    const fix = pull.remediations[0]!.command!;
    expect(fix.slice(0, 6)).toEqual(['az', 'role', 'assignment', 'create', '--assignee', sim.fixtures.userObjectId]);
    expect(fix).toEqual(expect.arrayContaining(['--role', 'AcrPull']));
    expect(fix[fix.indexOf('--scope') + 1]).toMatch(/^\/subscriptions\/.+\/registries\/simreg$/);
    // Running the offered command (through the stand-in az, which talks to this process's simulator) makes the next run pass.
    await promisify(execFile)(fix[0]!, fix.slice(1), { env: env() as NodeJS.ProcessEnv, timeout: 20_000 });
    const again = await runCli(['check', sim.loginServer, ...sim.cliArgs(), '--auth', 'az', '--skip', 'environment,registry.cmk,registry.private-endpoint', '--json', '--repository', sim.fixtures.repository], { env: env() });
    const after = new Map((JSON.parse(again.stdout) as { checks: Check[] }).checks.map((c) => [c.id, c]));
    expect(after.get('repository.pull')!.status).toBe('pass');
  });

  it('a missing repository or tag: REPOSITORY_NOT_FOUND naming both', async () => {
    const { byId } = await check('healthy', ['--repository', 'no-such-repo:v9']);
    const pull = byId.get('repository.pull')!;
    expect(pull).toMatchObject({ status: 'fail', code: 'REPOSITORY_NOT_FOUND' });
    expect(pull.summary).toContain('no-such-repo');
    const tag = (await check('healthy', ['--repository', `${sim.fixtures.repository}:no-such-tag`])).byId.get('repository.pull')!;
    expect(tag.code).toBe('REPOSITORY_NOT_FOUND');
    expect(tag.summary).toContain('no-such-tag');
    expect(byId.get('repository.data-endpoint')!.status).toBe('skip');
  });

  it('an unreachable data endpoint: login and manifest work, DATA_ENDPOINT_ERROR names the host and the fix', async () => {
    const { run, byId } = await check('data-endpoint-unreachable', ['--repository', sim.fixtures.repository]);
    expect(run.code).toBe(1);
    expect(byId.get('repository.pull')!.status).toBe('pass');
    const data = byId.get('repository.data-endpoint')!;
    expect(data).toMatchObject({ status: 'fail', code: 'DATA_ENDPOINT_ERROR' });
    expect(data.summary).toContain(sim.dataHost);
    expect(data.remediations.map((r) => r.title).join('\n')).toContain('*.data.azurecr.io');
    expectNoSas(run.stdout, run.stderr);
  });

  it('push: recovers once from BLOB_UPLOAD_INVALID (warn), fails when it repeats, and names AcrPush when denied', async () => {
    const once = await check('blob-upload-invalid-once', ['--repository', sim.fixtures.repository, '--push', '--yes']);
    expect(once.run.code).toBe(0);
    expect(once.byId.get('repository.push')).toMatchObject({ status: 'warn', code: 'BLOB_UPLOAD_INVALID' });
    expect(once.byId.get('repository.push')!.summary).toMatch(/recovered/);

    const always = await check('blob-upload-invalid-always', ['--repository', sim.fixtures.repository, '--push', '--yes']);
    expect(always.run.code).toBe(1);
    expect(always.byId.get('repository.push')).toMatchObject({ status: 'fail', code: 'BLOB_UPLOAD_INVALID' });

    const denied = await check('no-push-permission', ['--repository', sim.fixtures.repository, '--push', '--yes']);
    expect(denied.byId.get('repository.pull')!.status).toBe('pass');
    const push = denied.byId.get('repository.push')!;
    expect(push).toMatchObject({ status: 'fail', code: 'PERMISSION_DENIED' });
    expect(push.remediations[0]!.command).toEqual(expect.arrayContaining(['--role', 'AcrPush']));
  });

  it('push without --yes is skipped in a non-interactive run and says how to allow it', async () => {
    const before = sim.requests.filter((r) => r.method === 'POST' && r.path.includes('/blobs/uploads')).length;
    const { byId } = await check('healthy', ['--repository', sim.fixtures.repository, '--push']);
    const push = byId.get('repository.push')!;
    expect(push.status).toBe('skip');
    expect(push.summary).toContain('--yes');
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path.includes('/blobs/uploads')).length).toBe(before);
  });

  it('Azure side through the CLI: a broken CMK identity and private endpoint names resolving elsewhere', async () => {
    const cmk = await check('cmk-broken', [], { skipAzure: false });
    const c = cmk.byId.get('registry.cmk')!;
    expect(c).toMatchObject({ status: 'fail', code: 'CMK_ERROR' });
    expect(c.remediations.some((r) => r.command?.join(' ').startsWith('az acr encryption rotate-key --name simreg'))).toBe(true);

    const pe = await check('private-endpoint-mismatch', [], { skipAzure: false });
    const p = pe.byId.get('registry.private-endpoint')!;
    expect(p).toMatchObject({ status: 'fail', code: 'PRIVATE_ENDPOINT_ERROR' });
    expect(p.summary).toContain(sim.loginServer);
    expect(p.summary).toContain(sim.dataHost);
    expect(p.details.mismatches).toEqual(expect.arrayContaining([expect.objectContaining({ fqdn: sim.loginServer, actual: ['127.0.0.1'] })]));
  });

  it('speaks Swedish with --lang sv', async () => {
    const { byId } = await check('data-endpoint-unreachable', ['--repository', sim.fixtures.repository, '--lang', 'sv']);
    expect(byId.get('repository.data-endpoint')!.summary).toMatch(/går inte att nå dataslutpunkten/);
  });
});
