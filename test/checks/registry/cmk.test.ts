import { afterEach, describe, expect, it } from 'vitest';
import { cmkCheck, judgeCmk } from '../../../src/checks/registry/cmk.js';
import { runProcess } from '../../../src/probes/process.js';
import { makeCtx } from '../repository/helpers.js';
import { CMK_CLIENT_ID, CMK_IDENTITY_ID, KEY_ID, acrShowJson, makeAzStandIn, type AzStandIn } from '../repository/az-standin.js';
import type { AcrShow } from '../../../src/probes/az.js';

let standIn: AzStandIn | null = null;
afterEach(() => {
  standIn?.cleanup();
  standIn = null;
});

function run(stand: AzStandIn) {
  return cmkCheck.run(makeCtx({ runProcess, env: stand.env }));
}

describe('registry.cmk', () => {
  it('passes when the encryption identity is one of the registry identities', async () => {
    standIn = makeAzStandIn();
    standIn.answer('acr show', acrShowJson({ cmk: 'ok' }));
    const out = await run(standIn);
    expect(out.status).toBe('pass');
    expect(out.details).toMatchObject({ encryption: 'enabled', identityClientId: CMK_CLIENT_ID, matchedBy: 'user-assigned' });
  });

  it('fails CMK_ERROR when the identity is gone, with identity assign and key rotation commands', async () => {
    standIn = makeAzStandIn();
    standIn.answer('acr show', acrShowJson({ cmk: 'broken' }));
    standIn.answer('identity list', [{ clientId: CMK_CLIENT_ID, id: CMK_IDENTITY_ID, name: 'acr-cmk' }]);
    const out = await run(standIn);
    expect(out).toMatchObject({ status: 'fail', code: 'CMK_ERROR' });
    expect(out.summary).toContain(CMK_CLIENT_ID);
    expect(out.remediations?.map((r) => r.command)).toEqual([
      ['az', 'acr', 'identity', 'assign', '--name', 'myreg', '--identities', CMK_IDENTITY_ID],
      ['az', 'acr', 'encryption', 'rotate-key', '--name', 'myreg', '--key-encryption-key', KEY_ID, '--identity', CMK_IDENTITY_ID],
    ]);
  });

  it('makes the identity step manual when the identity cannot be found by its client id', async () => {
    standIn = makeAzStandIn();
    standIn.answer('acr show', acrShowJson({ cmk: 'broken' }));
    standIn.answer('identity list', []);
    const out = await run(standIn);
    expect(out.code).toBe('CMK_ERROR');
    expect(out.remediations?.[0]).toMatchObject({ command: null });
    expect(out.remediations?.[0]?.title).toContain('IDENTITY_RESOURCE_ID');
    expect(out.remediations?.[1]?.command).toContain(CMK_CLIENT_ID);
  });

  it('passes without customer-managed keys', async () => {
    standIn = makeAzStandIn();
    standIn.answer('acr show', acrShowJson({ cmk: 'off' }));
    const out = await run(standIn);
    expect(out.status).toBe('pass');
    expect(out.summary).toMatch(/Microsoft-managed/);
  });

  it('skips saying why when the CLI is missing or signed out', async () => {
    standIn = makeAzStandIn();
    const missing = await cmkCheck.run(makeCtx({ runProcess, env: { ...standIn.env, PATH: `${standIn.dir}/none` } }));
    expect(missing.status).toBe('skip');
    expect(missing.summary).toMatch(/not installed/);
    standIn.error('acr show', "ERROR: Please run 'az login' to setup account.");
    const out = await run(standIn);
    expect(out.status).toBe('skip');
    expect(out.summary).toMatch(/not signed in/);
    expect(out.remediations?.[0]?.command).toEqual(['az', 'login']);
  });

  it('runs only for Azure registry names', () => {
    const o = makeCtx().options;
    expect(cmkCheck.enabled?.(o, { input: 'myreg', registryName: 'myreg', loginServer: 'myreg.azurecr.io', cloud: 'AzureCloud' })).toBe(true);
    expect(cmkCheck.enabled?.(o, { input: 'localhost:5000', registryName: null, loginServer: 'localhost:5000', cloud: 'AzureCloud' })).toBe(false);
  });

  it('accepts the system identity the way check-health does', () => {
    const reg: AcrShow = {
      encryption: { status: 'enabled', keyVaultProperties: { identity: 'system', keyIdentifier: KEY_ID } },
      identity: { principalId: 'p-1', type: 'SystemAssigned' },
    };
    expect(judgeCmk(reg)).toMatchObject({ valid: true, matchedBy: 'system' });
    expect(judgeCmk({ ...reg, identity: { principalId: null } })).toMatchObject({ valid: false });
  });
});
