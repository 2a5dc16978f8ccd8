import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/knowledge/i18n.js';
import { fakeCheck, renderWizard, type Rendered } from './helpers.js';

let r: Rendered | null = null;
afterEach(async () => {
  await r?.unmount();
  r = null;
  setLang('en');
});

const LONG = 'Registry answers with an authentication challenge';
const chain = () => [
  fakeCheck('registry.login-server', 'registry', { status: 'pass', summary: 'ok' }, [], 'Registry login server'),
  fakeCheck('registry.challenge', 'registry', async () => {
    await new Promise((res) => setTimeout(res, 25));
    return { status: 'pass', summary: 'ok' };
  }, ['registry.login-server'], LONG),
  fakeCheck('repository.pull', 'repository', { status: 'pass', summary: 'ok' }, ['registry.challenge'], 'Pull a manifest'),
];

describe('a 60-column terminal', () => {
  it('shows the whole road up to the data endpoint, in English and Swedish', async () => {
    r = await renderWizard({ checks: chain(), columns: 60 });
    const f = await r.waitFor((x) => x.includes('3 passed'), 'chain done');
    const road = f.split('\n').find((l) => l.includes('DNS'))!;
    expect(road).toMatch(/data endpoint$/);
    expect(road.length).toBeLessThanOrEqual(60);
    await r.unmount();
    setLang('sv');
    r = await renderWizard({ checks: chain(), columns: 60 });
    const sv = await r.waitFor((x) => x.includes('3 godkända'), 'swedish chain done');
    expect(sv.split('\n').find((l) => l.includes('DNS'))).toMatch(/dataslutpunkt$/);
  });

  it('cuts a long title, not the duration of a passed check', async () => {
    r = await renderWizard({ checks: chain(), columns: 60 });
    const f = await r.waitFor((x) => x.includes('3 passed'), 'chain done');
    const line = f.split('\n').find((l) => l.includes('Registry answers'))!;
    expect(line.length).toBeLessThanOrEqual(60);
    expect(line).toMatch(/…\s+\d+ ms$/);
  });

  it('at 60x24 no screen is taller than the terminal, even with a long fix and a lot of output', async () => {
    const long = 'Registry answers with an authentication challenge from this particular network';
    const argv = [process.execPath, '-e', 'for (let i = 1; i <= 40; i++) console.log("line " + i)', '--', '/subscriptions/' + 'a1b2c3d4-'.repeat(12) + 'end'];
    r = await renderWizard({
      columns: 60,
      rows: 24,
      checks: [
        ...['docker.command', 'docker.daemon', 'helm.command', 'notary.command', 'az.version'].map((id) => fakeCheck(id, 'environment', { status: 'pass', summary: 'ok' })),
        fakeCheck('registry.challenge', 'registry', {
          status: 'fail',
          code: 'CONNECTIVITY_FORBIDDEN_ERROR',
          summary: 'client IP not allowed',
          remediations: [{ id: 'allow', title: `Allow this client through the firewall, then ${long.toLowerCase()}`, command: argv, changes: true }],
        }, [], long),
      ],
    });
    const fits = (f: string): boolean => f.split('\n').length < 24;
    const chain = await r.waitFor((x) => x.includes('1 failed'), 'chain done');
    expect(fits(chain)).toBe(true);
    await r.press('\r');
    expect(fits(await r.waitFor((x) => x.includes('What you can do'), 'detail'))).toBe(true);
    await r.press('1');
    await r.waitFor((x) => x.includes('Run it?'), 'confirm');
    await r.press('y');
    const run = await r.waitFor((x) => x.includes('line 40') && /Not fixed yet/.test(x), 'run finished');
    expect(fits(run)).toBe(true);
    // The header is still on screen, not scrolled away.
    expect(run.split('\n')[0]).toContain('acr-doctor');
  });

  it('help keeps wrapped descriptions under their column', async () => {
    r = await renderWizard({ checks: chain(), columns: 60 });
    await r.waitFor((x) => x.includes('3 passed'), 'chain done');
    await r.press('?');
    const f = await r.waitFor((x) => x.includes('Keys'), 'help');
    const lines = f.split('\n');
    const at = lines.findIndex((l) => l.includes('move between checks'));
    expect(at).toBeGreaterThan(-1);
    // The description of ↑ ↓ wraps at 60 columns; its second line is indented like its first.
    expect(lines[at + 1]).toMatch(/^ {13}\S/);
  });
});
