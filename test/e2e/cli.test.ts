import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../support/tools.js';
import { expectContractReport } from '../support/report-shape.js';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
});

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+\(.*\)/);

describe('the acr-doctor command', () => {
  it('prints its version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('refuses a Node.js older than 20.18.1 with a clear message and exit 2', () => {
    const script = `Object.defineProperty(process.versions, 'node', { value: '20.10.0' }); await import(${JSON.stringify(join(ROOT, 'bin', 'acr-doctor.js'))});`;
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', script, '--', '--version'], { stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toContain('needs Node.js 20.18.1 or newer');
  });

  it('explains every contract option in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const opt of [
      '--name', '--cloud', '--auth', '--username', '--password-stdin', '--repository', '--push', '--pull-image', '--ca-file',
      '--connect-to', '--yes', '--fail-fast', '--ignore-errors', '--skip', '--timeout', '--export', '--json', '--verbose',
      '--lang', '--no-color', '--help', '--version',
    ]) {
      expect(r.stdout).toContain(opt);
    }
    for (const cmd of ['check', 'explain', 'replay', 'demo']) expect(r.stdout).toContain(`acr-doctor ${cmd}`);
  });

  it('shows help in Swedish with --lang sv', async () => {
    const r = await runCli(['--help', '--lang', 'sv']);
    expect(r.stdout).toContain('Användning:');
  });

  it.each([
    [['check', 'my reg']],
    [['check', 'myreg', '--timeout', 'soon']],
    [['check', '--password', 'hunter2']],
    [['check', '--frobnicate']],
    [['check', 'myreg;rm -rf ~']],
    [['check', 'myrégistry']],
    [['check', '--export', 'report.pdf']],
    [['check', 'myreg', '--connect-to', 'nonsense']],
  ])('refuses %j with exit 2, one sentence and no stack trace', async (argv) => {
    const r = await runCli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^acr-doctor: .+\n/);
    expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    noStack(r.stderr);
    expect(r.stderr).not.toContain('hunter2');
  });

  it('refuses to overwrite an existing --export file before running anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-cli-'));
    const file = join(dir, 'out.json');
    writeFileSync(file, 'keep me');
    const r = await runCli(['check', '--skip', 'environment', '--export', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('prints a contract-shaped JSON report and nothing else on stdout', async () => {
    const r = await runCli(['check', '--json', '--skip', 'docker.pull'], { timeoutMs: 120_000 });
    expect([0, 1]).toContain(r.code);
    const doc = JSON.parse(r.stdout);
    expectContractReport(doc);
    expect(doc.target).toBeNull();
    // Without a registry only the environment group runs.
    expect(new Set(doc.checks.map((c: { group: string }) => c.group))).toEqual(new Set(['environment']));
  });

  it('behaves as check when there is no terminal', async () => {
    const r = await runCli(['--json', '--skip', 'environment']);
    expect(r.code).toBe(0);
    expectContractReport(JSON.parse(r.stdout));
  });

  it('prints a plain report with a closing count line', async () => {
    const r = await runCli(['check', '--skip', 'docker.pull'], { timeoutMs: 120_000 });
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/\d+ passed, \d+ warnings?, \d+ failed, \d+ skipped\n$/);
  });
});

describe('the Azure CLI defaults', () => {
  it('checks the default registry from az configure when none is given, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-azcfg-'));
    writeFileSync(join(dir, 'config'), '[defaults]\nacr = myreg01\n');
    // 127.0.0.1:9 refuses at once: no public host is contacted.
    const r = await runCli(['check', '--json', '--skip', 'environment,auth', '--connect-to', 'myreg01.azurecr.io:443:127.0.0.1:9', '--timeout', '5'], {
      env: { AZURE_CONFIG_DIR: dir },
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.target).toMatchObject({ input: 'myreg01', registryName: 'myreg01', loginServer: 'myreg01.azurecr.io' });
  });

  it('names the az configuration when its default registry is unusable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-azcfg-'));
    writeFileSync(join(dir, 'config'), '[defaults]\nacr = bad name!\n');
    const r = await runCli(['check'], { env: { AZURE_CONFIG_DIR: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('az configure --defaults acr=');
  });
});

describe('output into a pipe that closes early', () => {
  it('ends quietly when the reader stops (demo --list | head -1)', () => {
    const out = execFileSync('sh', ['-c', `"${process.execPath}" bin/acr-doctor.js demo --list | head -1; echo "status=$?"`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toContain('status=0');
    expect(out).not.toMatch(/EPIPE|Error/);
  });
});
