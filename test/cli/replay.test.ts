import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import type { EngineEvent } from '../../src/engine/types.js';
import { exportToFile } from '../../src/transcript/export.js';
import { leaks, recordSession, SEED } from '../transcript/fixture.js';

const launched: { events: EngineEvent[] }[] = [];
const launchFailure: { error: Error | null } = { error: null };
vi.mock('../../src/ui/launch.js', () => ({
  launchReplay: async (events: EngineEvent[]) => {
    if (launchFailure.error) throw launchFailure.error;
    launched.push({ events });
    return 0;
  },
}));

// Replay must never start a process: any attempt fails the test.
const spawned: string[][] = [];
vi.mock('../../src/probes/process.js', () => ({
  runProcess: async (argv: string[]) => {
    spawned.push(argv);
    throw new Error('replay ran a command');
  },
}));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'acr-doctor-replay-'));
  launched.length = 0;
  spawned.length = 0;
  launchFailure.error = null;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function io(tty: boolean, env: Record<string, string> = {}): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _e, cb) {
        add(String(chunk));
        cb();
      },
    });
  const stdout = Object.assign(sink((s) => (out += s)), { isTTY: tty });
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  return {
    stdout,
    stderr: sink((s) => (err += s)),
    stdin,
    env: { NO_COLOR: '1', ...env },
    cwd: dir,
    platform: 'linux',
    out: () => out,
    err: () => err,
  };
}

async function transcriptFile(): Promise<{ file: string; titles: string[] }> {
  const rec = await recordSession();
  const file = join(dir, 'session.json');
  await exportToFile(file, rec.input);
  return { file, titles: rec.state.rows.map((r) => r.title) };
}

describe('acr-doctor replay', () => {
  it('prints the plain report and the remediation runs when not on a terminal, and runs nothing', async () => {
    const { titles } = await transcriptFile();
    const cli = io(false);
    const code = await main(['replay', 'session.json'], cli);
    expect(code).toBe(0);
    const out = cli.out();
    expect(out).toMatch(/^Replay of a session recorded .* \(wizard\); nothing is run\./);
    for (const title of titles) expect(out).toContain(title);
    expect(out).toContain('✗ Registry refresh token from the AAD token');
    expect(out).toContain('UNEXPECTED_ERROR');
    expect(out).toContain('Fixes that were run');
    expect(out).toContain('$ az acr network-rule add --name myreg --ip-address 203.0.113.7');
    expect(out).toContain('"accessToken": "[REDACTED]"');
    expect(out).toContain('Check before: failed CONNECTIVITY_FORBIDDEN_ERROR');
    expect(out).toContain('Check afterwards: passed');
    expect(out).toContain('1 failed');
    expect(cli.err()).toBe('');
    expect(launched).toHaveLength(0);
    expect(spawned).toEqual([]);
  });

  it('opens the read-only wizard with the recorded events on a terminal', async () => {
    const { file } = await transcriptFile();
    const cli = io(true);
    expect(await main(['replay', file], cli)).toBe(0);
    expect(launched).toHaveLength(1);
    expect(launched[0]!.events.some((e) => e.type === 'remediation-started')).toBe(true);
    expect(cli.out()).toBe('');
    expect(spawned).toEqual([]);
  });

  it('scrubs tokens and known secrets from an unexpected error before printing it', async () => {
    await transcriptFile();
    launchFailure.error = new Error(`screen failed: Authorization: Bearer ${SEED.bearer} ${SEED.jwt} pw ${SEED.password}`);
    const cli = io(true, { ACR_DOCTOR_PASSWORD: SEED.password, ACR_DOCTOR_DEBUG: '1' });
    expect(await main(['replay', 'session.json'], cli)).toBe(1);
    expect(cli.err()).toContain('screen failed: Authorization: Bearer [REDACTED]');
    expect(leaks(cli.err())).toEqual([]);
  });

  it('prints plain text on a terminal when CI is set', async () => {
    await transcriptFile();
    const cli = io(true, { CI: 'true' });
    expect(await main(['replay', 'session.json'], cli)).toBe(0);
    expect(launched).toHaveLength(0);
    expect(cli.out()).toContain('Fixes that were run');
  });

  const bad: [string, string | null, RegExp][] = [
    ['a missing file', null, /'in\.json' does not exist\./],
    ['a file that is not JSON', 'hello', /'in\.json' is not JSON/],
    ['JSON that is not a transcript', '{"a":1}', /'in\.json' is not an acr-doctor transcript/],
    ['a newer schema', '{"kind":"acr-doctor-transcript","schemaVersion":9,"events":[],"checks":[]}', /newer acr-doctor/],
    ['a corrupt transcript', '{"kind":"acr-doctor-transcript","schemaVersion":1,"events":[{"type":"answer"}],"checks":[]}', /damaged/],
  ];
  for (const [what, content, message] of bad) {
    it(`exits 2 with one sentence for ${what}`, async () => {
      if (content !== null) writeFileSync(join(dir, 'in.json'), content);
      const cli = io(false);
      expect(await main(['replay', 'in.json'], cli)).toBe(2);
      expect(cli.err()).toMatch(message);
      expect(cli.err().trimEnd().split('\n')).toHaveLength(1);
      expect(cli.err()).not.toMatch(/\n\s+at /);
      expect(cli.out()).toBe('');
    });
  }
});
