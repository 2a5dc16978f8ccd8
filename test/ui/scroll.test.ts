import { afterEach, describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../../src/engine/types.js';
import { setLang } from '../../src/knowledge/i18n.js';
import { fakeCheck, KEY, renderWizard, type Rendered } from './helpers.js';

let r: Rendered | null = null;
afterEach(async () => {
  await r?.unmount();
  r = null;
  setLang('en');
});

const PGDN = '\x1b[6~';
const PGUP = '\x1b[5~';
const HOME = '\x1b[H';
const END = '\x1b[F';

// Twelve evidence lines push the explanation below an 80x24 screen.
const evidence = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`field${String(i + 1).padStart(2, '0')}`, `value number ${i + 1}`]));
const forbidden: CheckOutcome = {
  status: 'fail',
  code: 'CONNECTIVITY_FORBIDDEN_ERROR',
  summary: 'client IP not allowed',
  details: evidence,
  remediations: [
    { id: 'show', title: 'Show the network rules', command: ['az', 'acr', 'network-rule', 'list'], changes: false },
    { id: 'allow', title: 'Allow this client', command: ['az', 'acr', 'network-rule', 'add'], changes: true },
  ],
};
const checks = () => [
  fakeCheck('registry.challenge', 'registry', forbidden, [], 'Registry answers'),
  fakeCheck('registry.other', 'registry', { ...forbidden, details: { first: 'other check evidence' } }, [], 'Other check'),
];

const EXPLANATION = 'network rules decide who may connect';
const fits = (f: string): boolean => f.split('\n').length < 24;

async function openFirst(): Promise<string> {
  r = await renderWizard({ checks: checks(), columns: 80, rows: 24 });
  await r.waitFor((x) => x.includes('2 failed'), 'chain done');
  // The cursor starts on the first failure.
  await r.press(KEY.enter);
  return r.waitFor((x) => x.includes('What you can do') && x.includes('more below'), 'detail, cut');
}

describe('scrolling a long detail at 80x24', () => {
  it('hides the explanation at first; PgDn and Space reveal it, PgUp and b go back', async () => {
    const top = await openFirst();
    expect(fits(top)).toBe(true);
    expect(top).not.toContain(EXPLANATION);
    expect(top).not.toContain('more above');
    expect(top).toContain('PgDn/PgUp scroll');

    await r!.press(PGDN);
    const down = await r!.waitFor((x) => x.includes('more above'), 'scrolled once');
    expect(fits(down)).toBe(true);
    await r!.press(PGDN, PGDN, PGDN);
    const bottom = await r!.waitFor((x) => x.includes(EXPLANATION), 'explanation in view');
    expect(fits(bottom)).toBe(true);
    expect(bottom).not.toContain('more below');
    // The summary at the very top has scrolled away.
    expect(bottom).not.toContain('client IP not allowed');

    await r!.press(PGUP, PGUP, PGUP, PGUP);
    const back = await r!.waitFor((x) => x.includes('client IP not allowed') && !x.includes('more above'), 'back at the top');
    expect(back).not.toContain(EXPLANATION);

    await r!.press(' ', ' ', ' ', ' ');
    await r!.waitFor((x) => x.includes(EXPLANATION), 'Space pages down');
    await r!.press('b', 'b', 'b', 'b');
    await r!.waitFor((x) => !x.includes('more above') && x.includes('client IP not allowed'), 'b pages up');

    await r!.press(END);
    await r!.waitFor((x) => x.includes(EXPLANATION) && !x.includes('more below'), 'End jumps to the bottom');
    await r!.press(HOME);
    await r!.waitFor((x) => !x.includes('more above') && x.includes('client IP not allowed'), 'Home jumps to the top');
  });

  it('↑/↓ still move between fixes, and scrolling does not', async () => {
    await openFirst();
    expect(r!.frame()).toMatch(/› 1\.\s+Show the network rules/);
    await r!.press(KEY.down);
    await r!.waitFor((x) => /› 2\.\s+Allow this client/.test(x), 'second fix selected');
    expect(r!.frame()).not.toContain('more above');
    await r!.press(PGDN);
    await r!.waitFor((x) => x.includes('more above'), 'scrolled');
    await r!.press(KEY.up);
    await r!.press(PGUP, PGUP, PGUP, PGUP);
    await r!.waitFor((x) => /› 1\.\s+Show the network rules/.test(x), 'first fix selected again');
  });

  it('opening another check starts at the top', async () => {
    await openFirst();
    await r!.press(END);
    await r!.waitFor((x) => x.includes(EXPLANATION) && x.includes('more above'), 'scrolled to the bottom');
    await r!.press(KEY.escape, KEY.down, KEY.enter);
    const other = await r!.waitFor((x) => x.includes('What you can do') && x.includes('Other check'), 'other detail');
    expect(other).not.toContain('more above');
    expect(other).toContain('client IP not allowed');
  });

  it('help lists the scroll keys and still fits', async () => {
    await openFirst();
    await r!.press('?');
    const help = await r!.waitFor((x) => x.includes('Keys'), 'help');
    expect(help).toMatch(/PgDn PgUp\s+scroll a long detail/);
    expect(help).toMatch(/Space {2}b\s+the same as PgDn and PgUp/);
    expect(fits(help)).toBe(true);
  });

  it('says how to scroll in Swedish too', async () => {
    setLang('sv');
    r = await renderWizard({ checks: checks(), columns: 80, rows: 24 });
    await r.waitFor((x) => x.includes('2 misslyckade'), 'chain done');
    await r.press(KEY.enter);
    await r.waitFor((x) => x.includes('mer nedanför'), 'Swedish marker');
    await r.press(PGDN);
    await r.waitFor((x) => x.includes('mer ovanför'), 'Swedish above marker');
  });
});

describe("scrolling a command's output at 80x24", () => {
  it('starts at the end; PgUp/b go back, Home/End jump, PgDn/Space come forward', async () => {
    const print = [process.execPath, '-e', 'for (let i = 1; i <= 40; i++) console.log("output line " + i)'];
    r = await renderWizard({
      columns: 80,
      rows: 24,
      checks: [fakeCheck('registry.challenge', 'registry', { ...forbidden, remediations: [{ id: 'print', title: 'Print forty lines', command: print, changes: false }] }, [], 'Registry answers')],
    });
    await r.waitFor((x) => x.includes('1 failed'), 'chain done');
    await r.press(KEY.enter, '1');
    await r.waitFor((x) => x.includes('Run it?'), 'confirm');
    await r.press('y');
    const end = await r.waitFor((x) => x.includes('output line 40') && /Exit code 0/.test(x), 'run finished');
    expect(fits(end)).toBe(true);
    expect(end).toContain('earlier output');
    expect(end).not.toMatch(/output line 1 +│/);

    await r.press(PGUP);
    const back = await r.waitFor((x) => x.includes('later output'), 'scrolled back');
    expect(back).not.toContain('output line 40');
    await r.press(HOME);
    const top = await r.waitFor((x) => /output line 1 +│/.test(x), 'Home shows the first line');
    expect(top).not.toContain('earlier output');
    await r.press(' ');
    await r.waitFor((x) => !/output line 1 +│/.test(x) && x.includes('earlier output'), 'Space pages forward');
    await r.press(END);
    await r.waitFor((x) => x.includes('output line 40') && !x.includes('later output'), 'End back at the last line');
    await r.press('b');
    await r.waitFor((x) => !x.includes('output line 40'), 'b pages back');
    await r.press(PGDN, PGDN, PGDN, PGDN, PGDN);
    await r.waitFor((x) => x.includes('output line 40') && !x.includes('later output'), 'PgDn to the end');
  });
});
