import { describe, expect, it, vi } from 'vitest';

// These tests drive the real launcher as a person would, on a terminal. Ink decides once, when it
// is first imported, whether it runs in CI (and then draws only the last frame), so CI runs of this
// suite must not leak CI into it.
vi.hoisted(() => {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
});
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transcriptAvailable } from '../../src/transcript/export.js';
import type { CliIO } from '../../src/cli/io.js';
import { launchWizard, launchReplay } from '../../src/ui/launch.js';
import { FakeStdin, FakeStdout, fakeCheck, hangingCheck, KEY, testSession, TARGET } from './helpers.js';

function fakeIO(): { io: CliIO; stdin: FakeStdin; stdout: FakeStdout; stderr: FakeStdout } {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(100, 40);
  const stderr = new FakeStdout(100, 40);
  const io = { stdin, stdout, stderr, env: { ...process.env }, cwd: process.cwd(), platform: process.platform } as unknown as CliIO;
  return { io, stdin, stdout, stderr };
}

const tick = (ms = 10): Promise<void> => new Promise((r) => setTimeout(r, ms));
const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

async function until(cond: () => boolean, what: string, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await tick();
  }
}

const written = (s: FakeStdout): string => stripAnsi(s.frames.join(''));

describe('launchWizard', () => {
  it('q quits with 1 when a check failed, and leaves raw mode off and the cursor shown', async () => {
    const { io, stdin, stdout } = fakeIO();
    const done = launchWizard(testSession({}, TARGET), io, { checks: [fakeCheck('x.a', 'registry', { status: 'fail', code: 'E', summary: 'bad' })] });
    await until(() => written(stdout).includes('1 failed'), 'chain done');
    expect(stdin.rawMode).toBe(true);
    stdin.write('q');
    expect(await done).toBe(1);
    expect(stdin.rawMode).toBe(false);
    expect(stdout.frames.join('')).toContain('\x1b[?25h');
  });

  it('Ctrl-C mid-chain returns 130 and stops the chain', async () => {
    const { io, stdin, stdout } = fakeIO();
    let aborted = false;
    const slow = hangingCheck('x.slow', 'registry');
    const run = slow.run;
    slow.run = (ctx) => {
      ctx.signal.addEventListener('abort', () => (aborted = true));
      return run(ctx);
    };
    const done = launchWizard(testSession({}, TARGET), io, { checks: [slow] });
    await until(() => written(stdout).includes('1 running'), 'running');
    stdin.write(KEY.ctrlC);
    expect(await done).toBe(130);
    expect(aborted).toBe(true);
    expect(stdin.rawMode).toBe(false);
  });

  it('a crash while drawing is reported, exits 1 and still restores the terminal', async () => {
    const { io, stdin, stdout, stderr } = fakeIO();
    const details = {};
    Object.defineProperty(details, 'boom', { enumerable: true, get: () => { throw new Error('kaboom'); } });
    const done = launchWizard(testSession({}, TARGET), io, { checks: [fakeCheck('x.a', 'registry', { status: 'fail', code: 'E', summary: 'bad', details })] });
    await until(() => written(stdout).includes('1 failed'), 'chain done');
    await tick(20);
    stdin.write(KEY.enter);
    expect(await done).toBe(1);
    expect(written(stderr)).toContain('kaboom');
    expect(stdin.rawMode).toBe(false);
    expect(stdout.frames.join('')).toContain('\x1b[?25h');
  });

  it('--export writes the transcript when the wizard ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acr-ui-launch-'));
    try {
      const file = join(dir, 'session.json');
      const { io, stdin, stdout, stderr } = fakeIO();
      const done = launchWizard(testSession({ export: file }, TARGET), io, { checks: [fakeCheck('x.a', 'registry', { status: 'pass', summary: 'ok' })] });
      await until(() => written(stdout).includes('1 passed'), 'chain done');
      stdin.write('q');
      expect(await done).toBe(0);
      if (transcriptAvailable) {
        const doc = JSON.parse(readFileSync(file, 'utf8')) as { events: { type: string }[] };
        expect(doc.events.some((e) => e.type === 'check-finished')).toBe(true);
        expect(written(stderr)).toContain('session.json');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for a registry when none was given', async () => {
    const { io, stdin, stdout } = fakeIO();
    const done = launchWizard(testSession({}, null), io, { checks: [] });
    await until(() => written(stdout).includes('Which registry should I check?'), 'start screen');
    stdin.write(KEY.escape);
    expect(await done).toBe(0);
  });
});

describe('launchReplay', () => {
  it('opens recorded events read-only and exits 0 on q', async () => {
    const { io, stdin, stdout } = fakeIO();
    const at = new Date().toISOString();
    const done = launchReplay(
      [
        { type: 'session-info', at, info: { toolVersion: '1.2.3', platform: 'linux', arch: 'x64', nodeVersion: 'v20', proxy: 'http://proxy.corp:3128', target: TARGET, mode: 'wizard' } },
        { type: 'run-started', at, checks: [{ id: 'registry.tls', group: 'registry', title: 'TLS', dependsOn: [] }] },
        { type: 'check-finished', at, result: { id: 'registry.tls', group: 'registry', title: 'TLS', status: 'fail', code: 'CONNECTIVITY_SSL_ERROR', summary: 'bad cert', blockedBy: null, durationMs: 5, details: {}, remediations: [] } },
        { type: 'run-finished', at, durationMs: 5, interrupted: false },
      ],
      io,
    );
    await until(() => written(stdout).includes('✗ TLS'), 'replayed');
    expect(written(stdout)).toContain('proxy.corp:3128');
    expect(written(stdout)).toContain('replay (read-only)');
    stdin.write('q');
    expect(await done).toBe(0);
  });
});
