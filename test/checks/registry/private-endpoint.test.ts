import { afterEach, describe, expect, it } from 'vitest';
import { createPrivateEndpointCheck, expectedRecords, privateEndpointCheck } from '../../../src/checks/registry/private-endpoint.js';
import { runProcess } from '../../../src/probes/process.js';
import type { DnsData } from '../../../src/checks/data.js';
import { fakeAz, makeCtx } from '../repository/helpers.js';
import { acrShowJson, makeAzStandIn, privateEndpointJson, type AzStandIn } from '../repository/az-standin.js';

let standIn: AzStandIn | null = null;
afterEach(() => {
  standIn?.cleanup();
  standIn = null;
});

const privateLogin: DnsData = { addresses: [{ address: '10.1.0.4', family: 4, private: true }], mappedTo: null, anyPrivate: true };

describe('registry.private-endpoint', () => {
  it('passes when every private endpoint name resolves to its private address (real resolver, localhost)', async () => {
    standIn = makeAzStandIn();
    standIn.answer('acr show', acrShowJson({ privateEndpoint: true }));
    standIn.answer('network private-endpoint show', privateEndpointJson([{ fqdn: 'localhost', ipAddresses: ['127.0.0.1'] }]));
    const out = await privateEndpointCheck.run(makeCtx({ runProcess, env: standIn.env }));
    expect(out.status).toBe('pass');
    expect(standIn.calls().some((c) => c.startsWith('network private-endpoint show --ids /subscriptions/'))).toBe(true);
  });

  it('fails PRIVATE_ENDPOINT_ERROR listing fqdn, expected and actual', async () => {
    standIn = makeAzStandIn();
    standIn.answer('acr show', acrShowJson({ privateEndpoint: true }));
    standIn.answer(
      'network private-endpoint show',
      privateEndpointJson([
        { fqdn: 'localhost', ipAddresses: ['10.1.0.4'] },
        { fqdn: 'myreg.eastus.data.azurecr.io', ipAddresses: ['10.1.0.5'] },
      ]),
    );
    const resolver = async (host: string) => {
      if (host === 'localhost') return [{ address: '127.0.0.1', family: 4 }];
      if (host === 'myreg.eastus.data.azurecr.io') return [{ address: '10.1.0.5', family: 4 }];
      throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' });
    };
    const out = await createPrivateEndpointCheck({ resolver }).run(makeCtx({ runProcess, env: standIn.env }));
    expect(out).toMatchObject({ status: 'fail', code: 'PRIVATE_ENDPOINT_ERROR' });
    expect(out.details?.mismatches).toEqual([{ fqdn: 'localhost', expected: ['10.1.0.4'], actual: ['127.0.0.1'], error: null }]);
    expect(out.summary).toContain('localhost');
    expect(out.summary).toContain('10.1.0.4');
    expect(out.summary).toContain('127.0.0.1');
    expect(out.remediations?.[1]?.title).toContain('localhost → 10.1.0.4');
  });

  it('counts a name that does not resolve at all as a mismatch', async () => {
    standIn = makeAzStandIn();
    standIn.answer('acr show', acrShowJson({ privateEndpoint: true }));
    standIn.answer('network private-endpoint show', privateEndpointJson([{ fqdn: 'myreg.azurecr.io', ipAddresses: ['10.1.0.4'] }]));
    const resolver = async () => {
      throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' });
    };
    const out = await createPrivateEndpointCheck({ resolver }).run(makeCtx({ runProcess, env: standIn.env }));
    expect(out.code).toBe('PRIVATE_ENDPOINT_ERROR');
    expect(out.summary).toContain('ENOTFOUND');
  });

  it('skips when the registry has no private endpoints', async () => {
    standIn = makeAzStandIn();
    standIn.answer('acr show', acrShowJson({}));
    const out = await privateEndpointCheck.run(makeCtx({ runProcess, env: standIn.env }));
    expect(out.status).toBe('skip');
    expect(out.summary).toMatch(/no private endpoint/);
  });

  it('without the CLI, skips saying why and where the data endpoint comparison happens', async () => {
    const out = await privateEndpointCheck.run(makeCtx({ runProcess, env: { PATH: '/nonexistent' }, deps: { 'registry.dns': privateLogin } }));
    expect(out.status).toBe('skip');
    expect(out.summary).toMatch(/not installed/);
    expect(out.summary).toContain('repository.data-endpoint');
  });
});

describe('registry.private-endpoint when az cannot read the endpoint', () => {
  it('skips naming what az said', async () => {
    const stand = makeAzStandIn();
    try {
      stand.answer('acr show', acrShowJson({ privateEndpoint: true }));
      stand.error('network private-endpoint show', "The command failed with an unexpected error. Here is the traceback:\nAttributeError: 'NoneType' object has no attribute 'standard_medium'\n");
      const out = await privateEndpointCheck.run(makeCtx({ runProcess, env: stand.env }));
      expect(out.status).toBe('skip');
      expect(out.summary).toContain('AttributeError');
    } finally {
      stand.cleanup();
    }
  });
});

describe('registry.private-endpoint remediations per platform and cloud', () => {
  const failing = async () => {
    throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' });
  };
  function ctxFor(fqdn: string, platform: NodeJS.Platform) {
    const az = fakeAz({
      'acr show': { stdout: acrShowJson({ privateEndpoint: true }) },
      'network private-endpoint show': { stdout: privateEndpointJson([{ fqdn, ipAddresses: ['10.1.0.4'] }]) },
    });
    const ctx = makeCtx({ runProcess: az });
    ctx.probes.platform = platform;
    return ctx;
  }

  it('looks the name up with nslookup, or with Resolve-DnsName in PowerShell on Windows', async () => {
    const linux = await createPrivateEndpointCheck({ resolver: failing }).run(ctxFor('myreg.azurecr.io', 'linux'));
    expect(linux.remediations?.at(-1)?.command).toEqual(['nslookup', 'myreg.azurecr.io']);
    const win = await createPrivateEndpointCheck({ resolver: failing }).run(ctxFor('myreg.azurecr.io', 'win32'));
    expect(win.remediations?.at(-1)?.command).toEqual(['powershell', '-NoProfile', '-Command', 'Resolve-DnsName', '-Name', 'myreg.azurecr.io']);
    expect(win.remediations?.at(-1)?.changes).toBe(false);
  });

  it("names the cloud's private DNS zone (privatelink.azurecr.cn in Azure China)", async () => {
    const out = await createPrivateEndpointCheck({ resolver: failing }).run(ctxFor('myreg.chinaeast2.data.azurecr.cn', 'linux'));
    expect(out.remediations?.[0]?.title).toContain('privatelink.azurecr.cn');
  });

  it('never puts a name that is not a plain DNS name into a lookup command', () => {
    expect(expectedRecords([{ customDnsConfigs: [{ fqdn: 'x.azurecr.io; Remove-Item C:\\', ipAddresses: ['10.0.0.1'] }] }])).toEqual([]);
  });
});
