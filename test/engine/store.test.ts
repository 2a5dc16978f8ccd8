import { describe, expect, it } from 'vitest';
import { countStatuses, initialState, reduce, results, type SessionState } from '../../src/engine/store.js';
import type { CheckResult, EngineEvent } from '../../src/engine/types.js';

const at = '2026-11-22T14:00:00.000Z';
const result = (id: string, status: CheckResult['status']): CheckResult => ({
  id,
  group: 'environment',
  title: id,
  status,
  code: status === 'pass' ? null : 'X',
  summary: '',
  blockedBy: null,
  durationMs: 1,
  details: {},
  remediations: [],
});

const fold = (events: EngineEvent[], from: SessionState = initialState) => events.reduce(reduce, from);

describe('session store', () => {
  it('follows a check from pending to running to done', () => {
    const checks = [{ id: 'a', group: 'environment' as const, title: 'A', dependsOn: [] }];
    let s = fold([{ type: 'run-started', at, checks }]);
    expect(s.rows[0]!.state.phase).toBe('pending');
    s = fold([{ type: 'check-started', at, id: 'a' }, { type: 'check-progress', at, id: 'a', message: 'waiting for docker' }], s);
    expect(s.rows[0]!.state).toMatchObject({ phase: 'running', progress: 'waiting for docker' });
    s = fold([{ type: 'check-finished', at, result: result('a', 'fail') }, { type: 'run-finished', at, durationMs: 5, interrupted: false }], s);
    expect(results(s).map((r) => r.status)).toEqual(['fail']);
    expect(s.running).toBe(false);
  });

  it('a re-run resets only the checks it runs', () => {
    const checks = [
      { id: 'a', group: 'environment' as const, title: 'A', dependsOn: [] },
      { id: 'b', group: 'environment' as const, title: 'B', dependsOn: ['a'] },
    ];
    let s = fold([
      { type: 'run-started', at, checks },
      { type: 'check-finished', at, result: result('a', 'pass') },
      { type: 'check-finished', at, result: result('b', 'fail') },
      { type: 'run-finished', at, durationMs: 5, interrupted: false },
    ]);
    s = fold([{ type: 'run-started', at, checks: [checks[1]!] }], s);
    expect(s.rows.map((r) => r.state.phase)).toEqual(['done', 'pending']);
  });

  it('records remediation runs with bounded output', () => {
    const s = fold([
      { type: 'remediation-started', at, runId: 'r1', checkId: 'a', remediationId: 'fix', title: 'Fix', argv: ['az', 'login'] },
      { type: 'remediation-output', at, runId: 'r1', stream: 'stdout', text: 'x'.repeat(70_000) },
      { type: 'remediation-output', at, runId: 'r1', stream: 'stdout', text: 'END' },
      { type: 'remediation-finished', at, runId: 'r1', exitCode: 0, durationMs: 12, cancelled: false },
    ]);
    const run = s.remediationRuns[0]!;
    expect(run.output.endsWith('END')).toBe(true);
    expect(run.output.length).toBeLessThanOrEqual(64 * 1024);
    expect(run).toMatchObject({ exitCode: 0, finished: true });
  });

  it('counts statuses for the summary line', () => {
    expect(countStatuses([result('a', 'pass'), result('b', 'warn'), result('c', 'fail'), result('d', 'skip'), result('e', 'pass')])).toEqual({
      passed: 2,
      warnings: 1,
      failed: 1,
      skipped: 1,
    });
  });
});
