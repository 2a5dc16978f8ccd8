import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeCheck, hangingCheck, renderWizard, type Rendered } from './helpers.js';

// Finished rows format their duration when they render: counting those calls counts their renders.
const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/report/style.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/report/style.js')>();
  return {
    ...real,
    formatDuration: (ms: number) => {
      calls.n += 1;
      return real.formatDuration(ms);
    },
  };
});

let r: Rendered | null = null;
afterEach(async () => {
  await r?.unmount();
  r = null;
});

describe('finished rows', () => {
  it('do not re-render while a spinner ticks beside them', async () => {
    r = await renderWizard({
      checks: [
        fakeCheck('docker.command', 'environment', { status: 'pass', summary: 'ok' }),
        fakeCheck('helm.command', 'environment', { status: 'warn', code: 'HELM_COMMAND_ERROR', summary: 'missing' }),
        hangingCheck('notary.command', 'environment'),
      ],
    });
    await r.waitFor((f) => f.includes('1 passed  1 warning ') && f.includes('1 running'), 'two finished, one running');
    await new Promise((res) => setTimeout(res, 150));
    const rendersBefore = calls.n;
    const framesBefore = r.stdout.frames.length;
    await new Promise((res) => setTimeout(res, 600));
    expect(r.stdout.frames.length).toBeGreaterThan(framesBefore + 2);
    expect(calls.n).toBe(rendersBefore);
  });
});
