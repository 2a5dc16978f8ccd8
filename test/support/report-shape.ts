import { expect } from 'vitest';
import { CHECK_IDS } from '../../src/checks/ids.js';

const STATUSES = ['pass', 'warn', 'fail', 'skip'];
const GROUPS = ['environment', 'registry', 'auth', 'repository'];

/** Asserts that a parsed `check --json` document has exactly the contract's shape (schemaVersion 1). */
export function expectContractReport(doc: unknown): void {
  const r = doc as Record<string, any>;
  expect(Object.keys(r).sort()).toEqual(['checks', 'durationMs', 'schemaVersion', 'startedAt', 'summary', 'target', 'tool'].sort());
  expect(r.schemaVersion).toBe(1);
  expect(r.tool).toEqual({ name: 'acr-doctor', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  expect(Number.isNaN(Date.parse(r.startedAt))).toBe(false);
  expect(Number.isInteger(r.durationMs)).toBe(true);
  if (r.target !== null) {
    expect(Object.keys(r.target).sort()).toEqual(['cloud', 'input', 'loginServer', 'registryName']);
  }
  const counts = { passed: 0, warnings: 0, failed: 0, skipped: 0 };
  for (const c of r.checks as Record<string, any>[]) {
    expect(Object.keys(c).sort()).toEqual(
      ['blockedBy', 'code', 'details', 'durationMs', 'group', 'id', 'remediations', 'status', 'summary', 'title'].sort(),
    );
    expect(CHECK_IDS).toContain(c.id);
    expect(GROUPS).toContain(c.group);
    expect(STATUSES).toContain(c.status);
    expect(typeof c.title).toBe('string');
    expect(typeof c.summary).toBe('string');
    expect(c.blockedBy === null || typeof c.blockedBy === 'string').toBe(true);
    if (c.status === 'pass') expect(c.code).toBeNull();
    else if (c.status !== 'skip') expect(c.code).toMatch(/^[A-Z_]+$/);
    expect(typeof c.details).toBe('object');
    for (const m of c.remediations as Record<string, any>[]) {
      expect(typeof m.id).toBe('string');
      expect(typeof m.title).toBe('string');
      expect(typeof m.changes).toBe('boolean');
      expect(m.command === null || (Array.isArray(m.command) && m.command.every((a: unknown) => typeof a === 'string'))).toBe(true);
    }
    counts[({ pass: 'passed', warn: 'warnings', fail: 'failed', skip: 'skipped' } as const)[c.status as 'pass']] += 1;
  }
  expect(r.summary).toEqual(counts);
}
