import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTranscript } from '../../src/transcript/document.js';
import { loadTranscript, TranscriptLoadError } from '../../src/transcript/load.js';
import { recordSession } from './fixture.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'acr-doctor-load-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function goodDoc(): Promise<Record<string, unknown>> {
  const rec = await recordSession();
  return JSON.parse(JSON.stringify(buildTranscript(rec.input)));
}

async function messageFor(content: string | null, name = 'x.json'): Promise<string> {
  const file = join(dir, name);
  if (content !== null) writeFileSync(file, content);
  const err = await loadTranscript(file, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TranscriptLoadError);
  const message = (err as Error).message;
  // One sentence, on one line, naming the file as given.
  expect(message).not.toContain('\n');
  expect(message).toContain(name);
  return message;
}

describe('loading a transcript for replay', () => {
  it('accepts what export writes', async () => {
    const doc = await goodDoc();
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(doc));
    const loaded = await loadTranscript(join(dir, 'ok.json'));
    expect(loaded.events.length).toBe((doc.events as unknown[]).length);
  });

  it('says when the file is missing, not JSON, or not a transcript', async () => {
    expect(await messageFor(null, 'nope.json')).toMatch(/does not exist/);
    expect(await messageFor('{"schemaVersion": 1,')).toMatch(/is not JSON/);
    expect(await messageFor('[1,2,3]')).toMatch(/not an acr-doctor transcript/);
    expect(await messageFor('{"hello":"world"}')).toMatch(/not an acr-doctor transcript/);
  });

  it('tells a check --json report apart from a transcript', async () => {
    const doc = await goodDoc();
    delete doc.kind;
    delete doc.events;
    expect(await messageFor(JSON.stringify(doc))).toMatch(/check report without the session's events/);
  });

  it('refuses a newer schema version and names both versions', async () => {
    const doc = await goodDoc();
    doc.schemaVersion = 2;
    expect(await messageFor(JSON.stringify(doc))).toMatch(/newer acr-doctor \(transcript schema 2, this version reads up to 1\)/);
  });

  it('calls a transcript with malformed events or checks damaged', async () => {
    const bad = async (mutate: (d: Record<string, unknown>) => void): Promise<string> => {
      const doc = await goodDoc();
      mutate(doc);
      return messageFor(JSON.stringify(doc));
    };
    expect(await bad((d) => (d.events = 'nope'))).toMatch(/damaged/);
    expect(await bad((d) => (d.events as unknown[]).push({ type: 'check-finished', at: 'now', result: { id: 1 } }))).toMatch(/damaged/);
    expect(await bad((d) => (d.events as unknown[]).push(null))).toMatch(/damaged/);
    expect(await bad((d) => ((d.checks as Record<string, unknown>[])[0]!.status = 'exploded'))).toMatch(/damaged/);
    expect(await bad((d) => (d.schemaVersion = '1'))).toMatch(/damaged/);
  });

  it('removes terminal control sequences from what it loads', async () => {
    const doc = await goodDoc();
    (doc.events as Record<string, unknown>[]).push({
      type: 'check-progress',
      at: '2026-11-22T14:00:00.000Z',
      id: 'registry.challenge',
      message: 'evil \u001b]0;title\u0007\u001b[2J\u001b[31mred\u001b[0m\rclear\u0008',
    });
    writeFileSync(join(dir, 'c.json'), JSON.stringify(doc));
    const loaded = await loadTranscript(join(dir, 'c.json'));
    const last = loaded.events.at(-1) as { message: string };
    expect(last.message).toBe('evil redclear');
  });
});
