import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, dockerDaemonUp, hasCommand, requireTool, runCli } from '../support/tools.js';
import { expectContractReport } from '../support/report-shape.js';
import { hasDistribution, startDistribution } from '../support/distribution.js';
import { CHECK_IDS } from '../../src/checks/ids.js';

// The contract's environment checks, in display order.
const ENV_IDS = CHECK_IDS.slice(0, CHECK_IDS.indexOf('az.version') + 1);

// An empty Azure CLI config (az fills it in): no default registry, so only the environment checks run.
const azConfig = mkdtempSync(join(tmpdir(), 'acr-doctor-azcfg-'));
const cleanEnv = { AZURE_CONFIG_DIR: azConfig, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, DOCKER_COMMAND: undefined };

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  // az's first run in an empty config directory sets it up (seconds on a busy machine): do that outside the checks' time limit.
  if (hasCommand('az')) spawnSync('az', ['version', '--output', 'json'], { env: { ...process.env, AZURE_CONFIG_DIR: azConfig }, stdio: 'ignore', timeout: 50_000 });
});
afterAll(() => rmSync(azConfig, { recursive: true, force: true }));

describe('acr-doctor check on this machine', () => {
  it('reports the nine environment checks as JSON, matching what is installed', async () => {
    const r = await runCli(['check', '--json'], { env: cleanEnv });
    const doc = JSON.parse(r.stdout);
    expectContractReport(doc);
    const byId = new Map<string, Record<string, any>>(doc.checks.map((c: Record<string, any>) => [c.id, c]));
    expect(doc.checks.map((c: { id: string }) => c.id)).toEqual(ENV_IDS);

    const docker = hasCommand('docker');
    const daemon = docker && dockerDaemonUp();
    expect(byId.get('docker.command')).toMatchObject(docker ? { status: 'pass', code: null } : { status: 'warn', code: 'DOCKER_COMMAND_ERROR' });
    if (daemon) {
      expect(byId.get('docker.daemon')!.status).toBe('pass');
      expect(byId.get('docker.version')!.status).toBe('pass');
      const pull = byId.get('docker.pull')!;
      expect(pull.status).toBe('skip');
      expect(pull.summary).toContain('--yes');
    } else if (docker) {
      expect(byId.get('docker.daemon')).toMatchObject({ status: 'fail', code: 'DOCKER_DAEMON_ERROR' });
    }
    for (const [cmd, id, next, code] of [
      ['helm', 'helm.command', 'helm.version', 'HELM_COMMAND_ERROR'],
      ['notary', 'notary.command', 'notary.version', 'NOTARY_COMMAND_ERROR'],
    ] as const) {
      if (hasCommand(cmd)) expect(byId.get(id)!.status).toBe('pass');
      else {
        expect(byId.get(id)).toMatchObject({ status: 'warn', code });
        expect(byId.get(next)).toMatchObject({ status: 'skip', blockedBy: id });
      }
    }
    expect(byId.get('az.version')).toMatchObject(hasCommand('az') ? { status: 'pass' } : { status: 'warn', code: 'AZ_CLI_ERROR' });
    const failed = doc.checks.some((c: { status: string }) => c.status === 'fail');
    expect(r.code).toBe(failed ? 1 : 0);
    expect(r.stderr).not.toMatch(/\n\s+at .+\(.*\)/);
  });

  it.skipIf(!requireTool(hasCommand('docker'), 'the docker CLI'))(
    'a dead DOCKER_HOST fails the run with DOCKER_DAEMON_ERROR and prints the fix, in English and Swedish',
    async () => {
      const env = { ...cleanEnv, DOCKER_HOST: 'unix:///tmp/acr-doctor-nonexistent.sock' };
      const args = ['check', '--skip', 'helm.command,notary.command,az.version'];
      const en = await runCli(args, { env });
      expect(en.code).toBe(1);
      expect(en.stdout).toContain('DOCKER_DAEMON_ERROR');
      expect(en.stdout).toContain('DOCKER_HOST points at unix:///tmp/acr-doctor-nonexistent.sock');
      expect(en.stdout).toContain('docker context ls');
      const sv = await runCli([...args, '--lang', 'sv'], { env });
      expect(sv.code).toBe(1);
      expect(sv.stdout).toContain('DOCKER_HOST pekar på unix:///tmp/acr-doctor-nonexistent.sock');
    },
  );

  it.skipIf(!requireTool(hasCommand('docker') && dockerDaemonUp() && hasDistribution(), 'a running Docker daemon and /usr/bin/docker-registry'))(
    'check --yes --pull-image pulls from a local registry and reports the pass',
    async () => {
      const registry = await startDistribution();
      const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-image-'));
      const image = `${registry.loginServer}/acr-doctor-test/e2e:1`;
      const docker = (args: string[]) => spawnSync('docker', args, { encoding: 'utf8', timeout: 60_000 });
      try {
        writeFileSync(join(dir, 'hello.txt'), 'acr-doctor e2e image\n');
        spawnSync('tar', ['-C', dir, '-cf', join(dir, 'tiny.tar'), 'hello.txt']);
        for (const args of [['import', join(dir, 'tiny.tar'), image], ['push', image], ['rmi', image]]) {
          const r = docker(args);
          if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
        }
        const r = await runCli(['check', '--json', '--yes', '--pull-image', image, '--skip', 'helm.command,notary.command,az.version'], { env: cleanEnv });
        const doc = JSON.parse(r.stdout);
        expectContractReport(doc);
        const pull = doc.checks.find((c: { id: string }) => c.id === 'docker.pull');
        expect(pull).toMatchObject({ status: 'pass', code: null, details: { command: ['docker', 'pull', image], exitCode: 0 } });
        expect(r.code).toBe(0);
      } finally {
        docker(['rmi', '--force', image]);
        await registry.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
