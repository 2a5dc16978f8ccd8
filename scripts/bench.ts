// `npm run bench`: measures startup, chain latency, requests, memory, wizard idle CPU and package
// size in one run, prints one table with the budget beside each figure, and exits 1 when one is missed.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator, type RunningSimulator } from '../src/simulator/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'acr-doctor.js');
const PROBE = join(ROOT, 'scripts', 'rss-probe.mjs');
const DELAY_MS = 50;

interface Row {
  what: string;
  figure: string;
  budget: string;
  ok: boolean | null; // null: informational
}
const rows: Row[] = [];
const add = (what: string, figure: string, budget: string, ok: boolean | null): void => {
  rows.push({ what, figure, budget, ok });
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function timeRuns(argv: string[], runs: number, env: NodeJS.ProcessEnv = process.env): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { env, stdio: 'ignore', timeout: 60_000 });
    if (r.error) throw r.error;
    times.push(performance.now() - t0);
  }
  return median(times);
}

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const k of ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy', 'ALL_PROXY']) delete env[k];
  return env;
}

function simEnv(sim: RunningSimulator, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cleanEnv({
    AZURE_CLIENT_ID: sim.fixtures.clientId,
    AZURE_CLIENT_SECRET: sim.fixtures.clientSecret,
    AZURE_TENANT_ID: sim.fixtures.tenantId,
    ...extra,
  });
}

function runJson(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function startup(): Promise<void> {
  const runs = 15;
  const bare = timeRuns(['-e', '0'], runs);
  const version = timeRuns([BIN, '--version'], runs);
  const check = timeRuns([BIN, 'check', '--json', '--skip', 'environment'], runs, cleanEnv());
  add('startup: bare `node -e 0` (median of 15)', `${bare.toFixed(0)} ms`, '—', null);
  add('startup: `--version`', `${version.toFixed(0)} ms (${(version / bare).toFixed(2)}×)`, '≤ 1.5× bare Node', version / bare <= 1.5);
  add('startup: `check --json --skip environment`', `${check.toFixed(0)} ms (${(check / bare).toFixed(2)}×)`, '—', null);
}

/** Requests and distinct connections the simulator saw for one host. */
function traffic(sim: RunningSimulator, host: string, since: number): { requests: number; connections: number; paths: string[] } {
  const reqs = sim.requests.slice(since).filter((r) => r.host.split(':')[0] === host);
  return { requests: reqs.length, connections: new Set(reqs.map((r) => r.connection)).size, paths: reqs.map((r) => `${r.method} ${r.path}`) };
}

async function chain(): Promise<void> {
  const sim = await startSimulator({ scenario: 'healthy', responseDelayMs: DELAY_MS });
  try {
    const base = ['check', sim.loginServer, ...sim.cliArgs(), '--auth', 'env', '--skip', 'environment', '--json'];
    // Warm up once (disk cache), then measure.
    await runJson(base, simEnv(sim));
    const scenarios: { name: string; args: string[]; roundTrips: number; loginRequests?: number }[] = [
      // challenge ‖ AAD token, then exchange, then token: 3 sequential responses.
      { name: 'healthy AAD chain', args: base, roundTrips: 3, loginRequests: 3 },
      // + manifest index, image manifest, blob (307), data endpoint download.
      { name: 'AAD chain + --repository pull', args: [...base, '--repository', `${sim.fixtures.repository}:${sim.fixtures.tag}`], roundTrips: 7 },
    ];
    for (const s of scenarios) {
      const durations: number[] = [];
      let last = { requests: 0, connections: 0, paths: [] as string[] };
      let status = '';
      for (let i = 0; i < 5; i += 1) {
        const since = sim.requests.length;
        const r = await runJson(s.args, simEnv(sim));
        const doc = JSON.parse(r.stdout) as { durationMs: number; summary: { failed: number } };
        durations.push(doc.durationMs);
        last = traffic(sim, sim.loginServer, since);
        status = doc.summary.failed === 0 ? 'all passed' : `${doc.summary.failed} failed`;
      }
      const min = s.roundTrips * DELAY_MS;
      const d = median(durations);
      add(`chain: ${s.name} (${DELAY_MS} ms per response; ${status})`, `${d.toFixed(0)} ms (minimum ${min} ms)`, `≤ ${min + 150} ms`, d <= min + 150);
      if (s.loginRequests !== undefined) {
        add(
          `requests to the login server: ${s.name}`,
          `${last.requests} requests, ${last.connections} connection(s): ${last.paths.join(', ')}`,
          `${s.loginRequests} requests, 1 connection`,
          last.requests === s.loginRequests && last.connections === 1,
        );
      } else {
        add(`requests to the login server: ${s.name}`, `${last.requests} requests, ${last.connections} connection(s)`, '—', null);
      }
    }
    // Memory of a full check run.
    const rssFile = join(mkdtempSync(join(tmpdir(), 'acr-bench-')), 'rss');
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, ['--import', PROBE, BIN, ...base, '--repository', 'hello-world'], {
        env: simEnv(sim, { ACR_DOCTOR_BENCH_RSS_FILE: rssFile }),
        stdio: 'ignore',
      });
      child.on('close', () => resolve());
    });
    const rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
    add('memory: peak RSS of `check` (registry + repository)', `${rssMb.toFixed(1)} MB`, '≤ 80 MB', rssMb <= 80);
  } finally {
    await sim.close();
  }
}

const tmux = (...args: string[]) => spawnSync('tmux', args, { encoding: 'utf8', timeout: 10_000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

async function waitForPane(session: string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < end) {
    text = tmux('capture-pane', '-p', '-t', session).stdout ?? '';
    if (pattern.test(text)) return text;
    await sleep(200);
  }
  throw new Error(`the wizard did not show ${pattern} in ${timeoutMs} ms:\n${text}`);
}

/** CPU% of one core used by the wizard's process over `seconds`. */
async function cpuOver(pid: number, seconds: number): Promise<number> {
  const hz = 100;
  const a = cpuTicks(pid);
  await sleep(seconds * 1000);
  const b = cpuTicks(pid);
  return ((b - a) / hz / seconds) * 100;
}

async function wizard(): Promise<void> {
  if (spawnSync('tmux', ['-V']).status !== 0) {
    add('wizard: idle CPU / memory', 'not measured: tmux is not installed', '—', null);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'acr-bench-wizard-'));
  const rssFile = join(work, 'rss');
  const session = `acr-bench-${process.pid}`;
  const envArgs = (env: Record<string, string>) => Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  try {
    // 1. A finished chain with the wizard open (demo, healthy).
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40', ...envArgs({ ACR_DOCTOR_BENCH_RSS_FILE: rssFile, CI: '', NO_COLOR: '1' }),
      process.execPath, '--import', PROBE, BIN, 'demo', 'healthy', '--yes');
    const pid = Number(tmux('display-message', '-p', '-t', session, '#{pane_pid}').stdout.trim());
    await waitForPane(session, /\d+ passed/, 60_000);
    await sleep(500);
    const idle = await cpuOver(pid, 5);
    add('wizard: idle CPU, finished chain (5 s)', `${idle.toFixed(2)} % of a core`, '≤ 3 %', idle <= 3);
    tmux('send-keys', '-t', session, 'q');
    for (let i = 0; i < 50 && !existsSync(rssFile); i += 1) await sleep(100);
    const rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024 : NaN;
    add('memory: peak RSS of the wizard (demo healthy)', Number.isNaN(rssMb) ? 'not measured' : `${rssMb.toFixed(1)} MB`, '≤ 120 MB', Number.isNaN(rssMb) ? null : rssMb <= 120);
    tmux('kill-session', '-t', session);

    // 2. Slow checks spinning: tools that hang, and a registry that answers slowly.
    const slowBin = join(work, 'bin');
    spawnSync('mkdir', ['-p', slowBin]);
    for (const tool of ['docker', 'helm', 'notary', 'az']) {
      writeFileSync(join(slowBin, tool), '#!/bin/sh\nexec sleep 60\n');
      chmodSync(join(slowBin, tool), 0o755);
    }
    const sim = await startSimulator({ scenario: 'slow' });
    try {
      tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40',
        ...envArgs({ PATH: `${slowBin}:${process.env.PATH}`, CI: '', NO_COLOR: '1', AZURE_CLIENT_ID: sim.fixtures.clientId, AZURE_CLIENT_SECRET: sim.fixtures.clientSecret, AZURE_TENANT_ID: sim.fixtures.tenantId }),
        process.execPath, BIN, sim.loginServer, ...sim.cliArgs(), '--auth', 'env', '--timeout', '60');
      const pid2 = Number(tmux('display-message', '-p', '-t', session, '#{pane_pid}').stdout.trim());
      await sleep(2000);
      const spinning = await cpuOver(pid2, 5);
      add('wizard: CPU with slow checks spinning (5 s)', `${spinning.toFixed(2)} % of a core`, '≤ 3 %', spinning <= 3);
      tmux('kill-session', '-t', session);
    } finally {
      await sim.close();
    }
  } catch (err) {
    add('wizard: idle CPU / memory', `not measured: ${(err as Error).message.split('\n')[0]}`, '—', false);
  } finally {
    tmux('kill-session', '-t', session);
    rmSync(work, { recursive: true, force: true });
  }
}

function pkg(): void {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' });
  const info = JSON.parse(r.stdout)[0] as { size: number; unpackedSize: number; entryCount: number };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const deps = Object.keys(manifest.dependencies ?? {});
  add('package: `npm pack` size', `${(info.size / 1024).toFixed(0)} KiB packed, ${(info.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${info.entryCount} files`, '≤ 1 MB', info.size <= 1024 * 1024);
  add('package: runtime dependencies npx must install', deps.length ? deps.join(', ') : 'none (one bundled file set)', 'ideally none', deps.length === 0);
}

await startup();
await chain();
await wizard();
pkg();

const w1 = Math.max(...rows.map((r) => r.what.length));
const w2 = Math.max(...rows.map((r) => r.figure.length));
console.log(`${'measure'.padEnd(w1)}  ${'figure'.padEnd(w2)}  budget`);
for (const r of rows) {
  const mark = r.ok === null ? '' : r.ok ? '  ok' : '  MISSED';
  console.log(`${r.what.padEnd(w1)}  ${r.figure.padEnd(w2)}  ${r.budget}${mark}`);
}
const missed = rows.filter((r) => r.ok === false);
console.log(missed.length ? `\n${missed.length} budget(s) missed` : '\nall budgets met');
process.exit(missed.length ? 1 : 0);
