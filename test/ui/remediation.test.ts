import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckDefinition } from '../../src/engine/types.js';
import { fakeCheck, KEY, renderWizard, TARGET, testSession, type Rendered } from './helpers.js';

let r: Rendered | null = null;
let dir: string | null = null;
afterEach(async () => {
  await r?.unmount();
  r = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const node = process.execPath;

/** A "firewall" whose rule is a file: the fix creates it, the check looks for it. */
function firewallChecks(ruleFile: string, fixArgv: string[]): { checks: CheckDefinition[]; runs: Record<string, number> } {
  const runs: Record<string, number> = { challenge: 0, token: 0 };
  const checks = [
    fakeCheck('registry.challenge', 'registry', async () => {
      runs.challenge! += 1;
      if (existsSync(ruleFile)) return { status: 'pass', summary: 'challenge received' };
      return {
        status: 'fail',
        code: 'CONNECTIVITY_FORBIDDEN_ERROR',
        summary: 'client IP not allowed',
        details: { status: 403, clientIp: '203.0.113.7' },
        remediations: [
          { id: 'manual', title: 'Ask the registry owner', command: null, changes: false },
          { id: 'allow-client-ip', title: 'Allow this client IP', command: fixArgv, changes: true, docs: 'https://aka.ms/acr/firewall' },
        ],
      };
    }, [], 'Registry challenge'),
    fakeCheck('auth.access-token', 'auth', async () => {
      runs.token! += 1;
      return { status: 'pass', summary: 'token ok' };
    }, ['registry.challenge'], 'Access token'),
  ];
  return { checks, runs };
}

describe('detail, confirm and run', () => {
  it('Enter shows evidence and numbered fixes; picking one asks first; y runs it; the re-check proves the fix', async () => {
    dir = mkdtempSync(join(tmpdir(), 'acr-ui-'));
    const rule = join(dir, 'rule');
    const { checks, runs } = firewallChecks(rule, [node, '-e', `require('fs').writeFileSync(${JSON.stringify(rule)}, 'x'); console.log('rule added for 203.0.113.7')`]);
    r = await renderWizard({ checks });
    await r.waitFor((f) => /› ✗ Registry challenge/.test(f), 'failed check selected');
    expect(runs.token).toBe(0);

    await r.press(KEY.enter);
    const detail = await r.waitFor((f) => f.includes('What I saw'), 'detail screen');
    expect(detail).toContain('clientIp: 203.0.113.7');
    expect(detail).toContain('CONNECTIVITY_FORBIDDEN_ERROR: client IP not allowed');
    expect(detail).toMatch(/1\. Ask the registry owner[\s\S]*a step for you to take by hand/);
    expect(detail).toMatch(/2\. Allow this client IP[\s\S]*\$ .*-e/);
    expect(detail).toContain('changes something');
    expect(detail).toContain('1–9 choose · Enter run');

    // A manual step cannot run.
    await r.press('1');
    await r.waitFor((f) => f.includes('there is no command to run'), 'manual refusal');

    await r.press('2');
    const confirm = await r.waitFor((f) => f.includes('Run it?'), 'confirm screen');
    expect(confirm).toContain('Fix: Allow this client IP');
    expect(confirm).toContain(node);
    expect(existsSync(rule)).toBe(false);

    // n goes back without running anything.
    await r.press('n');
    const back = await r.waitFor((f) => f.includes('What I saw'), 'back on detail');
    // The chosen fix stays highlighted, with its docs link.
    expect(back).toMatch(/› 2\. Allow this client IP/);
    expect(back).toContain('https://aka.ms/acr/firewall');
    expect(existsSync(rule)).toBe(false);

    await r.press(KEY.down, KEY.enter);
    await r.waitFor((f) => f.includes('Run it?'), 'confirm again via Enter');
    await r.press('y');
    const done = await r.waitFor((f) => f.includes('Fixed: "Registry challenge" passes now.'), 'fixed after re-check');
    expect(done).toContain('rule added for 203.0.113.7');
    expect(done).toContain('Exit code 0');
    expect(existsSync(rule)).toBe(true);
    expect(runs.challenge).toBe(2);
    expect(runs.token).toBe(1);

    const events = r.controller.getEvents().map((e) => e.type);
    expect(events).toContain('remediation-started');
    expect(events).toContain('remediation-output');
    expect(events).toContain('remediation-finished');

    await r.press(KEY.escape);
    await r.waitFor((f) => f.includes('✓ Registry challenge (passed') && f.includes('challenge received'), 'detail shows the pass');
    await r.press(KEY.left);
    await r.waitFor((f) => f.includes('✓ Access token'), 'chain shows the dependent ran');
  });

  it('says "not fixed" when the command ran but the check still fails', async () => {
    dir = mkdtempSync(join(tmpdir(), 'acr-ui-'));
    const { checks } = firewallChecks(join(dir, 'never'), [node, '-e', 'process.stderr.write("denied\\n"); process.exit(3)']);
    r = await renderWizard({ checks });
    await r.waitFor((f) => /› ✗ Registry challenge/.test(f), 'failure selected');
    await r.press(KEY.right, '2', 'y');
    const f = await r.waitFor((x) => x.includes('Not fixed yet'), 'not fixed');
    expect(f).toContain('denied');
    expect(f).toContain('Exit code 3');
    expect(f).toContain('is still failed');
  });

  it('a command that only shows information does not claim to be a fix that failed', async () => {
    const checks = [
      fakeCheck('registry.challenge', 'registry', {
        status: 'fail',
        code: 'CONNECTIVITY_FORBIDDEN_ERROR',
        summary: 'client IP not allowed',
        remediations: [{ id: 'show-rules', title: 'Show the network rules', command: [node, '-e', 'console.log("defaultAction: Deny")'], changes: false }],
      }, [], 'Registry challenge'),
    ];
    r = await renderWizard({ checks });
    await r.waitFor((f) => /› ✗ Registry challenge/.test(f), 'failure selected');
    await r.press(KEY.enter, '1', 'y');
    const f = await r.waitFor((x) => x.includes('Exit code 0') && /still failed/.test(x.replace(/\s+/g, ' ')), 'outcome');
    expect(f).toContain('defaultAction: Deny');
    expect(f).not.toContain('Not fixed yet');
    expect(f.replace(/\s+/g, ' ')).toContain('It only showed information and changed nothing');
  });

  it('Ctrl-C stops a running command first and does not quit', async () => {
    dir = mkdtempSync(join(tmpdir(), 'acr-ui-'));
    const { checks, runs } = firewallChecks(join(dir, 'never'), [node, '-e', 'console.log("working"); setTimeout(() => {}, 60000)']);
    r = await renderWizard({ checks });
    await r.waitFor((f) => /› ✗ Registry challenge/.test(f), 'failure selected');
    await r.press(KEY.enter, '2', 'y');
    await r.waitFor((f) => f.includes('working') && f.includes('Ctrl-C stops it'), 'command running');
    const t0 = Date.now();
    await r.press(KEY.ctrlC);
    await r.waitFor((f) => f.includes('Stopped before it finished'), 'command stopped');
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.quit).toBeNull();
    expect(runs.challenge).toBe(1);
    // "Stopping…" was true while it stopped; once stopped it must not linger.
    await r.waitFor((f) => !f.includes('Stopping the command'), 'stale "stopping" message gone');
    // Now Ctrl-C quits, as interrupted.
    await r.press(KEY.ctrlC);
    expect(r.quit).toEqual({ interrupted: true });
  });

  it('a command that does not exist is reported, not a crash', async () => {
    dir = mkdtempSync(join(tmpdir(), 'acr-ui-'));
    const { checks } = firewallChecks(join(dir, 'never'), ['acr-doctor-no-such-command-xyz', '--x']);
    r = await renderWizard({ checks });
    await r.waitFor((f) => /› ✗ Registry challenge/.test(f), 'failure selected');
    await r.press(KEY.enter, '2', 'y');
    const f = await r.waitFor((x) => x.includes('Not fixed yet'), 'outcome');
    expect(f).toContain('command not found');
  });

  it('scrubs tokens and known secrets from the command output on screen, as the export does', async () => {
    dir = mkdtempSync(join(tmpdir(), 'acr-ui-'));
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkYW5hIn0.c2lnbmF0dXJlc2ln';
    // Built from pieces, so the secrets are only in the output, not in the argv shown above it.
    const script = [
      `console.log("> Authorization: Bearer " + ${JSON.stringify(jwt.split('.'))}.join("."))`,
      `console.log(JSON.stringify({ access_token: "opaque-" + "access-value-1" }))`,
      `console.log("admin pass is " + process.env.ACR_DOCTOR_PASSWORD)`,
      `console.log("visible-line")`,
    ].join(';');
    const { checks } = firewallChecks(join(dir, 'never'), [node, '-e', script]);
    const session = testSession({}, TARGET);
    session.probes.env = { ...session.probes.env, ACR_DOCTOR_PASSWORD: 'Tr0ub4dor-pw-xyz' };
    r = await renderWizard({ checks, session });
    await r.waitFor((f) => /› ✗ Registry challenge/.test(f), 'failure selected');
    await r.press(KEY.enter, '2', 'y');
    const f = await r.waitFor((x) => x.includes('visible-line') && x.includes('Exit code 0'), 'output shown');
    expect(f).not.toContain(jwt);
    expect(f).not.toContain('opaque-access-value-1');
    expect(f).not.toContain('Tr0ub4dor-pw-xyz');
    expect(f).toContain('Authorization: Bearer [REDACTED]');
    expect(f).toContain('admin pass is [REDACTED]');
  });
});
