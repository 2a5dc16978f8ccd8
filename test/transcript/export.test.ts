import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { results } from '../../src/engine/store.js';
import { ExportExistsError, exportPair, exportToFile, pairBaseName, transcriptAvailable } from '../../src/transcript/export.js';
import { loadTranscript } from '../../src/transcript/load.js';
import { foldEvents } from '../../src/transcript/runs.js';
import { renderReplayPlain } from '../../src/transcript/replay-text.js';
import { leaks, recordSession, SEED, TARGET } from './fixture.js';
import { requireTool } from '../support/tools.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'acr-doctor-export-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('transcript export', () => {
  it('is available', () => {
    expect(transcriptAvailable).toBe(true);
  });

  it('round-trips: the loaded events fold to the same checks, statuses and remediation runs', async () => {
    const rec = await recordSession();
    const file = join(dir, 'session.json');
    await exportToFile(file, rec.input);
    const doc = await loadTranscript(file);
    const replayed = foldEvents(doc.events);

    const before = results(rec.state).map((c) => [c.id, c.status, c.code]);
    expect(results(replayed).map((c) => [c.id, c.status, c.code])).toEqual(before);
    // The re-run after the fix is what the final state shows.
    expect(results(replayed).find((c) => c.id === 'registry.challenge')?.status).toBe('pass');
    expect(doc.checks.map((c) => [c.id, c.status, c.code])).toEqual(before);

    const runs = (s: typeof replayed) =>
      s.remediationRuns.map((r) => ({ checkId: r.checkId, argv: r.argv, exitCode: r.exitCode, finished: r.finished, cancelled: r.cancelled }));
    expect(runs(replayed)).toEqual(runs(rec.state));
    expect(replayed.remediationRuns[0]!.output).toContain('"loginServer": "myreg.azurecr.io"');
    expect(replayed.interactions).toEqual([expect.objectContaining({ id: 'q1', answer: true, checkId: 'registry.challenge' })]);

    const plain = renderReplayPlain(doc, { color: false });
    for (const c of results(rec.state)) expect(plain).toContain(c.title);
    expect(plain).toContain('az acr network-rule add --name myreg --ip-address 203.0.113.7');
    expect(plain).toContain('exit code 0');
    expect(plain).toContain('Check afterwards: passed');
  });

  it('writes the contract report plus kind, session, identity and events', async () => {
    const rec = await recordSession();
    const file = join(dir, 'session.json');
    await exportToFile(file, rec.input);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.kind).toBe('acr-doctor-transcript');
    expect(doc.tool.name).toBe('acr-doctor');
    expect(doc.target).toEqual({ input: 'myreg', registryName: 'myreg', loginServer: 'myreg.azurecr.io', cloud: 'AzureCloud' });
    expect(doc.summary).toEqual({ passed: 3, warnings: 0, failed: 1, skipped: 0 });
    expect(Object.keys(doc.checks[0]).sort()).toEqual(
      ['blockedBy', 'code', 'details', 'durationMs', 'group', 'id', 'remediations', 'status', 'summary', 'title'].sort(),
    );
    expect(doc.identity).toEqual(expect.objectContaining({ kind: 'user', name: 'alice@contoso.com' }));
    expect(doc.session).toEqual(
      expect.objectContaining({ mode: 'wizard', proxy: 'http://127.0.0.1:3128', platform: process.platform, nodeVersion: process.version }),
    );
    const types = new Set(doc.events.map((e: { type: string }) => e.type));
    for (const t of ['session-info', 'run-started', 'check-started', 'check-finished', 'prompt', 'answer', 'remediation-started', 'remediation-output', 'remediation-finished', 'run-finished']) {
      expect(types).toContain(t);
    }
    for (const e of doc.events) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
  });

  it('lets no seeded secret into the JSON or the Markdown', async () => {
    const rec = await recordSession();
    // The recording itself does hold them (that is what makes this test able to fail).
    expect(leaks(JSON.stringify(rec.events)).length).toBeGreaterThan(5);
    const json = join(dir, 'a.json');
    const md = join(dir, 'a.md');
    await exportToFile(json, rec.input);
    await exportToFile(md, rec.input);
    for (const f of [json, md]) {
      const text = readFileSync(f, 'utf8');
      expect(leaks(text), f).toEqual([]);
      expect(text).toContain('[REDACTED]');
    }
    // Evidence that is not secret survives the scrubbing.
    const text = readFileSync(json, 'utf8');
    expect(text).toContain('203.0.113.7');
    expect(text).toContain('https://acct.blob.core.windows.net/c/blob?sv=2021-08-06&se=2026-01-01&sig=[REDACTED]');
    expect(text).toContain('Bearer realm=\\"https://myreg.azurecr.io/oauth2/token\\"');
  });

  it('keeps the tail of a very long output so that folding the file gives what the screen showed', async () => {
    const rec = await recordSession();
    const long = Array.from({ length: 9000 }, (_, i) => `progress line ${i}`).join('\n');
    const at = new Date().toISOString();
    const events = [
      ...rec.events,
      { type: 'remediation-started' as const, at, runId: 'r2', checkId: 'registry.challenge', remediationId: 'x', title: 'Long', argv: ['az', 'version'] },
      { type: 'remediation-output' as const, at, runId: 'r2', stream: 'stdout' as const, text: long.slice(0, 70_000) },
      { type: 'remediation-output' as const, at, runId: 'r2', stream: 'stdout' as const, text: long.slice(70_000) },
      { type: 'remediation-finished' as const, at, runId: 'r2', exitCode: 0, durationMs: 5, cancelled: false },
    ];
    const file = join(dir, 'long.json');
    await exportToFile(file, { ...rec.input, events, state: foldEvents(events) });
    const doc = await loadTranscript(file);
    const r2 = (e: { type: string; runId?: string }) => e.type === 'remediation-output' && e.runId === 'r2';
    expect(doc.events.filter(r2)).toHaveLength(1);
    expect(foldEvents(doc.events).remediationRuns[1]!.output).toBe(foldEvents(events).remediationRuns[1]!.output);
    expect(readFileSync(file, 'utf8').length).toBeLessThan(long.length);
  });

  it('never overwrites an existing file unless told to', async () => {
    const rec = await recordSession();
    const file = join(dir, 'taken.md');
    writeFileSync(file, 'keep me');
    await expect(exportToFile(file, rec.input)).rejects.toBeInstanceOf(ExportExistsError);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    await exportToFile(file, rec.input, { overwrite: true });
    expect(readFileSync(file, 'utf8')).toMatch(/^# acr-doctor session: myreg\.azurecr\.io/);
    expect(readdirSync(dir)).toEqual(['taken.md']);
  });

  it('lets exactly one of two simultaneous writers win, leaving one complete file and no temp files', async () => {
    const rec = await recordSession();
    const file = join(dir, 'race.json');
    const settled = await Promise.allSettled(Array.from({ length: 4 }, () => exportToFile(file, rec.input)));
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    for (const s of settled.filter((x) => x.status === 'rejected')) {
      expect((s as PromiseRejectedResult).reason).toBeInstanceOf(ExportExistsError);
    }
    expect(JSON.parse(readFileSync(file, 'utf8')).kind).toBe('acr-doctor-transcript');
    expect(readdirSync(dir)).toEqual(['race.json']);
  });

  it.skipIf(!requireTool(process.platform !== 'win32', 'POSIX file modes'))('is readable by its owner only', async () => {
    const rec = await recordSession();
    const file = join(dir, 'private.json');
    await exportToFile(file, rec.input);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('leaves nothing behind when the folder cannot be written', async () => {
    const rec = await recordSession();
    await expect(exportToFile(join(dir, 'missing', 'x.json'), rec.input)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an extension other than .md and .json', async () => {
    const rec = await recordSession();
    await expect(exportToFile(join(dir, 'x.txt'), rec.input)).rejects.toThrow(/\.md or \.json/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('exportPair', () => {
  const now = new Date(Date.UTC(2026, 10, 22, 9, 5, 7));

  it('writes acr-doctor-<registry>-<YYYYMMDD-HHMMSS>.md and .json side by side', async () => {
    const rec = await recordSession();
    const paths = await exportPair(dir, rec.input, { now });
    expect(paths).toEqual([join(dir, 'acr-doctor-myreg-20261122-090507.md'), join(dir, 'acr-doctor-myreg-20261122-090507.json')]);
    expect(readdirSync(dir).sort()).toEqual(['acr-doctor-myreg-20261122-090507.json', 'acr-doctor-myreg-20261122-090507.md']);
    expect(leaks(readFileSync(paths[0]!, 'utf8') + readFileSync(paths[1]!, 'utf8'))).toEqual([]);
  });

  it('names a session without a registry "local" and makes host:port safe for a file name', () => {
    expect(pairBaseName(null, now)).toBe('acr-doctor-local-20261122-090507');
    expect(pairBaseName({ ...TARGET, registryName: null, loginServer: '127.0.0.1:5000' }, now)).toBe('acr-doctor-127.0.0.1-5000-20261122-090507');
  });

  it('writes neither file when one of them exists, and both when overwriting is allowed', async () => {
    const rec = await recordSession();
    writeFileSync(join(dir, 'acr-doctor-myreg-20261122-090507.json'), 'old');
    await expect(exportPair(dir, rec.input, { now })).rejects.toBeInstanceOf(ExportExistsError);
    expect(readdirSync(dir)).toEqual(['acr-doctor-myreg-20261122-090507.json']);
    const paths = await exportPair(dir, rec.input, { now, overwrite: true });
    expect(JSON.parse(readFileSync(paths[1]!, 'utf8')).schemaVersion).toBe(1);
  });

  it('scrubs values of secret environment variables even when the caller did not pass them', async () => {
    const rec = await recordSession();
    const saved = process.env.ACR_DOCTOR_PASSWORD;
    process.env.ACR_DOCTOR_PASSWORD = SEED.password;
    try {
      const paths = await exportPair(dir, { ...rec.input, secrets: [] }, { now });
      expect(readFileSync(paths[1]!, 'utf8')).not.toContain(SEED.password);
    } finally {
      if (saved === undefined) delete process.env.ACR_DOCTOR_PASSWORD;
      else process.env.ACR_DOCTOR_PASSWORD = saved;
    }
  });
});
