import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRegistryChain } from '../../probes/harness.js';
import { loginServerCheck, splitLoginServer } from '../../../src/checks/registry/login-server.js';
import type { LoginServerData } from '../../../src/checks/data.js';

const only = { checks: [loginServerCheck] };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('registry.login-server', () => {
  it('forms the login server from a registry name and says where the cloud came from', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'acr-doctor-azcfg-'));
    dirs.push(empty);
    const run = await runRegistryChain('myreg', {}, { ...only, env: { AZURE_CONFIG_DIR: empty } });
    const r = run.results['registry.login-server']!;
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('myreg.azurecr.io');
    expect(r.details).toMatchObject({ input: 'myreg', loginServer: 'myreg.azurecr.io', cloud: 'AzureCloud', cloudSource: 'default' });
    expect(run.data['registry.login-server'] as unknown as LoginServerData).toEqual({
      loginServer: 'myreg.azurecr.io',
      host: 'myreg.azurecr.io',
      port: 443,
      registryName: 'myreg',
      baseUrl: 'https://myreg.azurecr.io',
    });
  });

  it('uses the --cloud suffix, or the suffix of a typed login server', async () => {
    const china = await runRegistryChain('myreg', { cloud: 'AzureChinaCloud', cloudExplicit: true }, only);
    expect(china.results['registry.login-server']!.details).toMatchObject({ loginServer: 'myreg.azurecr.cn', cloudSource: 'option' });
    const typed = await runRegistryChain('myreg.azurecr.us', {}, only);
    expect(typed.results['registry.login-server']!.details).toMatchObject({ cloud: 'AzureUSGovernment', cloudSource: 'suffix' });
  });

  it("reports the Azure CLI's configured cloud as the source", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-azcfg-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'config'), '[cloud]\nname = AzureChinaCloud\n');
    const run = await runRegistryChain('myreg', { cloud: 'AzureChinaCloud' }, { ...only, env: { AZURE_CONFIG_DIR: dir } });
    expect(run.results['registry.login-server']!.details).toMatchObject({ loginServer: 'myreg.azurecr.cn', cloudSource: 'azureCli' });
    expect(run.results['registry.login-server']!.summary).toContain('Azure CLI');
  });

  it('accepts host:port of another registry, not pretending it is Azure', async () => {
    const run = await runRegistryChain('127.0.0.1:5000', {}, only);
    expect(run.results['registry.login-server']!.details).toMatchObject({ registryName: null, azureContainerRegistry: false, cloud: null });
    expect(run.data['registry.login-server']).toMatchObject({ host: '127.0.0.1', port: 5000, baseUrl: 'https://127.0.0.1:5000' });
  });

  it('fails with LOGIN_SERVER_ERROR and says what to do when no login server can be formed', async () => {
    const run = await runRegistryChain('x', {}, { ...only, target: null });
    const r = run.results['registry.login-server']!;
    expect(r.status).toBe('fail');
    expect(r.code).toBe('LOGIN_SERVER_ERROR');
    expect(r.remediations.map((x) => x.title).join(' ')).toContain('az configure --defaults acr=NAME');
  });

  it('splits login servers, including IPv6 and ports', () => {
    expect(splitLoginServer('[::1]:5000')).toEqual({ host: '::1', port: 5000 });
    expect(splitLoginServer('reg.example.com')).toEqual({ host: 'reg.example.com', port: 443 });
    expect(splitLoginServer('a/b')).toBeNull();
  });
});
