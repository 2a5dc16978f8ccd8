import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/index.js';
import { installStandIns, type StandIns } from '../../../src/simulator/standin/install.js';
import { createHttpClient } from '../../../src/probes/http.js';
import { runProcess } from '../../../src/probes/process.js';
import { runChecks } from '../../../src/engine/runner.js';
import { selectChecks } from '../../../src/checks/index.js';
import type { EngineEvent } from '../../../src/engine/types.js';
import type { HttpClient } from '../../../src/probes/http-types.js';
import { makeOptions } from '../../support/options.js';

let sim: RunningSimulator;
let standIns: StandIns;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
  standIns = installStandIns(sim);
});
afterAll(async () => {
  standIns?.remove();
  await sim?.close();
});

describe('pull through the simulated data endpoint, in process', () => {
  it('keeps the real SAS signature out of results, logs and events, and downloads the blob once', async () => {
    const options = makeOptions({
      registry: sim.loginServer,
      auth: 'az',
      repository: { name: sim.fixtures.repository, tag: sim.fixtures.tag },
      connectTo: sim.connectTo,
      caFile: sim.caFile,
      skip: ['environment', 'registry.cmk', 'registry.private-endpoint'],
    });
    const env = standIns.env({ PATH: process.env.PATH });
    const real = createHttpClient(options, env);
    const locations: string[] = [];
    const http: HttpClient = {
      ...real,
      async request(req) {
        const res = await real.request(req);
        const loc = res.headers.location;
        if (typeof loc === 'string') locations.push(loc);
        return res;
      },
      stats: () => real.stats(),
      close: () => real.close(),
    };
    const events: EngineEvent[] = [];
    const logs: string[] = [];
    const target = { input: sim.loginServer, registryName: sim.registryName, loginServer: sim.loginServer, cloud: 'AzureCloud' as const };
    const out = await runChecks({
      checks: selectChecks(options, target),
      options,
      target,
      probes: { runProcess, http, env, platform: process.platform },
      emit: (e) => events.push(e),
      log: (m) => logs.push(m),
    });
    await real.close();
    expect(out.finished.get('repository.pull')?.result.status).toBe('pass');
    expect(out.finished.get('repository.data-endpoint')?.result.status).toBe('pass');

    const sas = locations.find((l) => l.includes('sig='));
    expect(sas).toBeDefined();
    const sig = new URL(sas!).searchParams.get('sig')!;
    expect(sig.length).toBeGreaterThan(10);
    const everything = JSON.stringify(events) + logs.join('\n');
    expect(everything).not.toContain(sig);
    expect(everything).not.toContain(encodeURIComponent(sig));
    expect(everything).toContain(sim.dataHost);
    expect(sim.requests.filter((r) => r.host.startsWith(sim.dataHost))).toHaveLength(1);
  });
});
