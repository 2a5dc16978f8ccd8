import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { runCheckCommand } from '../../src/cli/commands/check.js';
import type { CliIO } from '../../src/cli/io.js';
import type { Session } from '../../src/cli/session.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { Secret } from '../../src/probes/secret.js';
import { chain, fakeProbes, leaks, options, SEED, TARGET } from './fixture.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'acr-doctor-check-export-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function capture(): Writable & { text: () => string } {
  let buf = '';
  const w = new Writable({
    write(chunk, _enc, cb) {
      buf += String(chunk);
      cb();
    },
  }) as Writable & { text: () => string };
  w.text = () => buf;
  return w;
}

function io(): CliIO & { out: ReturnType<typeof capture>; err: ReturnType<typeof capture> } {
  const out = capture();
  const err = capture();
  return {
    stdout: out,
    stderr: err,
    stdin: new PassThrough(),
    env: {
      ACR_DOCTOR_PASSWORD: SEED.password,
      AZURE_CLIENT_SECRET: SEED.clientSecret,
      HTTPS_PROXY: `http://user:${SEED.proxyPassword}@127.0.0.1:3128`,
    },
    cwd: dir,
    platform: 'linux',
    out,
    err,
  };
}

function session(over: Parameters<typeof options>[0] = {}): Session {
  return {
    options: options({ verbose: true, password: new Secret(SEED.password), username: 'admin', ...over }),
    target: TARGET,
    probes: fakeProbes(),
    notices: [],
  };
}

describe('check --export', () => {
  for (const [name, json] of [
    ['plain', false],
    ['--json', true],
  ] as const) {
    it(`writes Markdown and JSON transcripts, and nothing secret reaches stdout, stderr or the files (${name})`, async () => {
      for (const file of ['t.json', 't.md']) {
        const cli = io();
        const r = await runCheckCommand(session({ export: file, json }), cli, { checks: chain({ fixed: false }) });
        expect(r.exitCode).toBe(1);
        const written = readFileSync(join(dir, file), 'utf8');
        // The verbose log did carry the seeded values to redactText, so a regression shows here.
        expect(cli.err.text()).toContain('Authorization: Bearer [REDACTED]');
        expect(cli.err.text()).toContain(`Transcript written to ${file}`);
        expect(leaks(cli.out.text()), 'stdout').toEqual([]);
        expect(leaks(cli.err.text()), 'stderr').toEqual([]);
        expect(leaks(written), file).toEqual([]);
        if (json) expect(() => JSON.parse(cli.out.text())).not.toThrow();
      }
      rmSync(join(dir, 't.json'));
      rmSync(join(dir, 't.md'));
    });
  }

  it('records session info first and the checks after it', async () => {
    const cli = io();
    await runCheckCommand(session({ export: 's.json' }), cli, { checks: chain({ fixed: true }) });
    const doc = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(doc.events[0]).toMatchObject({ type: 'session-info', info: { mode: 'check', proxy: 'http://127.0.0.1:3128', target: TARGET } });
    expect(doc.events[1].type).toBe('run-started');
    expect(doc.session.mode).toBe('check');
  });

  it('records demo mode and scenario when demo reuses the check command', async () => {
    const cli = io();
    await runCheckCommand(session({ export: 'd.json' }), cli, { checks: chain({ fixed: true }), mode: 'demo', scenario: 'firewall' });
    const doc = JSON.parse(readFileSync(join(dir, 'd.json'), 'utf8'));
    expect(doc.session).toMatchObject({ mode: 'demo', scenario: 'firewall' });
  });

  it('refuses a folder that does not exist before running anything', async () => {
    const cli = io();
    let ran = false;
    const checks = chain({ fixed: true }).map((c) => ({ ...c, run: async (ctx: Parameters<typeof c.run>[0]) => ((ran = true), c.run(ctx)) }));
    await expect(runCheckCommand(session({ export: 'nowhere/x.json' }), cli, { checks })).rejects.toBeInstanceOf(UsageError);
    expect(ran).toBe(false);
    expect(cli.out.text()).toBe('');
  });

  it('keeps a file that appeared while the checks ran and exits 2', async () => {
    const cli = io();
    const target = join(dir, 'late.md');
    const checks = chain({ fixed: true });
    const first = checks[0]!;
    checks[0] = {
      ...first,
      run: async (ctx) => {
        writeFileSync(target, 'written by someone else');
        return first.run(ctx);
      },
    };
    const r = await runCheckCommand(session({ export: 'late.md' }), cli, { checks });
    expect(r.exitCode).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('written by someone else');
    expect(cli.err.text()).toContain("'late.md' was created while the checks ran");
    expect(readdirSync(dir)).toEqual(['late.md']);
  });

  it('records the questions a check asked and the answer --yes gave', async () => {
    for (const yes of [true, false]) {
      const cli = io();
      const file = `ask-${yes}.json`;
      const checks = chain({ fixed: true });
      const first = checks[0]!;
      let answered: boolean | null = null;
      checks[0] = { ...first, run: async (ctx) => ((answered = await ctx.confirm('Pull the test image?')), first.run(ctx)) };
      await runCheckCommand(session({ export: file, yes }), cli, { checks });
      expect(answered).toBe(yes);
      const events = JSON.parse(readFileSync(join(dir, file), 'utf8')).events as { type: string; question?: string; answer?: boolean }[];
      expect(events.find((e) => e.type === 'prompt')?.question).toBe('Pull the test image?');
      expect(events.find((e) => e.type === 'answer')?.answer).toBe(yes);
    }
  });

  it('writes nothing without --export', async () => {
    const cli = io();
    await runCheckCommand(session(), cli, { checks: chain({ fixed: true }) });
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'undefined'))).toBe(false);
  });
});
