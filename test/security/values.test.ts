import { describe, expect, it } from 'vitest';
import { safeAcrTokenName, safeHostName, safeIp, safeKeyVaultKeyId, safeResourceId, safeTenant } from '../../src/probes/safe-values.js';
import { deniedClientIp, parseRegistryErrors } from '../../src/probes/registry-body.js';
import { classifyRegistryAnswer } from '../../src/checks/repository/registry-errors.js';
import { judgeChallenge } from '../../src/checks/registry/challenge.js';
import { realmProblem } from '../../src/checks/auth/access-token.js';
import { azLogin, tokenShow } from '../../src/checks/auth/remediations.js';
import { cmkRemediations } from '../../src/checks/registry/cmk.js';
import { remediationsFor } from '../../src/knowledge/remediations.js';
import { cleanRemediation } from '../../src/engine/sanitize.js';
import { runChecks } from '../../src/engine/runner.js';
import { renderPlain } from '../../src/report/plain.js';
import { Secret } from '../../src/probes/secret.js';
import { redactText } from '../../src/transcript/redact.js';
import type { CheckDefinition } from '../../src/engine/types.js';
import { makeOptions } from '../support/options.js';

const acr = { loginServer: 'myreg.azurecr.io', host: 'myreg.azurecr.io', port: 443, registryName: 'myreg', baseUrl: 'https://myreg.azurecr.io' };

function denied(message: string) {
  return {
    status: 403,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errors: [{ code: 'DENIED', message }] }),
    truncated: false,
    url: 'https://myreg.azurecr.io/v2/',
    durationMs: 1,
  };
}

const allArgs = (rs: { command: string[] | null }[]): string[] => rs.flatMap((r) => r.command ?? []);

describe('values from a registry never shape a command', () => {
  it('takes the client IP of a firewall denial only when it is an address', () => {
    expect(deniedClientIp(parseRegistryErrors(denied("client with IP '203.0.113.7' is not allowed access").body))).toBe('203.0.113.7');
    expect(deniedClientIp(parseRegistryErrors(denied("client with IP '2001:db8::7' is not allowed access").body))).toBe('2001:db8::7');
    for (const evil of ['1.2.3.4 --subscription evil', '--subscription=evil', '::::', 'deadbeef', '1.2.3.4\n--x']) {
      expect(deniedClientIp(parseRegistryErrors(denied(`client with IP '${evil}' is not allowed access`).body))).toBeNull();
      expect(classifyRegistryAnswer(403, denied(`client with IP '${evil}' is not allowed`).body)).toMatchObject({ kind: 'firewall', clientIp: null });
    }
  });

  it('offers no network-rule command for a crafted DENIED body, only the manual steps', () => {
    const o = judgeChallenge(denied("client with IP '1.2.3.4 --subscription evil' is not allowed access"), acr, makeOptions(), 'linux');
    expect(o.code).toBe('CONNECTIVITY_FORBIDDEN_ERROR');
    expect(o.remediations?.map((r) => r.id)).not.toContain('allow-client-ip');
    expect(allArgs(o.remediations ?? []).join(' ')).not.toMatch(/evil|subscription/);
    const good = judgeChallenge(denied("client with IP '203.0.113.7' is not allowed access"), acr, makeOptions(), 'linux');
    expect(good.remediations?.[0]?.command).toEqual(['az', 'acr', 'network-rule', 'add', '--name', 'myreg', '--ip-address', '203.0.113.7']);
  });

  it('fills explain commands only with values of the right shape', () => {
    const text = (ip: string) => ({ clientIp: ip, loginServer: 'myreg.azurecr.io' });
    const ok = remediationsFor('CONNECTIVITY_FORBIDDEN_ERROR', text('203.0.113.7'));
    expect(allArgs(ok)).toContain('203.0.113.7');
    const bad = remediationsFor('CONNECTIVITY_FORBIDDEN_ERROR', text('::'.padEnd(10, 'f') + ' -x'));
    expect(allArgs(bad).join(' ')).not.toContain('-x');
    expect(remediationsFor('CONNECTIVITY_DNS_ERROR', { host: '-oProxyCommand.evil' }).flatMap((r) => r.command ?? [])).not.toContain('-oProxyCommand.evil');
  });

  it('keeps the tenant, token name and az ids out of commands unless they are well formed', () => {
    expect(azLogin('72f988bf-86f1-41af-91ab-2d7cd011db47').command).toEqual(['az', 'login', '--tenant', '72f988bf-86f1-41af-91ab-2d7cd011db47']);
    expect(azLogin('contoso.onmicrosoft.com').command).toEqual(['az', 'login', '--tenant', 'contoso.onmicrosoft.com']);
    expect(azLogin('--use-device-code').command).toEqual(['az', 'login']);
    expect(azLogin('x y').command).toEqual(['az', 'login']);
    expect(tokenShow('myreg', 'ci-token').command).toEqual(['az', 'acr', 'token', 'show', '--name', 'ci-token', '--registry', 'myreg']);
    expect(tokenShow('myreg', '--subscription=evil').command).toBeNull();

    const verdict = { enabled: true, identity: '11111111-2222-3333-4444-555555555555', keyId: 'https://kv1.vault.azure.net/keys/k1', valid: false, matchedBy: null, matchedResourceId: null };
    const uami = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/acr-cmk';
    expect(allArgs(cmkRemediations('myreg', verdict, uami))).toContain(uami);
    const hostile = cmkRemediations('myreg', { ...verdict, keyId: 'https://kv1.vault.azure.net/keys/k1 --subscription evil' }, `${uami} --x`);
    expect(allArgs(hostile).join(' ')).not.toMatch(/evil|--x/);
  });

  it('recognises the shapes it promises', () => {
    expect(safeIp('10.0.0.1')).toBe('10.0.0.1');
    expect(safeIp('10.0.0.1/24')).toBeNull();
    expect(safeHostName('myreg.azurecr.io:5000')).toBe('myreg.azurecr.io:5000');
    expect(safeHostName('-evil.example')).toBeNull();
    expect(safeTenant('-t')).toBeNull();
    expect(safeAcrTokenName('a b c d e')).toBeNull();
    expect(safeResourceId('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myreg', 'Microsoft.ContainerRegistry/registries')).not.toBeNull();
    expect(safeResourceId('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe', 'Microsoft.ContainerRegistry/registries')).toBeNull();
    expect(safeKeyVaultKeyId('http://kv1.vault.azure.net/keys/k1')).toBeNull();
  });
});

describe('the token endpoint of a challenge', () => {
  it('must be the login server over https before credentials go there', () => {
    expect(realmProblem('https://myreg.azurecr.io/oauth2/token', 'myreg.azurecr.io')).toBeNull();
    expect(realmProblem('https://127.0.0.1:5000/token', '127.0.0.1:5000')).toBeNull();
    expect(realmProblem('http://myreg.azurecr.io/oauth2/token', 'myreg.azurecr.io')?.key).toBe('auth.access.insecureRealm');
    expect(realmProblem('https://collector.example/token', 'myreg.azurecr.io')).toMatchObject({ key: 'auth.access.foreignRealm', params: { realmHost: 'collector.example' } });
    expect(realmProblem('https://myreg.azurecr.io.evil.example/token', 'myreg.azurecr.io')?.key).toBe('auth.access.foreignRealm');
  });
});

describe('server text on its way to the terminal', () => {
  it('loses escape sequences and control characters in every check result', async () => {
    const evil = 'bad \u001b]0;owned\u0007\u001b[2J\u001b[31mred\r\nline\u0008';
    const check: CheckDefinition = {
      id: 'x.evil',
      group: 'registry',
      title: 'Evil',
      dependsOn: [],
      codes: ['X'],
      run: async () => ({
        status: 'fail',
        code: 'X',
        summary: evil,
        details: { message: evil, nested: [{ m: evil }] },
        remediations: [
          { id: 'a', title: evil, command: ['echo', 'ok\u001b[8m hidden'], changes: false },
          { id: 'b', title: 'fine', command: ['echo', 'fine'], changes: false },
        ],
      }),
    };
    const out = await runChecks({ checks: [check], options: makeOptions(), target: null, probes: {} as never, emit: () => {}, log: () => {} });
    const r = out.finished.get('x.evil')!.result;
    const text = JSON.stringify(r) + renderPlain([r], { color: false, target: null });
    expect(text).not.toMatch(/\u001b|\\u001b|\u0007|\\u0007|\u0008|\\b/);
    expect(r.summary).not.toContain('\n');
    expect(r.remediations[0]!.command).toBeNull();
    expect(r.remediations[1]!.command).toEqual(['echo', 'fine']);
    expect(cleanRemediation({ id: 'c', title: 't', command: [], changes: false }).command).toBeNull();
  });
});

describe('secrets held in a Secret', () => {
  it('are scrubbed from any later text, even when the printer never saw the Secret', () => {
    const opaque = `opaque-${Math.random().toString(36).slice(2)}-registry-token`;
    new Secret(opaque);
    expect(redactText(`the registry said: token ${opaque} is invalid`)).not.toContain(opaque);
    expect(redactText(`url-encoded: ${encodeURIComponent(opaque)}`)).not.toContain(opaque);
  });
});
