import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import chalk from 'chalk';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transcriptAvailable } from '../../src/transcript/export.js';
import type { EngineEvent } from '../../src/engine/types.js';
import { WizardController } from '../../src/ui/controller.js';
import { ChainScreen } from '../../src/ui/screens/ChainScreen.js';
import { CALM_FRAME_MS, FRAME_MS, frameInterval, frameTimerActive } from '../../src/ui/frame.js';
import { setLang } from '../../src/knowledge/i18n.js';
import { fakeCheck, hangingCheck, KEY, renderWizard, renderWithController, testSession, TARGET, type Rendered } from './helpers.js';

let r: Rendered | null = null;
afterEach(async () => {
  await r?.unmount();
  r = null;
  setLang('en');
});

const env = (id: string, status: 'pass' | 'fail' | 'warn' = 'pass') =>
  fakeCheck(id, 'environment', { status, summary: `${id} ${status}`, code: status === 'pass' ? null : 'FAKE_ERROR' });

describe('start screen', () => {
  it('validates the registry as it is typed and starts the chain for a valid one', async () => {
    const session = testSession({}, null);
    let target: unknown = 'unset';
    r = await renderWizard({
      session,
      checks: [env('docker.command')],
    });
    const start = r.controller.start.bind(r.controller);
    r.controller.start = (t) => {
      target = t;
      start(t);
    };
    await r.waitFor((f) => f.includes('Which registry should I check?'), 'start screen');
    expect(r.frame()).toContain('this machine only');
    await r.press('m', 'y', 'r');
    await r.waitFor((f) => f.includes('> myr') && /not a valid registry name|registry name/i.test(f), 'error while too short');
    await r.press('e', 'g');
    await r.waitFor((f) => f.includes('Enter checks myreg.azurecr.io'), 'valid name');
    await r.press(KEY.backspace);
    await r.waitFor((f) => f.includes('> myre') && !f.includes('Enter checks'), 'backspace erases');
    await r.press('g', KEY.enter);
    await r.waitFor((f) => f.includes('Environment') && f.includes('✓ Check docker.command'), 'chain');
    expect(target).toMatchObject({ loginServer: 'myreg.azurecr.io' });
    expect(r.frame()).toContain('acr-doctor');
    expect(r.frame()).toContain('myreg.azurecr.io');
  });

  it('Enter with nothing typed runs the environment checks only; q is text there, Esc quits', async () => {
    r = await renderWizard({ session: testSession({}, null), checks: [env('docker.command')] });
    await r.waitFor((f) => f.includes('Press Enter with nothing typed'), 'start hint');
    await r.press('q');
    await r.waitFor((f) => f.includes('> q'), 'q typed');
    expect(r.quit).toBeNull();
    await r.press(KEY.backspace, KEY.enter);
    await r.waitFor((f) => f.includes('✓ Check docker.command'), 'environment chain');
    expect(r.controller.getSnapshot().target).toBeNull();
    expect(r.frame()).not.toContain('→ DNS');
  });

  it('Esc quits from the start screen', async () => {
    r = await renderWizard({ session: testSession({}, null), checks: [] });
    await r.press(KEY.escape);
    await r.waitFor(() => r!.quit !== null, 'quit');
    expect(r.quit).toEqual({ interrupted: false });
  });
});

describe('help, quit and keys', () => {
  it('? opens help listing every key and Esc returns', async () => {
    r = await renderWizard({ checks: [env('docker.command')] });
    await r.waitFor((f) => f.includes('1 passed'), 'done');
    await r.press('?');
    const f = await r.waitFor((x) => x.includes('Keys'), 'help');
    for (const k of ['↑ ↓  k j', 'Enter  →', 'Esc  ←', '1–9', 'y  n', 'r', 'R', 'e', 'q  Ctrl-C']) expect(f).toContain(k);
    await r.press(KEY.escape);
    await r.waitFor((x) => x.includes('✓ Check docker.command') && !x.includes('Keys'), 'back to chain');
  });

  it('q quits (not interrupted); Ctrl-C mid-chain quits as interrupted', async () => {
    r = await renderWizard({ checks: [env('docker.command')] });
    await r.waitFor((f) => f.includes('1 passed'), 'done');
    await r.press('q');
    expect(r.quit).toEqual({ interrupted: false });
    await r.unmount();
    r = await renderWizard({ checks: [hangingCheck('docker.command', 'environment')] });
    await r.waitFor((f) => f.includes('1 running'), 'running');
    await r.press(KEY.ctrlC);
    expect(r.quit).toEqual({ interrupted: true });
  });

  it('footer shows counts and only the keys that apply', async () => {
    r = await renderWizard({ checks: [env('docker.command'), env('helm.command', 'warn'), env('notary.command', 'fail')] });
    const f = await r.waitFor((x) => x.includes('1 failed'), 'done');
    expect(f).toContain('1 passed  1 warning  1 failed  0 not run');
    expect(f).toContain('↑↓ move · Enter details · r/R re-run · e export · ? help · q quit');
    await r.press(KEY.enter);
    const d = await r.waitFor((x) => x.includes('What it means'), 'detail');
    expect(d).toContain('Esc back');
    expect(d).not.toContain('e export');
    // Nothing to pick or run on a check without fixes: the footer does not offer it.
    expect(d).not.toContain('Enter run');
    expect(d).not.toContain('1–9 choose');
  });

  it('e writes the transcript pair into the working directory and shows the paths (or says it is not available)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acr-ui-export-'));
    try {
      r = await renderWizard({ checks: [env('docker.command')], controller: { cwd: dir } });
      await r.waitFor((f) => f.includes('1 passed'), 'done');
      await r.press('e');
      if (!transcriptAvailable) {
        await r.waitFor((f) => f.includes('Exporting the transcript is not available'), 'export message');
        return;
      }
      const f = await r.waitFor((x) => x.includes('Saved:'), 'export message');
      const files = readdirSync(dir).sort();
      expect(files).toHaveLength(2);
      expect(files[0]).toMatch(/^acr-doctor-myreg-\d{8}-\d{6}\.json$/);
      expect(files[1]).toMatch(/\.md$/);
      expect(f.replace(/\s+/g, '')).toContain(join(dir, files[0]!).replace(/\s+/g, ''));
      expect(r.controller.getEvents().some((e) => e.type === 'export-written')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('re-runs', () => {
  it('r re-runs the selected check and its dependents only; R re-runs everything', async () => {
    const count: Record<string, number> = { a: 0, b: 0, c: 0 };
    const counted = (id: string, deps: string[] = []) =>
      fakeCheck(id, 'registry', async () => {
        count[id.slice(-1)]! += 1;
        return { status: 'pass', summary: 'ok' };
      }, deps);
    r = await renderWizard({ checks: [counted('x.a'), counted('x.b', ['x.a']), counted('x.c')] });
    await r.waitFor((f) => f.includes('3 passed'), 'done');
    await r.press('r');
    await r.waitFor(() => count.b === 2, 'b re-ran');
    expect(count).toEqual({ a: 2, b: 2, c: 1 });
    await r.waitFor((f) => f.includes('3 passed'), 'done again');
    await r.press('R');
    await r.waitFor(() => count.c === 2 && count.a === 3, 'everything re-ran');
  });

  it('refuses a re-run while checks still run', async () => {
    r = await renderWizard({ checks: [hangingCheck('docker.command', 'environment')] });
    await r.waitFor((f) => f.includes('1 running'), 'running');
    await r.press('R');
    await r.waitFor((f) => f.includes('Wait until what is running has finished.'), 'busy');
  });
});

describe('consent inside the chain', () => {
  const pulling = () =>
    fakeCheck('docker.pull', 'environment', async (ctx) => {
      const ok = await ctx.confirm('Pull hello-world with docker?');
      return ok ? { status: 'pass', summary: 'pulled' } : { status: 'skip', summary: 'not allowed' };
    });

  it('asks y/n and records the answer', async () => {
    r = await renderWizard({ checks: [pulling()] });
    const asking = await r.waitFor((f) => f.includes('? Pull hello-world with docker? [y/n]'), 'prompt');
    // The row says it waits for the person, not for the network.
    expect(asking).toMatch(/\? Check docker.pull\s+waiting for your answer below \(y\/n\)/);
    await r.press('y');
    await r.waitFor((f) => f.includes('1 passed'), 'pull passes');
    const types = r.controller.getEvents().map((e) => e.type);
    expect(types).toContain('prompt');
    expect(r.controller.getEvents().find((e) => e.type === 'answer')).toMatchObject({ answer: true });
  });

  it('n declines', async () => {
    r = await renderWizard({ checks: [pulling()] });
    await r.waitFor((f) => f.includes('[y/n]'), 'prompt');
    await r.press('n');
    await r.waitFor((f) => f.includes('1 not run'), 'skipped');
  });

  it('--yes does not ask', async () => {
    r = await renderWizard({ session: testSession({ yes: true }, TARGET), checks: [pulling()] });
    await r.waitFor((f) => f.includes('1 passed'), 'passes without asking');
    expect(r.controller.getEvents().some((e) => e.type === 'prompt')).toBe(false);
  });
});

describe('layout, colour and idle', () => {
  const long = fakeCheck('registry.challenge', 'registry', {
    status: 'fail',
    code: 'CONNECTIVITY_FORBIDDEN_ERROR',
    summary: 'A rather long summary that explains a lot of things about the registry firewall and more',
    details: { clientIp: '203.0.113.7' },
    remediations: [{ id: 'x', title: 'Allow this client IP address through the registry firewall', command: ['az', 'acr', 'network-rule', 'add', '--name', 'myreg', '--ip-address', '203.0.113.7'], changes: true }],
  }, [], 'Registry answers with an authentication challenge (long title)');

  it('fits 60 columns and follows a resize', async () => {
    r = await renderWizard({ checks: [long], columns: 60 });
    const f = await r.waitFor((x) => x.includes('1 failed'), 'done');
    for (const line of f.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    await r.press(KEY.enter);
    const d = await r.waitFor((x) => x.includes('What I saw'), 'detail');
    for (const line of d.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(d.replace(/\s+/g, ' ')).toContain('network-rule add --name myreg --ip-address 203.0.113.7');
    r.resize(40);
    await r.press(KEY.left);
    const narrow = await r.waitFor((x) => x.includes('Registry') && !x.includes('What I saw'), 'chain after resize');
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('uses colour only when it is on', async () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      r = await renderWizard({ checks: [long], color: true });
      await r.waitFor((x) => x.includes('1 failed'), 'done');
      expect(r.stdout.lastFrame()).toContain('\x1b[31m');
      await r.unmount();
      r = await renderWizard({ checks: [long], color: false });
      await r.waitFor((x) => x.includes('1 failed'), 'done');
      expect(r.stdout.lastFrame()).not.toMatch(/\x1b\[3[0-9]m/);
    } finally {
      chalk.level = level;
    }
  });

  it('the spinner timer runs only while something runs', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((res) => (release = res));
    r = await renderWizard({
      checks: [fakeCheck('docker.command', 'environment', async () => (await gate, { status: 'pass', summary: 'ok' }))],
    });
    await r.waitFor((x) => x.includes('1 running'), 'running');
    expect(frameTimerActive()).toBe(true);
    const before = r.stdout.frames.length;
    await new Promise((res) => setTimeout(res, 350));
    expect(r.stdout.frames.length).toBeGreaterThan(before);
    release();
    await r.waitFor((x) => x.includes('1 passed'), 'done');
    await new Promise((res) => setTimeout(res, 50));
    expect(frameTimerActive()).toBe(false);
    const idle = r.stdout.frames.length;
    await new Promise((res) => setTimeout(res, 400));
    expect(r.stdout.frames.length).toBe(idle);
  });

  it('spinners slow down once every running check has been waiting a while', async () => {
    r = await renderWizard({ checks: [hangingCheck('docker.command', 'environment')] });
    await r.waitFor((x) => x.includes('1 running'), 'running');
    expect(frameInterval()).toBe(FRAME_MS);
    await r.waitFor(() => frameInterval() === CALM_FRAME_MS, 'calm frame rate', 5000);
    const before = r.stdout.frames.length;
    await new Promise((res) => setTimeout(res, 1100));
    expect(r.stdout.frames.length - before).toBeLessThanOrEqual(3);
  }, 10_000);

  it('a check running for over 5 s says what it waits for', () => {
    const started = new Date(Date.now() - 7000).toISOString();
    const { lastFrame, unmount } = render(
      createElement(ChainScreen, {
        rows: [
          { id: 'registry.dns', group: 'registry', title: 'Name resolves', dependsOn: [], state: { phase: 'running', startedAt: started, progress: null } },
          { id: 'registry.tls', group: 'registry', title: 'TLS handshake', dependsOn: [], state: { phase: 'running', startedAt: started, progress: 'the server hello' } },
        ],
        selectedId: null,
        frame: 0,
        width: 90,
        height: 40,
      }),
    );
    expect(lastFrame()).toMatch(/Name resolves\s+7 s, waiting for Name resolves/);
    expect(lastFrame()).toMatch(/TLS handshake\s+7 s, waiting for the server hello/);
    unmount();
  });

  it('a chain taller than the terminal scrolls with the selection instead of overflowing', async () => {
    const many = Array.from({ length: 14 }, (_, i) => env(`env.c${String(i).padStart(2, '0')}`, i === 12 ? 'fail' : 'pass'));
    r = await renderWizard({ checks: many, rows: 16 });
    const f = await r.waitFor((x) => x.includes('1 failed') && /› ✗ Check env.c12/.test(x), 'failure selected');
    expect(f.split('\n').length).toBeLessThanOrEqual(16);
    expect(f).toMatch(/↑ \d+ more lines?/);
    expect(f).not.toContain('Check env.c00');
    await r.press(...Array.from({ length: 13 }, () => KEY.up));
    const top = await r.waitFor((x) => /› ✓ Check env.c00/.test(x), 'top of the list');
    expect(top).toMatch(/↓ \d+ more lines?/);
    expect(top).not.toContain('Check env.c13');
    expect(top.split('\n').length).toBeLessThanOrEqual(16);
  });

  it('on a short terminal the detail puts the fixes first and never overflows', async () => {
    r = await renderWizard({ checks: [long], rows: 20, columns: 80 });
    await r.waitFor((x) => x.includes('1 failed'), 'done');
    await r.press(KEY.enter);
    const d = await r.waitFor((x) => x.includes('What you can do'), 'detail');
    expect(d.split('\n').length).toBeLessThanOrEqual(20);
    expect(d).toContain('network-rule add');
    expect(d.indexOf('What you can do')).toBeLessThan(d.indexOf('What I saw') === -1 ? Infinity : d.indexOf('What I saw'));
    // What was cut is not silently gone: the last line says there is more.
    const cut = await r.waitFor((x) => x.includes('more below'), 'cut marker');
    expect(cut.split('\n').length).toBeLessThanOrEqual(20);
  });

  it('a detail that fits has no "more" marker', async () => {
    r = await renderWizard({ checks: [env('docker.command', 'fail')], rows: 30, columns: 80 });
    await r.waitFor((x) => x.includes('1 failed'), 'done');
    await r.press(KEY.enter);
    await r.waitFor((x) => x.includes('What it means'), 'detail');
    await new Promise((res) => setTimeout(res, 100));
    expect(r.frame()).not.toContain('more below');
  });

  it('speaks Swedish with --lang sv', async () => {
    setLang('sv');
    r = await renderWizard({ checks: [env('docker.command', 'fail')] });
    // Counts agree with their number: "1 misslyckad", never "1 misslyckade".
    const f = await r.waitFor((x) => /\b1 misslyckad\b/.test(x), 'swedish footer');
    expect(f).toContain('0 varningar');
    expect(f).toContain('Miljö');
    expect(f).toContain('q avsluta');
  });
});

describe('replay', () => {
  it('shows a recorded session read-only', async () => {
    const at = new Date().toISOString();
    const events: EngineEvent[] = [
      { type: 'session-info', at, info: { toolVersion: '9.9.9', platform: 'linux', arch: 'x64', nodeVersion: 'v20', proxy: null, target: TARGET, mode: 'wizard' } },
      { type: 'run-started', at, checks: [{ id: 'registry.tls', group: 'registry', title: 'TLS', dependsOn: [] }, { id: 'registry.challenge', group: 'registry', title: 'Challenge', dependsOn: [] }, { id: 'auth.credential', group: 'auth', title: 'Credential', dependsOn: [] }] },
      { type: 'check-finished', at, result: { id: 'auth.credential', group: 'auth', title: 'Credential', status: 'pass', code: null, summary: 'ok', blockedBy: null, durationMs: 3, details: { identity: { kind: 'user', name: 'dana.with-a-long-name@contoso.example' } }, remediations: [] } },
      { type: 'check-finished', at, result: { id: 'registry.tls', group: 'registry', title: 'TLS', status: 'pass', code: null, summary: 'ok', blockedBy: null, durationMs: 3, details: {}, remediations: [] } },
      { type: 'check-started', at, id: 'registry.challenge' },
      {
        type: 'check-finished',
        at,
        result: {
          id: 'registry.challenge', group: 'registry', title: 'Challenge', status: 'fail', code: 'CONNECTIVITY_FORBIDDEN_ERROR', summary: 'blocked', blockedBy: null, durationMs: 12,
          details: { clientIp: '203.0.113.7' },
          remediations: [{ id: 'fix', title: 'Allow IP', command: ['az', 'acr', 'network-rule', 'add'], changes: true }],
        },
      },
      { type: 'run-finished', at, durationMs: 20, interrupted: false },
      { type: 'remediation-started', at, runId: 'r1', checkId: 'registry.challenge', remediationId: 'fix', title: 'Allow IP', argv: ['az', 'acr', 'network-rule', 'add'] },
      { type: 'remediation-finished', at, runId: 'r1', exitCode: 2, durationMs: 40, cancelled: false },
    ];
    const controller = new WizardController({ events, mode: 'replay' });
    r = await renderWithController(controller, { screen: 'chain', start: false, columns: 60 });
    const f = await r.waitFor((x) => x.includes('✗ Challenge'), 'replayed chain');
    // Even on a narrow terminal the header says this is a replay.
    expect(f.split('\n')[0]).toContain('replay (read-only)');
    expect(f).toContain('› ✗ Challenge');
    expect(f).toContain('acr-doctor 9.9.9');
    expect(f).toContain('replay (read-only)');
    expect(f).not.toContain('r/R re-run');
    await r.press('R');
    await r.waitFor((x) => x.includes('nothing can be run or re-run'), 'read-only');
    await r.press(KEY.enter);
    const d = await r.waitFor((x) => x.includes('clientIp: 203.0.113.7'), 'detail');
    // What was already tried is part of the story a replay tells.
    expect(d).toContain('Fixes run for this check');
    expect(d).toMatch(/exit 2, 40 ms\s+\$ az acr network-rule add/);
    await r.press('1');
    await r.waitFor((x) => x.includes('nothing can be run or re-run'), 'no run');
    expect(r.frame()).not.toContain('Run it?');
  });
});
