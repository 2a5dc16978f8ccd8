import { describe, expect, it } from 'vitest';
import { WizardController, type TerminalHandOver } from '../../src/ui/controller.js';
import { buildRoad, proxyFromEnv } from '../../src/ui/road.js';
import type { CheckRow } from '../../src/engine/store.js';
import { fakeCheck, testSession, TARGET } from './helpers.js';

const waitUntil = async (cond: () => boolean, ms = 4000): Promise<void> => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('controller', () => {
  it('hands the terminal over for interactive commands and re-checks afterwards', async () => {
    const handed: string[][] = [];
    const terminal: TerminalHandOver = {
      handOver: async (argv, fn) => {
        handed.push(argv);
        return fn();
      },
    };
    let signedIn = false;
    const login = [process.execPath, '-e', 'process.exit(0)'];
    const c = new WizardController({
      session: testSession({}, TARGET),
      terminal,
      checks: [
        fakeCheck('auth.credential', 'auth', async () =>
          signedIn
            ? { status: 'pass', summary: 'signed in' }
            : { status: 'fail', code: 'AAD_TOKEN_ERROR', summary: 'not signed in', remediations: [{ id: 'login', title: 'Sign in', command: login, changes: true, interactive: true }] },
        ),
      ],
    });
    c.start();
    await waitUntil(() => c.getSnapshot().runSeq === 1);
    signedIn = true;
    const started = c.runRemediation('auth.credential', 0);
    expect('runId' in started).toBe(true);
    const runId = (started as { runId: string }).runId;
    await waitUntil(() => c.getSnapshot().fixes[runId]?.phase === 'fixed');
    expect(handed).toEqual([login]);
    expect(c.getSnapshot().fixes[runId]?.interactive).toBe(true);
    // Nothing of an interactive command's output is captured.
    expect(c.getEvents().some((e) => e.type === 'remediation-output')).toBe(false);
    expect(c.exitCode(false)).toBe(0);
    await c.shutdown();
  });

  it('refuses to run while busy, manual steps, and anything in a replay', async () => {
    const c = new WizardController({
      session: testSession({}, TARGET),
      checks: [fakeCheck('x.a', 'registry', { status: 'fail', code: 'E', summary: 's', remediations: [{ id: 'm', title: 'by hand', command: null, changes: false }] })],
    });
    expect(c.rerun(null)).toBe('busy'); // not started
    c.start();
    await waitUntil(() => c.getSnapshot().runSeq === 1);
    expect(c.canRun('x.a', 0)).toBe('manual');
    expect(c.canRun('x.a', 5)).toBe('unknown');
    expect(c.exitCode(false)).toBe(1);
    expect(c.exitCode(true)).toBe(130);
    const replay = new WizardController({ events: c.getEvents() });
    expect(replay.getSnapshot().readOnly).toBe(true);
    expect(replay.rerun(null)).toBe('read-only');
    expect(replay.runRemediation('x.a', 0)).toEqual({ refused: 'read-only' });
    expect(replay.exitCode(false)).toBe(0);
    await c.shutdown();
  });

  it('bounds the output it records', async () => {
    const c = new WizardController({
      session: testSession({}, TARGET),
      checks: [
        fakeCheck('x.a', 'registry', {
          status: 'fail',
          code: 'E',
          summary: 's',
          remediations: [{ id: 'loud', title: 'loud', command: [process.execPath, '-e', 'process.stdout.write("y".repeat(300000))'], changes: false }],
        }),
      ],
    });
    c.start();
    await waitUntil(() => c.getSnapshot().runSeq === 1);
    const started = c.runRemediation('x.a', 0) as { runId: string };
    await waitUntil(() => c.getSnapshot().fixes[started.runId]?.phase === 'not-fixed');
    const recorded = c
      .getEvents()
      .flatMap((e) => (e.type === 'remediation-output' ? [e.text] : []))
      .join('');
    expect(recorded.length).toBeLessThan(70 * 1024);
    expect(recorded).toContain('[more output not shown]');
    await c.shutdown();
  });
});

describe('road', () => {
  const row = (id: string, status: 'pass' | 'fail' | 'skip'): CheckRow => ({
    id,
    group: 'registry',
    title: id,
    dependsOn: [],
    state: { phase: 'done', result: { id, group: 'registry', title: id, status, code: null, summary: '', blockedBy: null, durationMs: 1, details: {}, remediations: [] } },
  });

  it('colours each stop by its checks and shows the proxy without credentials', () => {
    const proxy = proxyFromEnv({ HTTPS_PROXY: 'http://user:secret@proxy.corp:3128' }, TARGET);
    expect(proxy).toBe('proxy.corp:3128');
    const stops = buildRoad([row('registry.dns', 'pass'), row('registry.tls', 'pass'), row('registry.challenge', 'fail'), row('auth.access-token', 'skip')], proxy, true);
    expect(stops.map((s) => `${s.label ?? s.key}:${s.leg}`)).toEqual([
      'machine:pass',
      'proxy.corp:3128:pass',
      'dns:pass',
      'tls:pass',
      'registry:fail',
      'token:skip',
    ]);
  });

  it('leaves out a proxy that NO_PROXY bypasses, and the whole road without a registry', () => {
    expect(proxyFromEnv({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.azurecr.io' }, TARGET)).toBeNull();
    expect(buildRoad([], null, false)).toEqual([]);
  });
});
