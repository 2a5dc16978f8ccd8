import { afterEach, describe, expect, it } from 'vitest';
import { fakeCheck, hangingCheck, KEY, renderWizard, type Rendered } from './helpers.js';

let r: Rendered | null = null;
afterEach(async () => {
  await r?.unmount();
  r = null;
});

const firewall = [
  fakeCheck('registry.login-server', 'registry', { status: 'pass', summary: 'ok' }, [], 'Login server name'),
  fakeCheck('registry.dns', 'registry', { status: 'pass', summary: 'ok' }, ['registry.login-server'], 'Name resolves'),
  fakeCheck('registry.tls', 'registry', { status: 'pass', summary: 'ok' }, ['registry.dns'], 'TLS handshake'),
  fakeCheck(
    'registry.challenge',
    'registry',
    {
      status: 'fail',
      code: 'CONNECTIVITY_FORBIDDEN_ERROR',
      summary: "403 Forbidden: client with IP '203.0.113.7' is not allowed access",
      details: { status: 403, clientIp: '203.0.113.7' },
      remediations: [
        { id: 'allow-client-ip', title: 'Allow this IP', command: ['az', 'acr', 'network-rule', 'add', '--name', 'myreg', '--ip-address', '203.0.113.7'], changes: true },
      ],
    },
    ['registry.tls'],
    'Registry answers with a challenge',
  ),
  fakeCheck('auth.credential', 'auth', { status: 'pass', summary: 'ok', details: { identity: { kind: 'user', name: 'ada@contoso.com' } } }, [], 'Credential'),
  fakeCheck('auth.refresh-token', 'auth', { status: 'pass', summary: 'ok' }, ['registry.challenge', 'auth.credential'], 'Refresh token'),
];

describe('chain screen', () => {
  it('groups checks, shows marks, says what blocked a skipped check and selects the first failure', async () => {
    r = await renderWizard({ checks: firewall });
    // The cursor moves once the whole run has finished, a moment after the last row.
    const f = await r.waitFor((x) => x.includes('1 failed') && /› ✗ Registry answers/.test(x), 'chain to finish with the failure selected');
    expect(f).toContain('Registry');
    expect(f).toContain('Authentication');
    expect(f).toMatch(/✓ Login server name/);
    expect(f).toMatch(/› ✗ Registry answers with a challenge.*CONNECTIVITY_FORBIDDEN_ERROR/);
    expect(f).toMatch(/– Refresh token\s+not run: Registry answers with a challenge did not pass/);
    expect(f).toContain('signed in as ada@contoso.com');
    expect(f).toMatch(/this machine → DNS → TLS → registry✗ → token/);
  });

  it('moves with arrows and j/k, and shows a spinner for a running check', async () => {
    r = await renderWizard({ checks: [fakeCheck('docker.command', 'environment', { status: 'pass', summary: 'ok' }), hangingCheck('docker.daemon', 'environment')] });
    await r.waitFor((x) => /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Check docker.daemon/.test(x), 'spinner');
    expect(r.frame()).toMatch(/› ✓ Check docker.command/);
    await r.press('j');
    await r.waitFor((x) => /› [⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Check docker.daemon/.test(x), 'selection on second row');
    await r.press(KEY.up);
    await r.waitFor((x) => /› ✓ Check docker.command/.test(x), 'selection back on first row');
    await r.press(KEY.down, 'k');
    await r.waitFor((x) => /› ✓ Check docker.command/.test(x), 'k moves up');
  });
});

describe('when the chain finishes', () => {
  it('does not swap the check someone is reading for the first failure', async () => {
    r = await renderWizard({
      checks: [
        fakeCheck('docker.command', 'environment', { status: 'pass', summary: 'docker is here' }, [], 'Docker command'),
        fakeCheck('registry.challenge', 'registry', async () => {
          await new Promise((res) => setTimeout(res, 400));
          return { status: 'fail', code: 'CONNECTIVITY_FORBIDDEN_ERROR', summary: 'blocked' };
        }, [], 'Registry challenge'),
      ],
    });
    await r.waitFor((x) => /› ✓ Docker command/.test(x) && x.includes('1 running'), 'first row done, second running');
    await r.press(KEY.enter);
    await r.waitFor((x) => x.includes('docker is here'), 'reading the docker check');
    await r.waitFor((x) => x.includes('1 failed'), 'chain finished');
    await new Promise((res) => setTimeout(res, 100));
    expect(r.frame()).toContain('docker is here');
    expect(r.frame()).not.toContain('blocked');
    // Back on the list, the cursor is where the person left it.
    await r.press(KEY.escape);
    await r.waitFor((x) => /› ✓ Docker command/.test(x), 'chain with the same selection');
  });
});

describe('header', () => {
  it('does not claim someone is signed in when the credential is anonymous', async () => {
    r = await renderWizard({
      checks: [fakeCheck('auth.credential', 'auth', { status: 'pass', summary: 'ok', details: { identity: { kind: 'anonymous', name: 'anonymous' } } }, [], 'Credential')],
    });
    const f = await r.waitFor((x) => x.includes('1 passed'), 'done');
    expect(f.split('\n')[0]).toContain('not signed in (anonymous)');
    expect(f).not.toContain('signed in as');
  });
});
