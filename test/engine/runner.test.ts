import { describe, expect, it } from 'vitest';
import { runChecks, type RunRequest } from '../../src/engine/runner.js';
import { runProcess } from '../../src/probes/process.js';
import type { CheckDefinition, CheckOutcome, EngineEvent, Probes, SessionOptions } from '../../src/engine/types.js';
import { makeOptions } from '../support/options.js';

const probes = {
  runProcess,
  env: process.env,
  platform: process.platform,
  http: { request: async () => Promise.reject(new Error('no http in engine tests')), stats: () => ({ requests: 0, connections: {} }), close: async () => {} },
} as Probes;

function def(id: string, run: CheckDefinition['run'], dependsOn: string[] = [], extra: Partial<CheckDefinition> = {}): CheckDefinition {
  return { id, group: 'environment', title: `Check ${id}`, dependsOn, codes: [`${id.toUpperCase()}_ERROR`], run, ...extra };
}

const pass = (summary = 'ok', data: Record<string, unknown> = {}): CheckOutcome => ({ status: 'pass', summary, data });

async function run(checks: CheckDefinition[], options: Partial<SessionOptions> = {}, extra: Partial<RunRequest> = {}) {
  const events: EngineEvent[] = [];
  const outcome = await runChecks({
    checks,
    options: makeOptions(options),
    target: null,
    probes,
    emit: (e) => events.push(e),
    graceMs: 200,
    ...extra,
  });
  const byId = (id: string) => outcome.finished.get(id)!.result;
  return { events, outcome, byId };
}

describe('check engine', () => {
  it('starts independent checks at the same time and waits for prerequisites', async () => {
    const log: string[] = [];
    const slow = (id: string) => async () => {
      log.push(`start ${id}`);
      await new Promise((r) => setTimeout(r, 50));
      log.push(`end ${id}`);
      return pass();
    };
    const { byId } = await run([def('a', slow('a')), def('b', slow('b')), def('c', slow('c'), ['a', 'b'])]);
    // Both independent checks started before either finished.
    expect(log.slice(0, 2).sort()).toEqual(['start a', 'start b']);
    expect(log.indexOf('start c')).toBeGreaterThan(Math.max(log.indexOf('end a'), log.indexOf('end b')));
    expect(byId('c').status).toBe('pass');
  });

  it('hands a prerequisite’s data to the checks after it', async () => {
    let seen: unknown;
    await run([
      def('a', async () => pass('ok', { realm: 'https://r' })),
      def('b', async (ctx) => {
        seen = ctx.dep<{ realm: string }>('a')?.realm;
        return pass();
      }, ['a']),
    ]);
    expect(seen).toBe('https://r');
  });

  it('skips a check whose prerequisite failed, naming it in blockedBy', async () => {
    const { byId } = await run([
      def('a', async () => ({ status: 'fail', code: 'A_ERROR', summary: 'broken' })),
      def('b', async () => pass(), ['a']),
      def('c', async () => pass(), ['b']),
    ]);
    expect(byId('b')).toMatchObject({ status: 'skip', blockedBy: 'a' });
    expect(byId('c')).toMatchObject({ status: 'skip', blockedBy: 'b' });
  });

  it('lets a warn through unless it says it blocks, and a not-applicable skip through when it says so', async () => {
    const { byId } = await run([
      def('missing', async () => ({ status: 'warn', code: 'M', summary: 'not installed', satisfiesDependents: false })),
      def('after-missing', async () => pass(), ['missing']),
      def('soft', async () => ({ status: 'warn', code: 'S', summary: 'works, but' })),
      def('after-soft', async () => pass(), ['soft']),
      def('na', async () => ({ status: 'skip', summary: 'does not apply', satisfiesDependents: true })),
      def('after-na', async () => pass(), ['na']),
    ]);
    expect(byId('after-missing')).toMatchObject({ status: 'skip', blockedBy: 'missing' });
    expect(byId('after-soft').status).toBe('pass');
    expect(byId('after-na').status).toBe('pass');
  });

  it('turns a check that throws into a failed result and goes on with the rest', async () => {
    const { byId } = await run([
      def('boom', async () => {
        throw new Error('kaput');
      }),
      def('other', async () => pass()),
    ]);
    expect(byId('boom')).toMatchObject({ status: 'fail', code: 'UNEXPECTED_ERROR' });
    expect(byId('boom').summary).toContain('kaput');
    expect(byId('other').status).toBe('pass');
  });

  it('kills a hanging child process when the check’s time limit passes', async () => {
    let pid: number | undefined;
    const { byId } = await run(
      [
        def('hang', async (ctx) => {
          const p = runProcess(['sh', '-c', 'echo $$; exec sleep 30'], { signal: ctx.signal });
          const r = await p;
          pid = Number(r.stdout.trim()) || undefined;
          return r.aborted ? { status: 'fail', code: 'HANG_ERROR', summary: 'timed out' } : pass();
        }),
      ],
      { timeoutSeconds: 0.3 },
    );
    expect(byId('hang')).toMatchObject({ status: 'fail', code: 'HANG_ERROR' });
    expect(byId('hang').durationMs).toBeLessThan(5000);
    // The shell exec'd sleep under the same pid; it must be gone.
    if (pid) expect(() => process.kill(pid!, 0)).toThrow();
  });

  it('ends a check that ignores its signal shortly after its time limit', async () => {
    const { byId } = await run([def('stuck', () => new Promise<CheckOutcome>(() => {}))], { timeoutSeconds: 0.2 });
    expect(byId('stuck')).toMatchObject({ status: 'fail', code: 'STUCK_ERROR' });
    expect(byId('stuck').summary).toMatch(/time limit/);
  });

  it('stops starting checks after the first failure with --fail-fast', async () => {
    const { byId } = await run(
      [
        def('a', async () => ({ status: 'fail', code: 'A', summary: 'no' })),
        def('b', async () => pass(), ['a']),
        def('c', async () => pass(), ['a']),
      ],
      { failFast: true },
    );
    expect(byId('a').status).toBe('fail');
    expect(byId('c').status).toBe('skip');
  });

  it('skips by id and by group with --skip, and blocks what depends on a skipped check', async () => {
    const { byId } = await run(
      [
        def('a', async () => pass()),
        def('b', async () => pass(), ['a']),
        def('r', async () => pass(), [], { group: 'registry' }),
      ],
      { skip: ['a', 'registry'] },
    );
    expect(byId('a')).toMatchObject({ status: 'skip', summary: expect.stringContaining('--skip') });
    expect(byId('b')).toMatchObject({ status: 'skip', blockedBy: 'a' });
    expect(byId('r').status).toBe('skip');
  });

  it('re-runs only the requested checks and keeps the other results', async () => {
    let runsOfA = 0;
    let good = false;
    const checks = [
      def('a', async () => {
        runsOfA += 1;
        return pass();
      }),
      def('b', async () => (good ? pass() : { status: 'fail', code: 'B', summary: 'no' })),
      def('c', async () => pass(), ['b']),
    ];
    const first = await run(checks);
    expect(first.byId('c').status).toBe('skip');
    good = true;
    const second = await run(checks, {}, { only: new Set(['b', 'c']), previous: first.outcome.finished });
    expect(runsOfA).toBe(1);
    expect(second.byId('b').status).toBe('pass');
    expect(second.byId('c').status).toBe('pass');
    expect(second.byId('a').status).toBe('pass');
  });

  it('marks unfinished work as skipped when interrupted', async () => {
    const interrupt = new AbortController();
    setTimeout(() => interrupt.abort(), 50);
    const { byId, outcome, events } = await run(
      [
        def('long', (ctx) => new Promise<CheckOutcome>((resolve) => ctx.signal.addEventListener('abort', () => resolve({ status: 'fail', code: 'X', summary: 'stopped' })))),
        def('next', async () => pass(), ['long']),
      ],
      {},
      { signal: interrupt.signal },
    );
    expect(outcome.interrupted).toBe(true);
    expect(byId('long').status).toBe('skip');
    expect(byId('next').status).toBe('skip');
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', interrupted: true });
  });

  it('emits start and finish events for every check it runs', async () => {
    const { events } = await run([def('a', async () => pass()), def('b', async () => pass(), ['a'])]);
    const types = events.map((e) => (e.type === 'check-started' ? `start ${e.id}` : e.type === 'check-finished' ? `end ${e.result.id}` : e.type));
    expect(types).toEqual(['run-started', 'start a', 'end a', 'start b', 'end b', 'run-finished']);
  });
});
