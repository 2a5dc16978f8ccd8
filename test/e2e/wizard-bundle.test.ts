import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/tools.js';

// Ink and React load only when the wizard opens: --version, --help, check and explain stay fast.
const DIST = join(ROOT, 'dist');
const INK_MARK = 'Raw mode is not supported';

const read = (f: string): string => readFileSync(join(DIST, f), 'utf8');
const staticImports = (f: string): string[] => [...read(f).matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)].map((m) => m[1]!);
const dynamicImports = (f: string): string[] => [...read(f).matchAll(/import\("\.\/([\w-]+\.js)"\)/g)].map((m) => m[1]!);

/** Every file loaded together with `f` (its static imports, transitively). */
function staticClosure(f: string, seen = new Set<string>()): Set<string> {
  if (seen.has(f)) return seen;
  seen.add(f);
  for (const d of staticImports(f)) staticClosure(d, seen);
  return seen;
}

/** Every file that may ever load from `f`, static or dynamic. */
function fullClosure(f: string, seen = new Set<string>()): Set<string> {
  if (seen.has(f)) return seen;
  seen.add(f);
  for (const d of [...staticImports(f), ...dynamicImports(f)]) fullClosure(d, seen);
  return seen;
}

const hasInk = (files: Set<string>): boolean => [...files].some((f) => read(f).includes(INK_MARK));

describe('the bundle keeps Ink out of the non-wizard paths', () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  }, 60_000);

  it('cli.js and what it loads statically have no Ink; check and explain neither; the wizard chunk brings it', () => {
    expect(hasInk(staticClosure('cli.js'))).toBe(false);
    const lazy = new Set([...fullClosure('cli.js')].flatMap((f) => dynamicImports(f)));
    for (const f of lazy) {
      if (/^(check|explain|help|args)-/.test(f)) expect(hasInk(staticClosure(f)), f).toBe(false);
    }
    const launch = [...lazy].find((f) => f.startsWith('launch-'));
    expect(launch).toBeDefined();
    expect(hasInk(staticClosure(launch!))).toBe(true);
  });
});
