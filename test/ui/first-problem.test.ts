import { describe, expect, it } from 'vitest';
import { firstProblem } from '../../src/ui/first-problem.js';
import type { CheckRow } from '../../src/engine/store.js';
import type { Group, Status } from '../../src/engine/types.js';

const row = (id: string, group: Group, status: Status | null): CheckRow => ({
  id,
  group,
  title: id,
  dependsOn: [],
  state:
    status === null
      ? { phase: 'pending' }
      : { phase: 'done', result: { id, group, title: id, status, code: null, summary: '', blockedBy: null, durationMs: 0, details: {}, remediations: [] } },
});

describe('where the cursor lands after a chain', () => {
  it('prefers the first failure', () => {
    expect(firstProblem([row('helm', 'environment', 'warn'), row('dns', 'registry', 'fail'), row('tok', 'auth', 'fail')])?.id).toBe('dns');
  });
  it('without failures, prefers a registry or auth warning over an environment one', () => {
    expect(firstProblem([row('helm', 'environment', 'warn'), row('refresh', 'auth', 'warn')])?.id).toBe('refresh');
  });
  it('falls back to an environment warning, and to nothing when all passed', () => {
    expect(firstProblem([row('helm', 'environment', 'warn'), row('dns', 'registry', 'pass')])?.id).toBe('helm');
    expect(firstProblem([row('dns', 'registry', 'pass')])).toBeUndefined();
  });
});
