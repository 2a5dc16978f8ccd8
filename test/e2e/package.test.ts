import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/tools.js';

// What `npx acr-doctor` downloads: the tarball `npm pack` makes. It is packed from a staging copy
// (package.json, README, bin/ and a fresh build in dist/) so that other builds running in the
// working tree at the same time cannot leave extra chunks in it, and nothing in the repository changes.

const work = mkdtempSync(join(tmpdir(), 'acr-doctor-pack-'));
const stage = join(work, 'stage');
const installed = join(work, 'installed');
let tarball = '';
let entries: string[] = [];

function run(cmd: string, args: string[], cwd: string, timeout = 60_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return r;
}

function runInstalled(args: string[], nodeArgs: string[] = [], extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extraEnv };
  // No node_modules anywhere above the extracted copy may help it: NODE_PATH would.
  delete env.NODE_PATH;
  return spawnSync(process.execPath, [...nodeArgs, join(installed, 'bin', 'acr-doctor.js'), ...args], { cwd: installed, encoding: 'utf8', timeout: 60_000, env });
}

/** The bundle files a command really loads, recorded by a module resolution hook. */
function loadedChunks(args: string[]): string[] {
  const log = join(work, `loaded-${args.join('-').replace(/[^\w-]/g, '')}.txt`);
  const hooks = join(work, 'hooks.mjs');
  const register = join(work, 'register.mjs');
  writeFileSync(
    hooks,
    "import { appendFileSync } from 'node:fs';\n" +
      'export async function resolve(specifier, context, next) {\n' +
      '  const r = await next(specifier, context);\n' +
      "  if (process.env.LOADED_LOG && r.url.startsWith('file:')) appendFileSync(process.env.LOADED_LOG, r.url + '\\n');\n" +
      '  return r;\n}\n',
  );
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
  rmSync(log, { force: true });
  const r = runInstalled(args, ['--import', register], { LOADED_LOG: log });
  expect(r.error).toBeUndefined();
  const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  return [...new Set(urls.filter((u) => u.includes('/dist/')).map((u) => u.slice(u.lastIndexOf('/') + 1)))];
}

/** Which heavy libraries the given dist files carry, by strings each library's code contains. */
function heavyIn(files: string[]): string[] {
  const markers: [string, RegExp][] = [
    ['undici', /llhttp/],
    ['execa', /execa/],
    ['ink', /["']ink-(box|text)["']/],
    ['simulator', /simreg/],
  ];
  const texts = files.map((f) => readFileSync(join(installed, 'dist', f), 'utf8'));
  return markers.filter(([, re]) => texts.some((t) => re.test(t))).map(([name]) => name);
}

/** Chunks cli.js loads before main() runs: its static imports, followed transitively (dynamic import() excluded). */
function entryClosure(dist: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(dist, file), 'utf8');
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+)["']/g)) visit(m[1]!);
  };
  visit('cli.js');
  return [...seen];
}

beforeAll(() => {
  mkdirSync(stage, { recursive: true });
  for (const f of ['package.json', 'README.md', 'LICENSE']) if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(stage, f));
  cpSync(join(ROOT, 'bin'), join(stage, 'bin'), { recursive: true });
  const build = run(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--outdir', join(stage, 'dist')], ROOT);
  expect(build.status, build.stderr).toBe(0);
  // --ignore-scripts: prepack would build into the staging copy's own (absent) sources.
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], stage);
  expect(pack.status, pack.stderr).toBe(0);
  const info = JSON.parse(pack.stdout) as { filename: string }[];
  tarball = join(work, info[0]!.filename);
  entries = run('tar', ['-tzf', tarball], work).stdout.split('\n').filter(Boolean);
  mkdirSync(installed);
  expect(run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], work).status).toBe(0);
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds only the launcher, the bundle, the README and package.json', () => {
    const files = entries.map((e) => e.replace(/^package\//, ''));
    expect(files).toContain('bin/acr-doctor.js');
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    const unexpected = files.filter((f) => !/^(bin\/|dist\/)/.test(f) && !['package.json', 'README.md', 'LICENSE'].includes(f));
    expect(unexpected).toEqual([]);
    // The bundle is JavaScript only: no sources, maps or leftovers of a build.
    expect(files.filter((f) => f.startsWith('dist/') && !f.endsWith('.js'))).toEqual([]);
  });

  it('declares no runtime dependencies, so npx installs nothing but the tarball', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
      expect(Object.keys(manifest[field] ?? {}), field).toEqual([]);
    }
  });

  it('runs from an extracted copy outside the repository, with no node_modules to lean on', () => {
    expect(relative(realpathSync(ROOT), realpathSync(installed)).startsWith('..')).toBe(true);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

    const version = runInstalled(['--version']);
    expect(version.stderr).toBe('');
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${manifest.version}\n`);

    const check = runInstalled(['check', '--json', '--skip', 'environment']);
    expect(check.stderr).toBe('');
    expect([0, 1]).toContain(check.status);
    const report = JSON.parse(check.stdout) as { tool: { name: string; version: string }; checks: { id: string; status: string }[] };
    expect(report.tool).toEqual({ name: 'acr-doctor', version: manifest.version });
    expect(report.checks.filter((c) => c.id.startsWith('docker.')).every((c) => c.status === 'skip')).toBe(true);
  });

  it('--version and --help load none of undici, execa, Ink or the simulator; check loads undici but not Ink', () => {
    const check = loadedChunks(['check', '--json', '--skip', 'environment']);
    // The hook sees the bundle at all (else the assertions below would prove nothing).
    expect(check).toContain('cli.js');
    expect(heavyIn(check)).toContain('undici');
    expect(heavyIn(check)).not.toContain('ink');
    expect(heavyIn(loadedChunks(['--help']))).toEqual([]);
    expect(heavyIn(loadedChunks(['--version', '--lang', 'sv']))).toEqual([]);
  });

  it('keeps Ink and React out of what the entry chunk loads', () => {
    const dist = join(installed, 'dist');
    // Ink names its host elements ink-box and ink-text; the wizard's chunk must carry them.
    const withInk = readdirSync(dist).filter((f) => /["']ink-(box|text)["']/.test(readFileSync(join(dist, f), 'utf8')));
    expect(withInk.length).toBeGreaterThan(0);
    const closure = entryClosure(dist);
    expect(closure).toContain('cli.js');
    expect(closure.filter((f) => withInk.includes(f))).toEqual([]);
    for (const f of closure) expect(readFileSync(join(dist, f), 'utf8'), f).not.toMatch(/react\.transitional\.element|react\.element/);
  });
});
