// `npm run bench`: measures startup, chain latency, requests, memory, wizard CPU and package size in
// one run, prints one table with the budget beside each figure, and exits 1 when a budget is missed
// or could not be measured. Only loopback is touched. Every wait has a time limit; tmux sessions and
// child processes are always cleaned up, also when a piece (simulator, wizard, tmux) is missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningSimulator } from '../src/simulator/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'acr-doctor.js');
const PROBE = join(ROOT, 'scripts', 'rss-probe.mjs');
const DELAY_MS = 50;
const STARTUP_RUNS = 21;
const CHAIN_RUNS = 7;
const WHOLE_BENCH_LIMIT_MS = 10 * 60_000;

type Verdict = 'ok' | 'MISSED' | 'NOT MEASURED' | null; // null: figure for information
interface Row {
  what: string;
  figure: string;
  budget: string;
  verdict: Verdict;
}
const rows: Row[] = [];
const add = (what: string, figure: string, budget: string, ok: boolean | null): void => {
  rows.push({ what, figure, budget, verdict: ok === null ? null : ok ? 'ok' : 'MISSED' });
};
const notMeasured = (what: string, why: string, budget: string): void => {
  rows.push({ what, figure: `not measured: ${why}`, budget, verdict: 'NOT MEASURED' });
};
const firstLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Processes: everything the bench starts is tracked so that a failure or the watchdog can end it.

const children = new Set<ChildProcess>();
const tmuxSessions = new Set<string>();
const tempDirs = new Set<string>();

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(d);
  return d;
}

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  // Loopback only: a proxy from the environment must not see the bench's requests.
  for (const k of ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy', 'ALL_PROXY', 'all_proxy']) delete env[k];
  delete env.CI;
  return env;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Runs node with `args`; killed after `timeoutMs`. */
function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Ran> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d));
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, stdout, stderr: stderr + (code === null ? `\n(killed after ${timeoutMs} ms)` : ''), wallMs: performance.now() - started });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// 1. Startup

function wallOnce(argv: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { env, stdio: 'ignore', timeout: 30_000 });
  if (r.error) throw r.error;
  if (r.status === null) throw new Error(`node ${argv.join(' ')} did not finish in 30 s`);
  return performance.now() - t0;
}

async function startup(): Promise<void> {
  const env = cleanEnv();
  const cases = [
    { key: 'bare', argv: ['-e', '0'] },
    { key: 'version', argv: [BIN, '--version'] },
    { key: 'check', argv: [BIN, 'check', '--json', '--skip', 'environment'] },
  ];
  const times: Record<string, number[]> = { bare: [], version: [], check: [] };
  // Warm the disk cache, then interleave the runs so that load from elsewhere hits all of them alike.
  for (const c of cases) wallOnce(c.argv, env);
  for (let i = 0; i < STARTUP_RUNS; i += 1) for (const c of cases) times[c.key]!.push(wallOnce(c.argv, env));
  // The ratio is the median of each run's ratio to the bare run next to it: on a shared machine
  // the load drifts, and neighbours see nearly the same load.
  const ratio = (key: string): number => median(times[key]!.map((t, i) => t / times.bare![i]!));
  const bare = median(times.bare!);
  const version = median(times.version!);
  const check = median(times.check!);
  add(`startup: bare \`node -e 0\``, `${bare.toFixed(0)} ms (median of ${STARTUP_RUNS}, interleaved)`, '—', null);
  add('startup: `acr-doctor --version`', `${version.toFixed(0)} ms = ${ratio('version').toFixed(2)}× bare (median of paired ratios)`, '≤ 1.50× bare Node', ratio('version') <= 1.5);
  add('startup: `check --json --skip environment`', `${check.toFixed(0)} ms = ${ratio('check').toFixed(2)}× bare (no registry)`, '—', null);
}

// ---------------------------------------------------------------------------------------------
// 2–4. Chain latency, requests and memory against the simulator

type SimModule = typeof import('../src/simulator/index.js');
let simModule: SimModule | null = null;
let simProblem = '';

async function loadSimulator(): Promise<SimModule | null> {
  if (simModule || simProblem) return simModule;
  try {
    const mod = (await import('../src/simulator/index.js')) as SimModule;
    if (typeof mod.startSimulator !== 'function') throw new Error('src/simulator/index.ts exports no startSimulator');
    simModule = mod;
  } catch (err) {
    simProblem = `the simulator does not load (${firstLine(err)})`;
  }
  return simModule;
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function simEnv(sim: RunningSimulator, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cleanEnv({
    AZURE_CLIENT_ID: sim.fixtures.clientId,
    AZURE_CLIENT_SECRET: sim.fixtures.clientSecret,
    AZURE_TENANT_ID: sim.fixtures.tenantId,
    ...extra,
  });
}

interface JsonReport {
  durationMs: number;
  summary: { passed: number; failed: number; warnings: number; skipped: number };
  checks: { id: string; status: string; durationMs?: number; summary?: string }[];
}

function parseReport(r: Ran): JsonReport {
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n')[0] ?? ''}`);
  }
}

/** A directory with an `az` that answers "not signed in" at once: the chain without az's start-up time. */
function quickAzDir(): string {
  const dir = tempDir('acr-bench-az-');
  writeFileSync(join(dir, 'az'), "#!/bin/sh\necho \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n");
  chmodSync(join(dir, 'az'), 0o755);
  return dir;
}

async function chain(): Promise<void> {
  const budgetRows = ['chain: healthy AAD chain', 'requests: healthy AAD chain', 'memory: peak RSS of `check`'];
  const mod = await loadSimulator();
  if (!mod) {
    for (const r of budgetRows) notMeasured(r, simProblem, '—');
    return;
  }
  let sim: RunningSimulator;
  try {
    sim = await withTimeout(mod.startSimulator({ scenario: 'healthy', responseDelayMs: DELAY_MS }), 60_000, 'starting the simulator');
  } catch (err) {
    for (const r of budgetRows) notMeasured(r, `the simulator does not start (${firstLine(err)})`, '—');
    return;
  }
  try {
    const base = [BIN, 'check', sim.loginServer, ...sim.cliArgs(), '--auth', 'env', '--skip', 'environment', '--json'];
    const repoArgs = [...base, '--repository', `${sim.fixtures.repository}:${sim.fixtures.tag}`];
    const quickAz = quickAzDir();
    const quickAzEnv = { PATH: `${quickAz}:${process.env.PATH ?? ''}` };
    await runNode(base, simEnv(sim)); // warm-up (disk cache)

    const scenarios = [
      // AAD token ‖ challenge, then exchange, then token: 3 sequential responses.
      { name: 'healthy AAD chain', args: base, env: {}, roundTrips: 3, budget: true, loginRequests: 3 },
      { name: 'same, with an az that answers at once', args: base, env: quickAzEnv, roundTrips: 3, budget: false },
      // ... + manifest index, platform manifest, blob (307), data endpoint: 7 sequential responses.
      { name: 'AAD chain + --repository pull', args: repoArgs, env: {}, roundTrips: 7, budget: true },
      { name: 'same, with an az that answers at once', args: repoArgs, env: quickAzEnv, roundTrips: 7, budget: false },
    ];
    for (const s of scenarios) {
      const what = `chain: ${s.name} (${DELAY_MS} ms/response, median of ${CHAIN_RUNS})`;
      const min = s.roundTrips * DELAY_MS;
      const budget = `≤ ${min + 150} ms (${s.roundTrips} × ${DELAY_MS} + 150)`;
      try {
        const durations: number[] = [];
        const slowest = new Map<string, number[]>();
        let last: { reqs: RunningSimulator['requests']; accepted: number } = { reqs: [], accepted: 0 };
        let status = '';
        for (let i = 0; i < CHAIN_RUNS; i += 1) {
          const since = sim.requests.length;
          const conns = sim.connectionCount();
          const r = await runNode(s.args, simEnv(sim, s.env));
          const doc = parseReport(r);
          durations.push(doc.durationMs);
          for (const c of doc.checks) if (c.durationMs) slowest.set(c.id, [...(slowest.get(c.id) ?? []), c.durationMs]);
          // Give the simulator a moment to record the last response (it records on 'finish').
          await sleep(20);
          last = { reqs: sim.requests.slice(since), accepted: sim.connectionCount() - conns };
          status = doc.summary.failed === 0 ? `${doc.summary.passed} passed` : `${doc.summary.failed} FAILED`;
        }
        const d = median(durations);
        const top = [...slowest].map(([id, xs]) => [id, median(xs)] as const).sort((a, b) => b[1] - a[1]).slice(0, 3);
        add(
          what,
          `${d.toFixed(0)} ms (${status}); slowest: ${top.map(([id, ms]) => `${id} ${ms.toFixed(0)}`).join(', ')}`,
          s.budget ? budget : `(${budget})`,
          s.budget ? d <= min + 150 : null,
        );
        if (s.loginRequests !== undefined) {
          const login = last.reqs.filter((q) => q.host.split(':')[0] === sim.loginServer);
          const loginConns = new Set(login.map((q) => q.connection)).size;
          const carrying = new Set(last.reqs.map((q) => `${q.connection}`)).size;
          const byHost = [...new Set(last.reqs.map((q) => q.host))].map((h) => `${h} ${last.reqs.filter((q) => q.host === h).length}`).join(', ');
          add(
            `requests: ${s.name}, to the login server`,
            `${login.length} requests on ${loginConns} connection(s): ${login.map((q) => `${q.method} ${q.path}`).join(', ')}`,
            `${s.loginRequests} requests, 1 connection`,
            login.length === s.loginRequests && loginConns === 1,
          );
          add(
            `connections: ${s.name}, all hosts`,
            `${last.accepted} accepted, ${carrying} carried requests (${byHost}), ${last.accepted - carrying} none`,
            '—',
            null,
          );
        }
        if (s.roundTrips === 7 && !s.budget) {
          const hosts = [...new Set(last.reqs.map((q) => q.host))].map((h) => `${h} ${last.reqs.filter((q) => q.host === h).length}`).join(', ');
          add('requests: AAD chain + --repository pull', `${last.reqs.length} requests (${hosts}) on ${last.accepted} connections`, '—', null);
        }
      } catch (err) {
        notMeasured(what, firstLine(err), s.budget ? budget : '—');
      }
    }

    // Memory of a full check run (registry, auth and a pull), as the process itself saw it.
    const what = 'memory: peak RSS of `check` (registry + auth + pull)';
    try {
      const rssFile = join(tempDir('acr-bench-rss-'), 'rss');
      const r = await runNode(['--import', PROBE, ...repoArgs], simEnv(sim, { ACR_DOCTOR_BENCH_RSS_FILE: rssFile }));
      if (!existsSync(rssFile)) throw new Error(`the probe wrote nothing (exit ${r.code})`);
      const rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
      add(what, `${rssMb.toFixed(1)} MB`, '≤ 80 MB', rssMb <= 80);
    } catch (err) {
      notMeasured(what, firstLine(err), '≤ 80 MB');
    }
  } finally {
    await withTimeout(sim.close(), 10_000, 'closing the simulator').catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// 5. The wizard in a real terminal (tmux)

const tmux = (...args: string[]) => spawnSync('tmux', args, { encoding: 'utf8', timeout: 10_000, killSignal: 'SIGKILL' });

function killSession(name: string): void {
  tmux('kill-session', '-t', name);
  tmuxSessions.delete(name);
}

/**
 * Starts `argv` in a detached 100×40 tmux session; returns the pane's process id. The variables go
 * through `env`, which then execs the program (so the pane's process is the program itself): a
 * running tmux server may hand new panes its own PATH, and CI must be absent, not empty, because
 * Ink treats a CI variable that is merely present as CI and then draws only the last frame.
 */
function startInTmux(name: string, argv: string[], env: Record<string, string>): number {
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const r = tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '40', 'env', '-u', 'CI', ...assignments, ...argv);
  if (r.status !== 0) throw new Error(`tmux new-session failed: ${(r.stderr ?? '').trim()}`);
  tmuxSessions.add(name);
  const pid = Number(tmux('display-message', '-p', '-t', name, '#{pane_pid}').stdout.trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error('tmux did not report the pane process');
  return pid;
}

const pane = (name: string): string => tmux('capture-pane', '-p', '-t', name).stdout ?? '';

async function waitForPane(name: string, test: (text: string) => boolean, timeoutMs: number, what: string): Promise<string> {
  const end = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < end) {
    text = pane(name);
    if (test(text)) return text;
    if (tmux('has-session', '-t', name).status !== 0) throw new Error(`the wizard ended before ${what}`);
    await sleep(200);
  }
  const lastLines = text.trim().split('\n').slice(-3).join(' | ');
  throw new Error(`${what} did not appear within ${timeoutMs / 1000} s (screen ends: ${lastLines || 'empty'})`);
}

/** utime + stime (clock ticks) of `pid` and all its descendants. */
function treeTicks(pid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const p = queue.pop()!;
    total += stats.get(p)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === p) queue.push(child);
  }
  return total;
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU used by the pane's processes over `seconds`, as % of one core. */
async function cpuOver(pid: number, seconds: number): Promise<number> {
  const a = treeTicks(pid);
  await sleep(seconds * 1000);
  const b = treeTicks(pid);
  return ((b - a) / CLK_TCK / seconds) * 100;
}

const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

async function wizard(): Promise<void> {
  const idleWhat = 'wizard: CPU, finished chain open, idle (5 s)';
  const spinWhat = 'wizard: CPU with slow checks spinning (5 s)';
  const memWhat = 'memory: peak RSS of the wizard (demo healthy)';
  if (spawnSync('tmux', ['-V']).status !== 0) {
    for (const w of [idleWhat, spinWhat, memWhat]) notMeasured(w, 'tmux is not installed', w.startsWith('memory') ? '≤ 120 MB' : '≤ 3 %');
    return;
  }
  const uiLaunch = join(ROOT, 'src', 'ui', 'launch.ts');
  if (!existsSync(uiLaunch)) {
    for (const w of [idleWhat, spinWhat, memWhat]) notMeasured(w, 'the wizard (src/ui/launch.ts) has not landed', w.startsWith('memory') ? '≤ 120 MB' : '≤ 3 %');
    return;
  }
  const work = tempDir('acr-bench-wizard-');
  const session = `acr-bench-${process.pid}`;

  // a) The demo's healthy chain, finished, with the wizard open.
  try {
    const rssFile = join(work, 'rss');
    const pid = startInTmux(session, [process.execPath, '--import', PROBE, BIN, 'demo', 'healthy', '--yes'], {
      ACR_DOCTOR_BENCH_RSS_FILE: rssFile,
      NO_COLOR: '1',
    });
    await waitForPane(session, (t) => /\d+ passed/.test(t) && !SPINNER.test(t), 90_000, 'the finished chain ("N passed", no spinner)');
    await sleep(1000);
    const idle = await cpuOver(pid, 5);
    add(idleWhat, `${idle.toFixed(2)} % of a core`, '≤ 3 %', idle <= 3);
    tmux('send-keys', '-t', session, 'q');
    for (let i = 0; i < 100 && !existsSync(rssFile); i += 1) await sleep(100);
    if (existsSync(rssFile)) {
      const rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
      add(memWhat, `${rssMb.toFixed(1)} MB`, '≤ 120 MB', rssMb <= 120);
    } else {
      notMeasured(memWhat, "the wizard did not exit within 10 s of 'q'", '≤ 120 MB');
    }
  } catch (err) {
    notMeasured(idleWhat, firstLine(err), '≤ 3 %');
    if (!rows.some((r) => r.what === memWhat)) notMeasured(memWhat, 'the wizard run above did not finish', '≤ 120 MB');
  } finally {
    killSession(session);
  }

  // b) Slow checks spinning: docker, helm and az hang (az also holds up registry.cmk and
  //    registry.private-endpoint); the simulated registry answers at once.
  const mod = await loadSimulator();
  if (!mod) {
    notMeasured(spinWhat, simProblem, '≤ 3 %');
    return;
  }
  let sim: RunningSimulator | null = null;
  try {
    const slowBin = join(work, 'bin');
    mkdirSync(slowBin, { recursive: true });
    for (const tool of ['docker', 'helm', 'az']) {
      writeFileSync(join(slowBin, tool), '#!/bin/sh\nexec sleep 120\n');
      chmodSync(join(slowBin, tool), 0o755);
    }
    // A signed-in profile, so the Azure-side checks really start the (hanging) az instead of
    // learning from the profile that nobody is signed in.
    const azConfig = join(work, 'azure');
    mkdirSync(azConfig, { recursive: true });
    writeFileSync(join(azConfig, 'azureProfile.json'), JSON.stringify({ subscriptions: [{ id: '00000000-0000-0000-0000-000000000001', name: 'bench', state: 'Enabled', isDefault: true }] }));
    sim = await withTimeout(mod.startSimulator({ scenario: 'healthy' }), 60_000, 'starting the simulator');
    const pid = startInTmux(session, [process.execPath, BIN, sim.loginServer, ...sim.cliArgs(), '--auth', 'env', '--timeout', '120'], {
      PATH: `${slowBin}:${process.env.PATH ?? ''}`,
      AZURE_CONFIG_DIR: azConfig,
      NO_COLOR: '1',
      AZURE_CLIENT_ID: sim.fixtures.clientId,
      AZURE_CLIENT_SECRET: sim.fixtures.clientSecret,
      AZURE_TENANT_ID: sim.fixtures.tenantId,
    });
    const spinners = (t: string): number => t.split('\n').filter((l) => SPINNER.test(l)).length;
    await waitForPane(session, (t) => spinners(t) >= 5, 60_000, 'five spinning checks');
    // Let the checks that do not hang (registry, auth) finish first.
    await sleep(3000);
    const spinning = spinners(pane(session));
    const cpu = await cpuOver(pid, 5);
    add(`${spinWhat}; ${spinning} spinning`, `${cpu.toFixed(2)} % of a core`, '≤ 3 %', cpu <= 3);
  } catch (err) {
    notMeasured(spinWhat, firstLine(err), '≤ 3 %');
  } finally {
    killSession(session);
    if (sim) await withTimeout(sim.close(), 10_000, 'closing the simulator').catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Package

function pkg(): void {
  const what = 'package: `npm pack` size';
  try {
    // Packed from a staging copy with a fresh build: dist/ in the working tree may hold chunks of
    // builds that others are running right now.
    const work = tempDir('acr-bench-pack-');
    const stage = join(work, 'stage');
    mkdirSync(stage);
    for (const f of ['package.json', 'README.md', 'LICENSE']) if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(stage, f));
    cpSync(join(ROOT, 'bin'), join(stage, 'bin'), { recursive: true });
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--outdir', join(stage, 'dist')], { encoding: 'utf8', timeout: 120_000 });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr.trim().split('\n')[0]}`);
    const r = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: stage, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`npm pack failed: ${(r.stderr ?? '').trim().split('\n').at(-1)}`);
    const info = JSON.parse(r.stdout)[0] as { size: number; unpackedSize: number; entryCount: number };
    add(what, `${(info.size / 1024).toFixed(0)} KiB packed (${(info.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${info.entryCount} files)`, '≤ 1 MB', info.size <= 1024 * 1024);
  } catch (err) {
    notMeasured(what, firstLine(err), '≤ 1 MB');
  }
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const deps = ['dependencies', 'optionalDependencies', 'peerDependencies'].flatMap((f) => Object.keys(manifest[f] ?? {}));
  add('package: what `npx acr-doctor` installs', deps.length ? `the tarball + ${deps.join(', ')}` : 'the tarball only: no runtime dependencies', 'ideally nothing else', deps.length === 0);
}

// ---------------------------------------------------------------------------------------------

function cleanup(): void {
  for (const c of children) c.kill('SIGKILL');
  for (const s of [...tmuxSessions]) killSession(s);
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
}

function printTable(): number {
  const w1 = Math.max(7, ...rows.map((r) => r.what.length));
  const w2 = Math.max(6, ...rows.map((r) => r.figure.length));
  const w3 = Math.max(6, ...rows.map((r) => r.budget.length));
  console.log(`${'measure'.padEnd(w1)}  ${'figure'.padEnd(w2)}  ${'budget'.padEnd(w3)}  verdict`);
  console.log(`${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ${'-'.repeat(w3)}  -------`);
  for (const r of rows) console.log(`${r.what.padEnd(w1)}  ${r.figure.padEnd(w2)}  ${r.budget.padEnd(w3)}  ${r.verdict ?? ''}`.trimEnd());
  const missed = rows.filter((r) => r.verdict === 'MISSED').length;
  const unknown = rows.filter((r) => r.verdict === 'NOT MEASURED').length;
  console.log(
    missed || unknown
      ? `\n${missed} budget(s) missed, ${unknown} not measured (Node ${process.version}, ${process.platform}, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`
      : `\nall budgets met (Node ${process.version})`,
  );
  return missed || unknown ? 1 : 0;
}

const watchdog = setTimeout(() => {
  notMeasured('bench', `stopped after ${WHOLE_BENCH_LIMIT_MS / 60_000} minutes`, '—');
  cleanup();
  process.exit(printTable() || 1);
}, WHOLE_BENCH_LIMIT_MS);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    cleanup();
    process.exit(130);
  });
}

let code = 1;
try {
  for (const [name, part] of [
    ['startup', startup],
    ['chain', chain],
    ['wizard', wizard],
    ['package', async () => pkg()],
  ] as const) {
    // ACR_DOCTOR_BENCH_ONLY=wizard,package runs a part alone while working on it.
    const only = process.env.ACR_DOCTOR_BENCH_ONLY?.split(',').map((x) => x.trim());
    if (only && !only.includes(name)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    try {
      await part();
    } catch (err) {
      notMeasured(name, firstLine(err), '—');
    }
  }
} finally {
  clearTimeout(watchdog);
  cleanup();
  code = printTable();
}
process.exit(code);
