import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasCommand, requireTool, ROOT } from '../support/tools.js';

// The wizard in a real terminal: tmux gives it a pty of a known size; we type and read the screen.
const haveTmux = requireTool(hasCommand('tmux'), 'tmux');
const SOCKET = `acr-wizard-e2e-${process.pid}`;
const PROMPT = 'E2E-READY$ ';
/** capture-pane drops trailing spaces. */
const SHOWN = PROMPT.trimEnd();
const atPrompt = (s: string): boolean => s.trimEnd().endsWith(SHOWN);

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

let counter = 0;
function newPane(): string {
  const name = `w${++counter}`;
  // CI makes the bare command non-interactive, so the pane's shell runs without it.
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '40', '-c', ROOT, 'env', '-u', 'CI', `PS1=${PROMPT}`, 'NO_COLOR=1', 'bash', '--norc', '--noprofile');
  return name;
}

const capture = (pane: string): string => tmux('capture-pane', '-p', '-t', pane);

async function waitForPane(pane: string, cond: (screen: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const screen = capture(pane);
    if (cond(screen)) return screen;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const keys = (pane: string, ...k: string[]): void => void tmux('send-keys', '-t', pane, ...k);

/** The pid of the program running in the pane's shell (the node process we started). */
function childPid(pane: string): number {
  const shell = tmux('display-message', '-p', '-t', pane, '#{pane_pid}').trim();
  const r = spawnSync('ps', ['--ppid', shell, '-o', 'pid='], { encoding: 'utf8' });
  const pid = Number(r.stdout.trim().split(/\s+/)[0]);
  if (!pid) throw new Error(`no process under the pane's shell ${shell}`);
  return pid;
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

describe.runIf(haveTmux)('the wizard in a real terminal (tmux)', () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  }, 60_000);

  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { stdio: 'ignore' });
  });

  const demoReady = (): boolean => existsSync(join(ROOT, 'src', 'simulator', 'index.ts'));

  it('firewall demo: the failed challenge is selected, its fix runs after y, the re-check passes and auth runs', async () => {
    if (!demoReady()) {
      console.log('[skip] the simulator has not landed yet');
      return;
    }
    const pane = newPane();
    await waitForPane(pane, atPrompt, 'shell');
    keys(pane, 'node bin/acr-doctor.js demo firewall', 'Enter');
    const chain = await waitForPane(pane, (s) => /› ✗ Registry answers/.test(s) && /\d+ failed/.test(s) && !/\d+ running/.test(s), 'chain with the failure selected', 40_000);
    expect(chain).toMatch(/registry✗/);
    expect(chain).toMatch(/not run: Registry answers/);

    keys(pane, 'Enter');
    const detail = await waitForPane(pane, (s) => s.includes('What you can do'), 'detail');
    expect(detail).toMatch(/clientIp: 127\.0\.0\.1/);
    expect(detail).toMatch(/\$ az acr network-rule add --name \S+ --ip-address 127\.0\.0\.1/);
    const n = /(\d)\. [^\n]*\n\s+\$ az acr network-rule add/.exec(detail)?.[1];
    expect(n).toBeDefined();

    keys(pane, n!);
    const confirm = await waitForPane(pane, (s) => s.includes('Run it? [y/n]'), 'confirm');
    expect(confirm).toMatch(/\$ az acr network-rule add --name \S+ --ip-address 127\.0\.0\.1/);

    keys(pane, 'y');
    const fixed = await waitForPane(pane, (s) => /Fixed: ".*challenge.*" passes now\./.test(s) || s.includes('Not fixed yet'), 'outcome', 40_000);
    expect(fixed).toContain('Exit code 0');
    expect(fixed).toMatch(/Fixed: /);
    expect(fixed).toContain('"ipAddressOrRange": "127.0.0.1"');

    keys(pane, 'Escape');
    await new Promise((r) => setTimeout(r, 300));
    keys(pane, 'Escape');
    const after = await waitForPane(pane, (s) => s.includes('Authentication') && s.includes('↑↓ move'), 'chain again');
    expect(after).toMatch(/✓ Registry answers/);
    expect(after).toMatch(/✓ Registry access token/);
    expect(after).not.toMatch(/not run: Registry answers/);

    keys(pane, 'q');
    const done = await waitForPane(pane, atPrompt, 'shell prompt after quit');
    expect(done).toContain(SHOWN);
  }, 120_000);

  it('Ctrl-C mid-chain exits 130 and leaves the terminal sane (echo, icanon, cursor)', async () => {
    const pane = newPane();
    await waitForPane(pane, atPrompt, 'shell');
    // A demo where every answer takes 30 s keeps the chain running; without the simulator, the
    // environment checks with a registry that does not answer do the same.
    const cmd = demoReady() ? 'node bin/acr-doctor.js demo slow' : 'node bin/acr-doctor.js 127.0.0.1:9';
    keys(pane, cmd, 'Enter');
    await waitForPane(pane, (s) => /\d+ running/.test(s), 'chain running', 30_000);
    keys(pane, 'C-c');
    await waitForPane(pane, atPrompt, 'shell prompt after Ctrl-C', 15_000);
    keys(pane, 'echo "rc=$?"; stty -a', 'Enter');
    const screen = await waitForPane(pane, (s) => s.includes('rc=') && s.includes('icanon'), 'stty output');
    expect(screen).toContain('rc=130');
    expect(screen).toMatch(/(^|\s)echo(\s|$)/m);
    expect(screen).not.toMatch(/-echo(\s|$)/m);
    expect(screen).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(screen).not.toMatch(/-icanon/);
    const cursor = tmux('display-message', '-p', '-t', pane, '#{cursor_flag}').trim();
    expect(cursor).toBe('1');
  }, 60_000);

  it('the bare command asks for a registry; Enter runs the environment checks; q quits', async () => {
    const pane = newPane();
    await waitForPane(pane, atPrompt, 'shell');
    keys(pane, 'node bin/acr-doctor.js --skip docker.pull', 'Enter');
    await waitForPane(pane, (s) => s.includes('Which registry should I check?'), 'start screen');
    keys(pane, '-l', 'my_reg!');
    await waitForPane(pane, (s) => s.includes("'my_reg!' is not a registry"), 'invalid name explained');
    // Seven Backspaces in one write, as a held key sends them: every one erases.
    keys(pane, 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    await waitForPane(pane, (s) => s.includes('Press Enter with nothing typed'), 'field empty again');
    keys(pane, 'Enter');
    const chain = await waitForPane(pane, (s) => s.includes('Environment') && /\d+ passed/.test(s) && !/\d+ running/.test(s), 'environment chain', 40_000);
    expect(chain).toContain('this machine only');
    // An idle wizard sleeps: no spinner timer, no redraws.
    if (existsSync('/proc/self/stat')) {
      const pid = childPid(pane);
      await new Promise((r) => setTimeout(r, 500));
      const before = cpuSeconds(pid);
      await new Promise((r) => setTimeout(r, 3000));
      const used = cpuSeconds(pid) - before;
      console.log(`[measure] idle wizard used ${used.toFixed(2)} s CPU in 3 s`);
      expect(used).toBeLessThan(0.15);
    }
    keys(pane, '?');
    await waitForPane(pane, (s) => s.includes('Keys'), 'help');
    keys(pane, 'q');
    await waitForPane(pane, atPrompt, 'shell prompt after quit');
  }, 60_000);

  it('az login gets the real terminal and the wizard comes back on the run screen', async () => {
    if (!demoReady()) {
      console.log('[skip] the simulator has not landed yet');
      return;
    }
    const pane = newPane();
    await waitForPane(pane, atPrompt, 'shell');
    keys(pane, 'node bin/acr-doctor.js demo az-logged-out', 'Enter');
    await waitForPane(pane, (s) => /› ✗ Credential/.test(s) && !/\d+ running/.test(s), 'failed credential selected', 40_000);
    keys(pane, 'Enter');
    const detail = await waitForPane(pane, (s) => s.includes('What you can do'), 'detail');
    const n = /(\d)\. [^\n]*\n\s+\$ az login/.exec(detail)?.[1];
    expect(n).toBeDefined();
    keys(pane, n!);
    await waitForPane(pane, (s) => s.includes('It needs the terminal'), 'confirm says it takes the terminal');
    keys(pane, 'y');
    const back = await waitForPane(pane, (s) => /Fixed: |Not fixed yet/.test(s), 'run screen after hand-over', 40_000);
    expect(back).toContain('$ az login');
    expect(back).toContain('its output is above the wizard');
    expect(back).toMatch(/Fixed: "Credential/);
    keys(pane, 'q');
    await waitForPane(pane, atPrompt, 'shell prompt after quit');
  }, 120_000);

  it('a fix whose output carries a token shows it scrubbed, and Ctrl-C stops it without quitting', async () => {
    if (!demoReady()) {
      console.log('[skip] the simulator has not landed yet');
      return;
    }
    // A stand-in curl (first on PATH) that prints credentials the way `curl -v` can, then hangs.
    const bin = mkdtempSync(join(tmpdir(), 'acr-wizard-e2e-bin-'));
    const stopped = join(bin, 'stopped');
    writeFileSync(
      join(bin, 'curl'),
      [
        '#!/bin/sh',
        `trap 'echo TERM > "${stopped}"; exit 143' TERM`,
        'echo "> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJlMmUifQ.c2lnbmF0dXJlLXRva2Vu"',
        'echo \'{"refresh_token":"e2e-refresh-secret-value"}\'',
        'echo still-running',
        'while :; do sleep 0.2; done',
      ].join('\n') + '\n',
      { mode: 0o755 },
    );
    try {
      const pane = newPane();
      await waitForPane(pane, atPrompt, 'shell');
      keys(pane, `PATH=${bin}:$PATH node bin/acr-doctor.js demo slow --timeout 2`, 'Enter');
      await waitForPane(pane, (s) => /› ✗ Registry answers/.test(s) && !/\d+ running/.test(s), 'timed-out challenge selected', 40_000);
      keys(pane, 'Enter');
      const detail = await waitForPane(pane, (s) => s.includes('What you can do') && /\$ curl/.test(s), 'detail with the curl fix');
      const n = /(\d)\. [^\n]*\n\s+\$ curl/.exec(detail)?.[1];
      expect(n).toBeDefined();
      keys(pane, n!);
      await waitForPane(pane, (s) => s.includes('Run it? [y/n]'), 'confirm');
      keys(pane, 'y');
      const running = await waitForPane(pane, (s) => s.includes('still-running') && s.includes('Ctrl-C stops it'), 'command running');
      expect(running).toContain('Authorization: Bearer [REDACTED]');
      expect(running).toContain('"refresh_token":"[REDACTED]"');
      expect(running).not.toContain('eyJzdWIiOiJlMmUifQ');
      expect(running).not.toContain('e2e-refresh-secret-value');
      keys(pane, 'C-c');
      const after = await waitForPane(pane, (s) => s.includes('Stopped before it finished'), 'command stopped', 10_000);
      expect(existsSync(stopped)).toBe(true);
      // Still in the wizard: the first Ctrl-C was for the command.
      expect(after).toContain('Esc back');
      keys(pane, 'q');
      await waitForPane(pane, atPrompt, 'shell prompt after quit');
      keys(pane, 'stty -a', 'Enter');
      const tty = await waitForPane(pane, (s) => s.includes('icanon'), 'stty output');
      expect(tty).not.toMatch(/-echo(\s|$)/m);
      expect(tty).not.toMatch(/-icanon/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  }, 90_000);

  it('SIGTERM mid-chain restores the terminal too', async () => {
    const pane = newPane();
    await waitForPane(pane, atPrompt, 'shell');
    const cmd = demoReady() ? 'node bin/acr-doctor.js demo slow' : 'node bin/acr-doctor.js 127.0.0.1:9';
    keys(pane, cmd, 'Enter');
    await waitForPane(pane, (s) => /\d+ running/.test(s), 'chain running', 30_000);
    process.kill(childPid(pane), 'SIGTERM');
    await waitForPane(pane, atPrompt, 'shell prompt after SIGTERM', 15_000);
    keys(pane, 'stty -a', 'Enter');
    const screen = await waitForPane(pane, (s) => s.includes('icanon'), 'stty output');
    expect(screen).not.toMatch(/-echo(\s|$)/m);
    expect(screen).not.toMatch(/-icanon/);
    expect(tmux('display-message', '-p', '-t', pane, '#{cursor_flag}').trim()).toBe('1');
  }, 60_000);
});
