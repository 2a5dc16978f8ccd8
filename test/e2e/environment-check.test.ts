import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, dockerDaemonUp, hasCommand, requireTool, runCli } from '../support/tools.js';
import { expectContractReport } from '../support/report-shape.js';

const ENV_IDS = [
  'docker.command',
  'docker.daemon',
  'docker.version',
  'docker.pull',
  'helm.command',
  'helm.version',
  'notary.command',
  'notary.version',
  'az.version',
];

// An empty Azure CLI config (az fills it in): no default registry, so only the environment checks run.
const azConfig = mkdtempSync(join(tmpdir(), 'acr-doctor-azcfg-'));
const cleanEnv = { AZURE_CONFIG_DIR: azConfig, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, DOCKER_COMMAND: undefined };

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
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
});
