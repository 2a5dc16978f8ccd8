import { describe, expect, it } from 'vitest';
import { privateEndpointCheck } from '../../src/checks/registry/private-endpoint.js';
import { fakeAz, makeCtx } from '../checks/repository/helpers.js';

describe('ids from az JSON', () => {
  it('go back on an az command line only when they are resource ids', async () => {
    const good = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe1';
    const runProcess = fakeAz({
      'acr show': {
        stdout: {
          id: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myreg',
          name: 'myreg',
          privateEndpointConnections: [{ privateEndpoint: { id: '--subscription=evil' } }, { privateEndpoint: { id: good } }],
        },
      },
      'network private-endpoint show': { stdout: { name: 'pe1', customDnsConfigs: [] } },
    });
    await privateEndpointCheck.run(makeCtx({ runProcess }));
    const shows = runProcess.calls.filter((argv) => argv.includes('private-endpoint'));
    expect(shows.map((argv) => argv[argv.indexOf('--ids') + 1])).toEqual([good]);
    expect(runProcess.calls.flat()).not.toContain('--subscription=evil');
  });
});
