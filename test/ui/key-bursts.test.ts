import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeCheck, KEY, renderWizard, testSession, type Rendered } from './helpers.js';

// A held key, fast typing or a paste reaches the wizard as one chunk ("jjj", "\x7f\x7f", "myreg\r").
let r: Rendered | null = null;
let dir: string | null = null;
afterEach(async () => {
  await r?.unmount();
  r = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const tick = (ms = 20): Promise<void> => new Promise((res) => setTimeout(res, ms));
const pass = (id: string) => fakeCheck(id, 'environment', { status: 'pass', summary: 'ok' });

describe('keys that arrive together', () => {
  it('a held j moves once per key', async () => {
    r = await renderWizard({ checks: [pass('docker.command'), pass('helm.command'), pass('notary.command'), pass('az.version')] });
    await r.waitFor((f) => /› ✓ Check docker.command/.test(f) && f.includes('4 passed'), 'chain done');
    await tick();
    r.stdin.write('jjj');
    await r.waitFor((f) => /› ✓ Check az.version/.test(f), 'three rows down');
    r.stdin.write('kk');
    await r.waitFor((f) => /› ✓ Check helm.command/.test(f), 'two rows up');
  });

  it('start screen: a held Backspace erases each time, and a pasted name with Enter starts that registry', async () => {
    r = await renderWizard({ session: testSession({}, null), checks: [pass('docker.command')] });
    await r.waitFor((f) => f.includes('Which registry should I check?'), 'start screen');
    await tick();
    r.stdin.write('myrexyz');
    await r.waitFor((f) => f.includes('> myrexyz'), 'typed');
    r.stdin.write('\x7f\x7f\x7f');
    await r.waitFor((f) => f.includes('> myre') && !f.includes('myrex'), 'three characters erased');
    r.stdin.write('g\r');
    await r.waitFor((f) => f.includes('✓ Check docker.command'), 'chain started');
    expect(r.controller.getSnapshot().target).toMatchObject({ loginServer: 'myreg.azurecr.io' });
  });

  it('a y typed ahead with the fix number never confirms: the command must be on screen first', async () => {
    dir = mkdtempSync(join(tmpdir(), 'acr-ui-'));
    const marker = join(dir, 'ran');
    const fix = [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`];
    r = await renderWizard({
      checks: [
        fakeCheck('registry.challenge', 'registry', {
          status: 'fail',
          code: 'CONNECTIVITY_FORBIDDEN_ERROR',
          summary: 'client IP not allowed',
          remediations: [{ id: 'allow', title: 'Allow this client IP', command: fix, changes: true }],
        }),
      ],
    });
    await r.waitFor((f) => /› ✗ Check registry.challenge/.test(f), 'failure selected');
    await r.press(KEY.enter);
    await r.waitFor((f) => f.includes('What you can do'), 'detail');
    r.stdin.write('1y');
    await r.waitFor((f) => f.includes('Run it? [y/n]'), 'confirm shown');
    await tick(200);
    expect(r.frame()).toContain('Run it? [y/n]');
    expect(existsSync(marker)).toBe(false);
    await r.press('y');
    await r.waitFor((f) => f.includes('Exit code 0'), 'ran after its own y');
    expect(existsSync(marker)).toBe(true);
  });
});
