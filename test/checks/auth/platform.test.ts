import { describe, expect, it } from 'vitest';
import { azLogin, azLoginAcrScope, installAz, syncClock } from '../../../src/checks/auth/remediations.js';
import { credentialCheck } from '../../../src/checks/auth/credential.js';
import { refreshTokenCheck } from '../../../src/checks/auth/refresh-token.js';
import { azSkipRemediations } from '../../../src/checks/registry/cmk.js';
import { pullRemediations } from '../../../src/checks/environment/docker-pull.js';
import type { CredentialData } from '../../../src/checks/data.js';
import type { Remediation } from '../../../src/engine/types.js';
import { Secret } from '../../../src/probes/secret.js';
import { isWsl } from '../../../src/checks/environment/host.js';
import { BEARER, fakeContext, response } from './fakes.js';

describe('az login is offered the same way everywhere', () => {
  it('needs the terminal and counts as a change (it replaces this machine’s sign-in)', () => {
    const offered: Remediation[] = [
      azLogin(null),
      azLogin('72f988bf-86f1-41af-91ab-2d7cd011db47'),
      azLoginAcrScope(),
      ...azSkipRemediations({ ok: false, reason: 'not-signed-in', message: 'Please run az login', durationMs: 1 }, 'linux', {}),
    ];
    expect(offered.every((r) => r.command?.[0] === 'az' && r.command[1] === 'login')).toBe(true);
    for (const r of offered) expect(r, r.id).toMatchObject({ changes: true, interactive: true });
  });

  it('az acr login (writes docker credentials on this machine) is a change too', () => {
    const [r] = pullRemediations('unauthorized', { platform: 'linux', env: { HOME: '/h' } }, 'myreg.azurecr.io/a:1', 'myreg.azurecr.io', 'docker');
    expect(r).toMatchObject({ command: ['az', 'acr', 'login', '--name', 'myreg'], changes: true });
  });
});

describe('installing the Azure CLI', () => {
  it('Windows: winget Microsoft.AzureCLI; macOS: brew; then another --auth as the alternative', () => {
    expect(installAz('win32', {}).map((r) => r.command)).toEqual([['winget', 'install', '--exact', '--id', 'Microsoft.AzureCLI'], null, null]);
    expect(installAz('darwin', {}).map((r) => r.command)).toEqual([['brew', 'install', 'azure-cli'], null, null]);
    expect(installAz('darwin', {}).at(-1)!.title).toMatch(/--auth/);
  });

  it('auth.credential with az missing on Windows offers winget first, then az login', async () => {
    const f = fakeContext({ options: { auth: 'az' }, platform: 'win32', process: () => ({ notFound: true }) });
    const out = await credentialCheck.run(f.ctx);
    expect(out).toMatchObject({ status: 'fail', code: 'AAD_TOKEN_ERROR' });
    expect(out.remediations?.[0]?.command).toEqual(['winget', 'install', '--exact', '--id', 'Microsoft.AzureCLI']);
    expect(out.remediations?.at(-1)?.command).toEqual(['az', 'login']);
    expect(out.remediations?.some((r) => r.command?.[0] === 'sudo')).toBe(false);
  });

  it('the Azure-side checks offer the same install when az is missing', () => {
    const r = azSkipRemediations({ ok: false, reason: 'not-installed', message: 'az was not found on PATH', durationMs: 1 }, 'win32', {});
    expect(r[0]!.command).toEqual(['winget', 'install', '--exact', '--id', 'Microsoft.AzureCLI']);
    // Another --auth would not help a check that needs az itself.
    expect(r.map((x) => x.id)).not.toContain('other-auth');
  });
});

describe('setting the clock right', () => {
  it('Linux: sudo timedatectl set-ntp true, with the terminal', () => {
    // Without WSL variables the kernel decides; this suite's machine may itself be WSL.
    const r = syncClock('linux', {});
    if (isWsl('linux', {})) expect(r.command).toBeNull();
    else expect(r).toMatchObject({ command: ['sudo', 'timedatectl', 'set-ntp', 'true'], changes: true, interactive: true });
  });

  it('WSL: restart WSL from Windows (its clock drifts after sleep) rather than timedatectl', () => {
    const r = syncClock('linux', { WSL_DISTRO_NAME: 'Ubuntu' });
    expect(r.command).toBeNull();
    expect(r.title).toContain('wsl --shutdown');
  });

  it('macOS and Windows: the settings page, never sudo', () => {
    expect(syncClock('darwin', {})).toMatchObject({ command: null, title: expect.stringMatching(/Date & Time/) });
    expect(syncClock('win32', {})).toMatchObject({ command: null, title: expect.stringMatching(/Sync now/) });
  });

  it('auth.refresh-token on Windows with a skewed clock offers the Windows settings step', async () => {
    const cred: CredentialData = {
      kind: 'aad',
      source: 'az',
      aadToken: new Secret('arm-aad-token-value'),
      tenantId: 'tenant-1',
      identity: { kind: 'user', name: 'dana', objectId: 'o', tenantId: 'tenant-1', audience: 'https://management.core.windows.net/', expiresAt: null },
    };
    const serverDate = new Date(Date.now() - 10 * 60_000).toUTCString();
    const f = fakeContext({
      platform: 'win32',
      http: () => response(401, { errors: [{ code: 'UNAUTHORIZED', message: 'token expired' }] }),
      deps: { 'auth.credential': cred, 'registry.challenge': { ...BEARER, serverDate } },
    });
    const out = await refreshTokenCheck.run(f.ctx);
    expect(out.remediations?.[0]).toMatchObject({ id: 'sync-clock', command: null, title: expect.stringMatching(/Set time automatically/) });
  });
});
