import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/knowledge/i18n.js';
import { remediationsFor } from '../../src/knowledge/index.js';

afterEach(() => setLang('en'));

describe('remediationsFor', () => {
  it('fills the firewall fix from the evidence, as in the contract example', () => {
    const fix = remediationsFor('CONNECTIVITY_FORBIDDEN_ERROR', { registry: 'myreg', clientIp: '203.0.113.7' }).find((r) => r.id === 'allow-client-ip');
    expect(fix).toEqual({
      id: 'allow-client-ip',
      title: "Allow this client's IP address through the registry firewall.",
      command: ['az', 'acr', 'network-rule', 'add', '--name', 'myreg', '--ip-address', '203.0.113.7'],
      changes: true,
      docs: 'https://aka.ms/acr/firewall',
    });
  });

  it('understands check details (registryName, loginServer) as evidence', () => {
    const fromName = remediationsFor('ARM_TOKEN_DISALLOWED', { registryName: 'myreg' });
    const fromServer = remediationsFor('ARM_TOKEN_DISALLOWED', { loginServer: 'myreg.azurecr.io' });
    expect(fromName.find((r) => r.id === 'enable-policy')?.command).toEqual(['az', 'acr', 'config', 'authentication-as-arm', 'update', '--registry', 'myreg', '--status', 'enabled']);
    expect(fromServer).toEqual(fromName);
  });

  it('fills the role assignment when object id and registry id are known', () => {
    const registryId = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app/providers/Microsoft.ContainerRegistry/registries/myreg';
    const objectId = '11111111-2222-3333-4444-555555555555';
    const grant = remediationsFor('PERMISSION_DENIED', { registry: 'myreg', objectId, registryId }).find((r) => r.id === 'grant-pull');
    expect(grant?.command).toEqual(['az', 'role', 'assignment', 'create', '--assignee', objectId, '--scope', registryId, '--role', 'AcrPull']);
  });

  it('turns a fix with an unknown value into a manual step that shows what to fill in', () => {
    const fix = remediationsFor('CONNECTIVITY_FORBIDDEN_ERROR', { registry: 'myreg' }).find((r) => r.id === 'allow-client-ip')!;
    expect(fix.command).toBeNull();
    expect(fix.title).toContain('az acr network-rule add --name myreg --ip-address <client-ip>');
    setLang('sv');
    const sv = remediationsFor('CONNECTIVITY_FORBIDDEN_ERROR', {}).find((r) => r.id === 'allow-client-ip')!;
    expect(sv.title).toContain('<registernamn>');
    expect(sv.title).toContain('<klientens-ip>');
  });

  it('never puts a value that does not look like what it claims into an argv', () => {
    const fixes = remediationsFor('CONNECTIVITY_FORBIDDEN_ERROR', { registry: 'myreg', clientIp: '1.2.3.4 --foo; rm -rf /' });
    const allow = fixes.find((r) => r.id === 'allow-client-ip')!;
    expect(allow.command).toBeNull();
    expect(JSON.stringify(fixes)).not.toContain('rm -rf');
    const badName = remediationsFor('ANONYMOUS_PULL_DISABLED', { registry: '--help' });
    expect(badName.every((r) => r.command === null)).toBe(true);
  });

  it('keeps manual steps manual and marks interactive commands', () => {
    const fixes = remediationsFor('AAD_TOKEN_ERROR', {});
    expect(fixes[0]).toMatchObject({ id: 'az-login', command: ['az', 'login'], interactive: true, changes: true });
    expect(fixes.find((r) => r.id === 'env')?.command).toBeNull();
  });

  it('offers only the fixes for the platform when the caller knows it', () => {
    const ids = (platform?: NodeJS.Platform) => remediationsFor('DOCKER_DAEMON_ERROR', {}, platform ? { platform } : {}).map((r) => r.id);
    expect(ids('linux')).toEqual(['start-linux', 'show-context', 'group']);
    expect(ids('darwin')).toEqual(['start-desktop', 'show-context']);
    expect(ids()).toEqual(['start-linux', 'start-desktop', 'show-context', 'group']);
  });

  it('speaks the current language', () => {
    setLang('sv');
    const fix = remediationsFor('CONNECTIVITY_FORBIDDEN_ERROR', { registry: 'myreg', clientIp: '203.0.113.7' }).find((r) => r.id === 'allow-client-ip')!;
    expect(fix.title).toMatch(/brandvägg/);
    expect(fix.command).toContain('203.0.113.7');
  });
});
