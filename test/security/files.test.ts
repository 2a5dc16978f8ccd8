import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTranscript, TranscriptLoadError } from '../../src/transcript/load.js';
import { writeFileAtomic, FileExistsError } from '../../src/transcript/atomic-write.js';
import { pairBaseName } from '../../src/transcript/export.js';
import { hasCommand, requireTool } from '../support/tools.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'acr-doctor-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('replay reads', () => {
  it('stop at the size limit instead of reading the whole file', async () => {
    const file = join(dir, 'big.json');
    writeFileSync(file, `{"pad":"${'x'.repeat(10_000)}"}`);
    await expect(loadTranscript(file, 'big.json', 4096)).rejects.toThrow(TranscriptLoadError);
    await expect(loadTranscript(file, 'big.json', 4096)).rejects.toThrow(/big\.json/);
  });

  it.skipIf(!requireTool(hasCommand('mkfifo'), 'mkfifo'))('refuse a FIFO without blocking on it', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    await expect(loadTranscript(fifo, 'pipe.json')).rejects.toThrow(TranscriptLoadError);
  });
});

describe('exports', () => {
  it('never replace an existing file and leave no temp file behind', async () => {
    const file = join(dir, 'out.json');
    writeFileSync(file, 'mine');
    await expect(writeFileAtomic(file, 'theirs')).rejects.toBeInstanceOf(FileExistsError);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('name the transcript pair only from safe characters, whatever a replayed transcript claims as target', () => {
    const hostile = { input: 'x', registryName: null, loginServer: '../../etc/passwd\u001b[2J', cloud: 'AzureCloud' as const };
    const name = pairBaseName(hostile, new Date(0));
    expect(name).toMatch(/^acr-doctor-[A-Za-z0-9.-]+-\d{8}-\d{6}$/);
    expect(name).not.toContain('/');
    expect(name).not.toContain('..');
  });
});
