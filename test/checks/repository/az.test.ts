import { afterEach, describe, expect, it } from 'vitest';
import { runAz } from '../../../src/probes/az.js';
import { runProcess } from '../../../src/probes/process.js';
import { makeAzStandIn, type AzStandIn } from './az-standin.js';
import { makeCtx } from './helpers.js';

let standIn: AzStandIn | null = null;
afterEach(() => {
  standIn?.cleanup();
  standIn = null;
});

/** The stand-in signed in (its own AZURE_CONFIG_DIR); `path` replaces its PATH. */
function ctxFor(stand: AzStandIn, path = stand.path) {
  return makeCtx({ runProcess, env: { PATH: path, HOME: '/nonexistent', AZURE_CONFIG_DIR: stand.configDir } });
}

describe('runAz', () => {
  it('parses the JSON of a successful call and passes --output json', async () => {
    standIn = makeAzStandIn();
    standIn.answer('acr show', { id: '/subscriptions/x', name: 'myreg' });
    const r = await runAz(ctxFor(standIn), ['acr', 'show', '--name', 'myreg']);
    expect(r).toMatchObject({ ok: true, value: { name: 'myreg' } });
    expect(standIn.calls()[0]).toContain('acr show --name myreg --output json');
  });

  it('tells "not installed" apart from "not signed in" and from other failures', async () => {
    standIn = makeAzStandIn();
    const missing = await runAz(ctxFor(standIn, `${standIn.dir}/nothing-here`), ['acr', 'show']);
    expect(missing).toMatchObject({ ok: false, reason: 'not-installed' });

    standIn.error('acr show', "ERROR: Please run 'az login' to setup account.\n");
    const loggedOut = await runAz(ctxFor(standIn), ['acr', 'show', '--name', 'myreg']);
    expect(loggedOut).toMatchObject({ ok: false, reason: 'not-signed-in' });

    standIn.error('acr show', "ERROR: (ResourceNotFound) The Resource 'Microsoft.ContainerRegistry/registries/myreg' was not found.\n");
    const other = await runAz(ctxFor(standIn), ['acr', 'show', '--name', 'myreg']);
    expect(other).toMatchObject({ ok: false, reason: 'failed' });
    expect(other.ok ? '' : other.message).toContain('ResourceNotFound');
  });

  it('reports output that is not JSON', async () => {
    standIn = makeAzStandIn();
    standIn.answer('acr show', 'this is not json');
    const r = await runAz(ctxFor(standIn), ['acr', 'show']);
    expect(r).toMatchObject({ ok: false, reason: 'bad-json' });
  });
});

describe('firstLine', () => {
  it('names the exception when az crashes with a traceback', async () => {
    const { firstLine } = await import('../../../src/probes/az.js');
    const stderr = [
      'The command failed with an unexpected error. Here is the traceback:',
      "'NoneType' object has no attribute 'standard_medium'",
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3/dist-packages/knack/cli.py", line 233, in invoke',
      "AttributeError: 'NoneType' object has no attribute 'standard_medium'",
      'To check existing issues, please visit: https://github.com/Azure/azure-cli/issues',
    ].join('\n');
    expect(firstLine(stderr)).toBe("AttributeError: 'NoneType' object has no attribute 'standard_medium'");
    expect(firstLine("WARNING: preview\nERROR: (ResourceNotFound) gone\n")).toBe('(ResourceNotFound) gone');
  });
});

describe('acrShow', () => {
  it('shares one az call between checks asking at the same time, and asks again afterwards', async () => {
    const { acrShow } = await import('../../../src/probes/az.js');
    const stand = makeAzStandIn();
    try {
      stand.answer('acr show', { id: '/subscriptions/x', name: 'myreg' });
      const ctx = ctxFor(stand);
      const [a, b] = await Promise.all([acrShow(ctx, 'myreg'), acrShow(ctx, 'myreg')]);
      expect(a).toEqual(b);
      expect(stand.calls()).toHaveLength(1);
      await acrShow(ctx, 'myreg');
      expect(stand.calls()).toHaveLength(2);
    } finally {
      stand.cleanup();
    }
  });
});
