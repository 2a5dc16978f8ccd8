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
});
