import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeCheck, renderWizard, type Rendered } from './helpers.js';

let r: Rendered | null = null;
let dir: string | null = null;
afterEach(async () => {
  await r?.unmount();
  r = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('e pressed twice in a row', () => {
  it('overwrites nothing and still tells where the transcript is, instead of only "already exists"', async () => {
    dir = mkdtempSync(join(tmpdir(), 'acr-ui-export-'));
    r = await renderWizard({ checks: [fakeCheck('docker.command', 'environment', { status: 'pass', summary: 'ok' })], controller: { cwd: dir, now: () => new Date('2026-11-22T15:00:00Z') } });
    await r.waitFor((f) => f.includes('1 passed'), 'done');
    await r.press('e');
    await r.waitFor((f) => f.includes('Saved:'), 'first export');
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    const before = files.map((f) => statSync(join(dir!, f)).mtimeMs);
    await r.press('e');
    // Same second: the name is taken. The person must learn the transcript is saved, and where.
    const f = await r.waitFor((x) => /already/i.test(x), 'second export answer');
    const second = readdirSync(dir).sort();
    expect(second).toEqual(files);
    expect(second.map((x) => statSync(join(dir!, x)).mtimeMs)).toEqual(before);
    expect(f.replace(/\s+/g, '')).toContain(join(dir, files[0]!).replace(/\s+/g, ''));
    expect(f).toContain('Already saved a moment ago');
    expect(f.replace(/\s+/g, ' ')).toContain('Nothing was overwritten');
  });

  it('a file that was there before this session is still only refused, with its name', async () => {
    dir = mkdtempSync(join(tmpdir(), 'acr-ui-export-'));
    const now = new Date('2026-11-22T15:00:00Z');
    writeFileSync(join(dir, 'acr-doctor-myreg-20261122-150000.md'), 'theirs');
    r = await renderWizard({ checks: [fakeCheck('docker.command', 'environment', { status: 'pass', summary: 'ok' })], controller: { cwd: dir, now: () => now } });
    await r.waitFor((f) => f.includes('1 passed'), 'done');
    await r.press('e');
    const f = await r.waitFor((x) => x.includes('already exists'), 'refusal');
    expect(f.replace(/\s+/g, ' ')).toContain('nothing was overwritten');
    expect(readFileSync(join(dir, 'acr-doctor-myreg-20261122-150000.md'), 'utf8')).toBe('theirs');
  });
});
