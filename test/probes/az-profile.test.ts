import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acrShow, profileSaysSignedOut, runAz } from '../../src/probes/az.js';
import type { CheckContext, ProcessResult, RunProcess } from '../../src/engine/types.js';

// runAz reads the Azure CLI's azureProfile.json before starting az (seconds of Python start-up):
// a profile that lists no subscriptions means "not signed in" without asking az.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp dir with an `az` file on its bin/ (never run) and an empty config dir. */
function setup(): { bin: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-az-profile-'));
  dirs.push(dir);
  const bin = join(dir, 'bin');
  const config = join(dir, 'config');
  mkdirSync(bin);
  mkdirSync(config);
  writeFileSync(join(bin, 'az'), '#!/bin/sh\nexit 3\n');
  chmodSync(join(bin, 'az'), 0o755);
  return { bin, config };
}

const BOM = '\uFEFF';
const SUBSCRIBED = {
  installationId: '8c1f3a2e-7d4b-4e1a-b5c6-9f0e1d2c3b4a',
  subscriptions: [
    {
      id: '0b1f6471-1bf0-4dda-aec3-111122223333',
      name: 'sim',
      state: 'Enabled',
      isDefault: true,
      user: { name: 'dana@contoso.example', type: 'user' },
    },
  ],
};

function writeProfile(config: string, text: string): void {
  writeFileSync(join(config, 'azureProfile.json'), text);
}

/** A runProcess that records argv and answers `az acr show` with JSON. */
function recorder(): RunProcess & { calls: string[][] } {
  const calls: string[][] = [];
  const fn = async (argv: string[]): Promise<ProcessResult> => {
    calls.push(argv);
    return { argv, exitCode: 0, stdout: '{"name":"myreg"}', stderr: '', notFound: false, timedOut: false, aborted: false, durationMs: 2 };
  };
  return Object.assign(fn, { calls });
}

function ctx(env: Record<string, string | undefined>, runProcess: RunProcess, platform: NodeJS.Platform = 'linux'): Pick<CheckContext, 'probes' | 'signal' | 'timeoutMs'> {
  return {
    probes: { runProcess, env, platform, http: undefined as never },
    signal: new AbortController().signal,
    timeoutMs: 5000,
  };
}

describe('runAz and the Azure CLI profile', () => {
  it('starts az when the profile (with its BOM, as the CLI writes it) lists a subscription', async () => {
    const { bin, config } = setup();
    writeProfile(config, BOM + JSON.stringify(SUBSCRIBED));
    const run = recorder();
    const r = await runAz(ctx({ PATH: bin, AZURE_CONFIG_DIR: config }, run), ['acr', 'show', '--name', 'myreg']);
    expect(r).toMatchObject({ ok: true, value: { name: 'myreg' } });
    expect(run.calls).toHaveLength(1);
    expect(run.calls[0]!.slice(0, 5)).toEqual(['az', 'acr', 'show', '--name', 'myreg']);
  });

  it.each([
    ['an empty subscriptions list, with BOM', BOM + JSON.stringify({ installationId: 'x', subscriptions: [] })],
    ['no subscriptions key (a fresh install), with BOM', `${BOM}{"installationId": "e22055ce-e681-11f1-99de-02fc00000001"}`],
    ['an empty subscriptions list, no BOM', JSON.stringify({ subscriptions: [] })],
  ])('says not signed in without starting az for %s', async (_name, text) => {
    const { bin, config } = setup();
    writeProfile(config, text);
    const run = recorder();
    const r = await runAz(ctx({ PATH: bin, AZURE_CONFIG_DIR: config }, run), ['acr', 'show', '--name', 'myreg']);
    expect(r).toMatchObject({ ok: false, reason: 'not-signed-in' });
    expect(r.ok ? '' : r.message).toContain("Please run 'az login'");
    expect(run.calls).toEqual([]);
  });

  it('shares the short answer between checks through acrShow too', async () => {
    const { bin, config } = setup();
    writeProfile(config, `${BOM}{"subscriptions": []}`);
    const run = recorder();
    const c = ctx({ PATH: bin, AZURE_CONFIG_DIR: config }, run);
    const [a, b] = await Promise.all([acrShow(c, 'myreg'), acrShow(c, 'myreg')]);
    expect(a).toMatchObject({ ok: false, reason: 'not-signed-in' });
    expect(b).toMatchObject({ ok: false, reason: 'not-signed-in' });
    expect(run.calls).toEqual([]);
  });

  it.each([
    ['there is no profile file', null],
    ['the profile is not JSON', `${BOM}{"subscriptions": [`],
    ['the profile is an empty file', ''],
    ['the profile is JSON but not an object', '[]'],
  ])('asks az as before when %s', async (_name, text) => {
    const { bin, config } = setup();
    if (text !== null) writeProfile(config, text);
    const run = recorder();
    const r = await runAz(ctx({ PATH: bin, AZURE_CONFIG_DIR: config }, run), ['acr', 'show', '--name', 'myreg']);
    expect(r.ok).toBe(true);
    expect(run.calls).toHaveLength(1);
  });

  it('asks az as before when the profile cannot be read (a directory in its place)', async () => {
    const { bin, config } = setup();
    mkdirSync(join(config, 'azureProfile.json'));
    const run = recorder();
    const r = await runAz(ctx({ PATH: bin, AZURE_CONFIG_DIR: config }, run), ['acr', 'show']);
    expect(r.ok).toBe(true);
    expect(run.calls).toHaveLength(1);
  });

  it('says not installed without starting anything when az is not on PATH', async () => {
    const { bin, config } = setup();
    writeProfile(config, BOM + JSON.stringify(SUBSCRIBED));
    const run = recorder();
    const r = await runAz(ctx({ PATH: join(bin, 'missing'), AZURE_CONFIG_DIR: config }, run), ['acr', 'show']);
    expect(r).toMatchObject({ ok: false, reason: 'not-installed' });
    expect(run.calls).toEqual([]);
    // Not installed wins over a signed-out profile: installing comes before signing in.
    writeProfile(config, `${BOM}{"subscriptions": []}`);
    const again = await runAz(ctx({ PATH: join(bin, 'missing'), AZURE_CONFIG_DIR: config }, run), ['acr', 'show']);
    expect(again).toMatchObject({ ok: false, reason: 'not-installed' });
    expect(run.calls).toEqual([]);
  });

  it('finds az on this machine even when the checks word their advice for another OS', async () => {
    const { bin, config } = setup();
    writeProfile(config, BOM + JSON.stringify(SUBSCRIBED));
    const run = recorder();
    const r = await runAz(ctx({ PATH: bin, AZURE_CONFIG_DIR: config }, run, process.platform === 'win32' ? 'linux' : 'win32'), ['acr', 'show']);
    expect(r.ok).toBe(true);
    expect(run.calls).toHaveLength(1);
  });
});

describe('profileSaysSignedOut', () => {
  it('is true only for a readable profile without subscriptions', () => {
    const { config } = setup();
    expect(profileSaysSignedOut({ AZURE_CONFIG_DIR: config })).toBe(false);
    writeProfile(config, `${BOM}{"subscriptions": null}`);
    expect(profileSaysSignedOut({ AZURE_CONFIG_DIR: config })).toBe(true);
    writeProfile(config, BOM + JSON.stringify(SUBSCRIBED));
    expect(profileSaysSignedOut({ AZURE_CONFIG_DIR: config })).toBe(false);
    writeProfile(config, `${BOM}{"subscriptions": "odd"}`);
    expect(profileSaysSignedOut({ AZURE_CONFIG_DIR: config })).toBe(false);
  });
});
