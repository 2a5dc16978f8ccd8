import { mkdtempSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pickSource } from '../../../src/checks/auth/pick-source.js';
import { findOnPath } from '../../../src/checks/auth/path.js';

const SP = { AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's', AZURE_TENANT_ID: 't' };
const none = (): null => null;

describe('--auth auto', () => {
  it('prefers basic with --username, then env variables, then az on PATH, then anonymous', () => {
    expect(pickSource('auto', 'admin', SP, 'linux', () => '/usr/bin/az').source).toBe('basic');
    expect(pickSource('auto', null, SP, 'linux', () => '/usr/bin/az').source).toBe('env');
    expect(pickSource('auto', null, { AZURE_CLIENT_ID: 'c', AZURE_TENANT_ID: 't' }, 'linux', () => '/usr/bin/az')).toMatchObject({ source: 'az', azPath: '/usr/bin/az' });
    expect(pickSource('auto', null, {}, 'linux', none)).toMatchObject({ source: 'anonymous', reasonKey: 'auth.reason.none' });
  });

  it('keeps an explicit mode even when another source is available', () => {
    expect(pickSource('anonymous', null, SP, 'linux', () => '/usr/bin/az')).toMatchObject({ source: 'anonymous', reasonKey: null });
    expect(pickSource('az', null, SP, 'linux', none)).toMatchObject({ source: 'az', azPath: null });
  });
});

describe('findOnPath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-path-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds an executable in the given PATH, not in this process PATH', () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'az'), '#!/bin/sh\n');
    chmodSync(join(bin, 'az'), 0o755);
    writeFileSync(join(bin, 'helm'), 'not executable');
    expect(findOnPath('az', { PATH: `/nonexistent:${bin}` }, 'linux')).toBe(join(bin, 'az'));
    expect(findOnPath('helm', { PATH: bin }, 'linux')).toBeNull();
    expect(findOnPath('az', { PATH: '/nonexistent' }, 'linux')).toBeNull();
  });

  it('tries PATHEXT on Windows and reads the Path spelling', () => {
    const seen: string[] = [];
    const found = findOnPath('az', { Path: 'C:\\Tools;C:\\Azure\\CLI2\\wbin', PATHEXT: '.EXE;.CMD' }, 'win32', (f) => {
      seen.push(f);
      return f === 'C:\\Azure\\CLI2\\wbin\\az.CMD';
    });
    expect(found).toBe('C:\\Azure\\CLI2\\wbin\\az.CMD');
    expect(seen).toContain('C:\\Tools\\az.EXE');
  });

  it('refuses names that could escape the directory', () => {
    expect(findOnPath('../az', { PATH: dir }, 'linux', () => true)).toBeNull();
  });
});
