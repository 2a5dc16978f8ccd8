import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { StandIns, runEnvironment } from './stand-ins.js';

let bin: StandIns;
afterEach(() => bin?.cleanup());

// Only the client under test exists; docker checks are skipped to keep the runs small.
const only = (id: string) => ({ skip: ['docker.command', 'helm.command', 'notary.command', 'az.version'].filter((x) => x !== id) });

describe('helm.command and helm.version', () => {
  it('Helm 3.14 passes both', async () => {
    bin = new StandIns().add('helm', [['version --short', { stdout: 'v3.14.4+g81c902a' }]]);
    const r = await runEnvironment({ PATH: bin.dir }, { options: only('helm.command') });
    expect(r.byId('helm.command')).toMatchObject({ status: 'pass', details: { version: '3.14.4+g81c902a', command: ['helm', 'version', '--short'] } });
    expect(r.byId('helm.version')).toMatchObject({ status: 'pass', details: { version: '3.14.4+g81c902a', minimum: '3.8.0' } });
  });

  it('Helm 3.7 works but needs the experimental OCI flag: a warning with an upgrade', async () => {
    bin = new StandIns().add('helm', [['version --short', { stdout: 'v3.7.2+g663a896' }]]);
    const r = await runEnvironment({ PATH: bin.dir }, { options: only('helm.command'), platform: 'darwin' });
    const v = r.byId('helm.version');
    expect(v).toMatchObject({ status: 'warn', code: 'HELM_VERSION_ERROR' });
    expect(v.summary).toContain('HELM_EXPERIMENTAL_OCI');
    expect(v.remediations[0]!.command).toEqual(['brew', 'upgrade', 'helm']);
  });

  it('Helm 2 without Tiller still runs; its version is a warning', async () => {
    bin = new StandIns().add('helm', [['version --short', { stdout: 'Client: v2.16.1+gbbdfe5e', stderr: 'Error: could not find tiller', exit: 1 }]]);
    const r = await runEnvironment({ PATH: bin.dir }, { options: only('helm.command') });
    expect(r.byId('helm.command').status).toBe('pass');
    expect(r.byId('helm.version')).toMatchObject({ status: 'warn', code: 'HELM_VERSION_ERROR', summary: expect.stringContaining('Helm 2') });
  });

  it('missing helm is a warning that blocks helm.version; install advice fits the platform', async () => {
    bin = new StandIns();
    const linux = await runEnvironment({ PATH: bin.dir }, { options: only('helm.command') });
    expect(linux.byId('helm.command')).toMatchObject({ status: 'warn', code: 'HELM_COMMAND_ERROR' });
    expect(linux.byId('helm.command').remediations[0]).toMatchObject({ command: null, docs: 'https://helm.sh/docs/intro/install/' });
    expect(linux.byId('helm.version')).toMatchObject({ status: 'skip', blockedBy: 'helm.command' });
    const win = await runEnvironment({ PATH: bin.dir }, { options: only('helm.command'), platform: 'win32' });
    expect(win.byId('helm.command').remediations[0]!.command).toEqual(['winget', 'install', '--exact', '--id', 'Helm.Helm']);
  });

  it('an unreadable version is HELM_VERSION_ERROR, never a crash', async () => {
    bin = new StandIns().add('helm', [['version --short', { stdout: '<no value>' }]]);
    const r = await runEnvironment({ PATH: bin.dir }, { options: only('helm.command') });
    expect(r.byId('helm.command').status).toBe('pass');
    expect(r.byId('helm.version')).toMatchObject({ status: 'warn', code: 'HELM_VERSION_ERROR', details: { version: null } });
  });
});

describe('notary.command and notary.version', () => {
  it('Debian’s notary with an empty Version line: runs, version reported cleanly as unknown', async () => {
    bin = new StandIns().add('notary', [['version', { stdout: 'notary\n Version:    \n Git commit: \n Go version: go1.19.8' }]]);
    const r = await runEnvironment({ PATH: bin.dir }, { options: only('notary.command') });
    expect(r.byId('notary.command')).toMatchObject({ status: 'pass', details: { version: null } });
    const v = r.byId('notary.version');
    expect(v).toMatchObject({ status: 'warn', code: 'NOTARY_VERSION_ERROR' });
    expect(v.summary).toMatch(/unknown/);
    expect(v.summary).not.toMatch(/Git commit|Go version|\n/);
    expect(v.remediations.length).toBeGreaterThan(0);
  });

  it('a release build reports its version', async () => {
    bin = new StandIns().add('notary', [['version', { stdout: 'notary\n Version:    0.6.1\n Git commit: d6e1431f' }]]);
    const r = await runEnvironment({ PATH: bin.dir }, { options: only('notary.command') });
    expect(r.byId('notary.version')).toMatchObject({ status: 'pass', summary: expect.stringContaining('0.6.1') });
  });

  it('missing notary is a warning that says it is legacy', async () => {
    bin = new StandIns();
    const r = await runEnvironment({ PATH: bin.dir }, { options: only('notary.command') });
    expect(r.byId('notary.command')).toMatchObject({ status: 'warn', code: 'NOTARY_COMMAND_ERROR', summary: expect.stringMatching(/legacy/) });
    expect(r.byId('notary.version')).toMatchObject({ status: 'skip', blockedBy: 'notary.command' });
  });
});

describe('az.version', () => {
  it('reads the Azure CLI version and extensions', async () => {
    bin = new StandIns().add('az', [
      ['version --output json', { stdout: '{\n  "azure-cli": "2.61.0",\n  "azure-cli-core": "2.61.0",\n  "azure-cli-telemetry": "1.1.0",\n  "extensions": {}\n}' }],
    ]);
    const r = await runEnvironment({ PATH: bin.dir }, { options: only('az.version') });
    expect(r.byId('az.version')).toMatchObject({
      status: 'pass',
      summary: expect.stringContaining('2.61.0'),
      details: { azureCli: '2.61.0', command: ['az', 'version', '--output', 'json'], exitCode: 0 },
    });
  });

  it('missing az is a warning with per-platform install advice', async () => {
    bin = new StandIns();
    const linux = (await runEnvironment({ PATH: bin.dir }, { options: only('az.version') })).byId('az.version');
    expect(linux).toMatchObject({ status: 'warn', code: 'AZ_CLI_ERROR' });
    expect(linux.remediations[0]).toMatchObject({ command: null, docs: expect.stringContaining('install-azure-cli') });
    const mac = (await runEnvironment({ PATH: bin.dir }, { options: only('az.version'), platform: 'darwin' })).byId('az.version');
    expect(mac.remediations[0]!.command).toEqual(['brew', 'install', 'azure-cli']);
  });

  it('a broken az install is a failure with the first stderr lines as evidence', async () => {
    bin = new StandIns().add('az', [
      ['*', { stderr: "Traceback (most recent call last):\n  File \"/usr/lib/python3/dist-packages/azure/cli/__main__.py\", line 13\nModuleNotFoundError: No module named 'azure.cli.core'", exit: 1 }],
    ]);
    const r = (await runEnvironment({ PATH: bin.dir }, { options: only('az.version') })).byId('az.version');
    expect(r).toMatchObject({ status: 'fail', code: 'AZ_CLI_ERROR', details: { exitCode: 1 } });
    expect(r.details.stderr).toHaveLength(3);
    expect(r.remediations.length).toBeGreaterThan(0);
  });

  it('an az on PATH that may not be executed is a failure (installed but broken), not “missing”', async () => {
    bin = new StandIns();
    writeFileSync(`${bin.dir}/az`, '#!/bin/sh\necho never\n', { mode: 0o644 });
    const r = (await runEnvironment({ PATH: bin.dir }, { options: only('az.version') })).byId('az.version');
    expect(r).toMatchObject({ status: 'fail', code: 'AZ_CLI_ERROR' });
    expect(r.summary).toMatch(/could not be started: .*EACCES/);
    expect(r.summary).not.toContain('\n');
  });

  it('an az that crashes (killed by a signal) is a failure that says so', async () => {
    bin = new StandIns();
    writeFileSync(`${bin.dir}/az`, '#!/bin/sh\nkill -SEGV $$\n', { mode: 0o755 });
    const r = (await runEnvironment({ PATH: bin.dir }, { options: only('az.version') })).byId('az.version');
    expect(r).toMatchObject({ status: 'fail', code: 'AZ_CLI_ERROR', details: { exitCode: null } });
    expect(r.summary).toMatch(/crashed.*SIGSEGV/);
  });

  it('an az that never answers is stopped at the time limit', async () => {
    bin = new StandIns().add('az', [['*', { sleep: 30 }]]);
    const t0 = Date.now();
    const r = (await runEnvironment({ PATH: bin.dir }, { options: { ...only('az.version'), timeoutSeconds: 1 } })).byId('az.version');
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(r).toMatchObject({ status: 'fail', code: 'AZ_CLI_ERROR', details: { timedOut: true } });
  });
});
