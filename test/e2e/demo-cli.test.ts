import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, runCli } from '../support/tools.js';
import { SCENARIOS } from '../../src/simulator/scenarios/index.js';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
});

const portOf = (stderr: string): number => Number(/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]);

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(true));
  });
}

/** A private TMPDIR for the run, to see what the demo leaves behind. */
function withTmp<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'demo-e2e-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}
const leftovers = (dir: string): string[] => readdirSync(dir).filter((n) => /^acr-doctor-(sim|demo-bin)-/.test(n));

describe('acr-doctor demo', () => {
  it('--list names every scenario with its description, in the chosen language', async () => {
    const r = await runCli(['demo', '--list']);
    expect(r.code).toBe(0);
    for (const s of SCENARIOS) expect(r.stdout).toMatch(new RegExp(`^  ${s.name} +\\S`, 'm'));
    const sv = await runCli(['demo', '--list', '--lang', 'sv']);
    expect(sv.stdout).toContain('Demoscenarier');
    expect(sv.stdout).toContain('Registrets brandvägg');
  });

  it('an unknown scenario is a usage error (exit 2) listing the scenarios', async () => {
    const r = await runCli(['demo', 'bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("'bogus'");
    expect(r.stderr).toContain('firewall');
  });

  it('runs healthy without a terminal: banner on stderr, a report, simulator and temp files gone afterwards', async () => {
    await withTmp(async (dir) => {
      const t0 = Date.now();
      const r = await runCli(['demo'], { env: { TMPDIR: dir, CI: '1' }, timeoutMs: 60_000 });
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).toMatch(/scenario "healthy".*simreg\.azurecr\.io/);
      expect(r.stdout).toMatch(/\d+ passed/);
      expect(r.stdout).toContain('simreg.azurecr.io');
      // No token from the simulated sign-in reaches the output.
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
      expect(Date.now() - t0).toBeLessThan(45_000);
      expect(await refused(portOf(r.stderr))).toBe(true);
      expect(leftovers(dir)).toEqual([]);
    });
  });

  it.each([
    ['az (the stand-in)', []],
    ['env (the simulator\'s service principal)', ['--auth', 'env']],
    ['basic (the simulator\'s admin user)', ['--auth', 'basic', '-u', 'simreg']],
  ])('healthy passes every registry, auth and repository check signed in with %s', async (_how, extra) => {
    // Real credentials in the environment must not leak into the demo.
    const r = await runCli(['demo', 'healthy', '--skip', 'environment', ...extra], {
      env: { AZURE_CLIENT_ID: 'real-app', AZURE_CLIENT_SECRET: 'real-secret-value', AZURE_TENANT_ID: 'real-tenant' },
      timeoutMs: 60_000,
    });
    expect(r.stdout).toMatch(/\b0 failed/);
    expect(r.code).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toContain('real-secret-value');
  });

  it('firewall: the run fails and says so', async () => {
    const r = await runCli(['demo', 'firewall', '--skip', 'environment'], { timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scenario "firewall"');
    expect(r.stdout).toContain('CONNECTIVITY_FORBIDDEN_ERROR');
  });

  it('slow with --timeout 2 ends within seconds', async () => {
    const t0 = Date.now();
    const r = await runCli(['demo', 'slow', '--timeout', '2', '--skip', 'environment'], { timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(await refused(portOf(r.stderr))).toBe(true);
  });

  it.each([
    ['while the chain waits on the slow registry', 1500],
    ['right as it starts', 0],
  ])('Ctrl-C %s ends the demo with 130 and closes the simulator', async (_when, waitMs) => {
    await withTmp(async (dir) => {
      const child = spawn(process.execPath, [BIN, 'demo', 'slow', '--skip', 'environment'], {
        env: { ...process.env, NO_COLOR: '1', TMPDIR: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await new Promise<void>((resolve) =>
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (/127\.0\.0\.1:\d+/.test(stderr)) resolve();
        }),
      );
      // Let the chain reach the slow registry, then interrupt.
      await new Promise((r) => setTimeout(r, waitMs));
      const t0 = Date.now();
      child.kill('SIGINT');
      const code = await exited;
      expect(code).toBe(130);
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(await refused(portOf(stderr))).toBe(true);
      expect(leftovers(dir)).toEqual([]);
    });
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s ends the demo with %i and leaves no temporary files', async (signal, expected) => {
    await withTmp(async (dir) => {
      const child = spawn(process.execPath, [BIN, 'demo', 'slow', '--skip', 'environment'], {
        env: { ...process.env, NO_COLOR: '1', TMPDIR: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await new Promise<void>((resolve) =>
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (/127\.0\.0\.1:\d+/.test(stderr)) resolve();
        }),
      );
      await new Promise((r) => setTimeout(r, 500));
      child.kill(signal);
      expect(await exited).toBe(expected);
      expect(await refused(portOf(stderr))).toBe(true);
      expect(leftovers(dir)).toEqual([]);
    });
  });
});
