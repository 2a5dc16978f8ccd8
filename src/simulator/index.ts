import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ConnectTo } from '../engine/types.js';
import { t } from '../knowledge/i18n.js';
import { makeCerts } from './certs.js';
import { AAD_HOST, DATA_HOST, LOGIN_SERVER, REGISTRY_NAME, makeFixtures, type SimFixtures } from './fixtures.js';
import { findScenario, SCENARIOS } from './scenarios/index.js';
import { createSimServer } from './server.js';
import { mintAad } from './tokens.js';
import { World } from './world.js';
import type { RecordedRequest, SimState } from './types.js';

export type { RecordedRequest, SimState, Role, Scenario, Behaviour } from './types.js';
export type { SimFixtures } from './fixtures.js';
export { ADMIN_HEADER } from './routes/admin.js';

export interface SimulatorOptions {
  scenario?: string;
  /** Fixed delay added to every HTTP response (ms), for the bench. */
  responseDelayMs?: number;
}

export interface RunningSimulator {
  registryName: string;
  loginServer: string;
  dataHost: string;
  /** AAD token endpoint host for service principals: POST /{tenant}/oauth2/v2.0/token. */
  aadHost: string;
  port: number;
  /** The CA that signed the server certificate (trusted clients use this). */
  caPem: string;
  caFile: string;
  /** loginServer:443, dataHost:443, aadHost:443 → 127.0.0.1:port (data host to a closed port in data-endpoint-unreachable). */
  readonly connectTo: ConnectTo[];
  cliArgs(): string[];
  readonly scenario: string;
  setScenario(name: string): void;
  /** Live, mutable state: change it to change what the registry answers. */
  readonly state: SimState;
  readonly requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  connectionCount(): number;
  fixtures: SimFixtures;
  mintAadToken(o: { audience: 'arm' | 'acr'; expiresInSec?: number; kind?: 'user' | 'service-principal' }): string;
  /** https://127.0.0.1:PORT/_sim; send ADMIN_HEADER: adminToken. */
  adminUrl: string;
  adminToken: string;
  /** Every CA the server may present (the untrusted-certificate scenario uses a second one): for admin clients only. */
  adminCaPem: string;
  close(): Promise<void>;
}

/** Temporary directories of simulators still running: removed even when the process ends without close(). */
const liveDirs = new Set<string>();
let exitHookInstalled = false;
function removeOnExit(dir: string): void {
  liveDirs.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const d of liveDirs) rmSync(d, { recursive: true, force: true });
  });
}

export function listScenarios(): { name: string; description: string }[] {
  return SCENARIOS.map((s) => ({ name: s.name, description: t(s.descriptionKey) }));
}

export function scenarioNames(): string[] {
  return SCENARIOS.map((s) => s.name);
}

/** A loopback port nothing listens on (bound and released), for the unreachable data endpoint. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const scenarioName = opts.scenario ?? 'healthy';
  if (!findScenario(scenarioName)) {
    throw new Error(t('simulator.error.unknownScenario', { name: scenarioName, names: scenarioNames().join(', ') }));
  }
  const fixtures = makeFixtures();
  const world = new World(fixtures, scenarioName);
  const [certs, deadPort] = await Promise.all([makeCerts([LOGIN_SERVER, DATA_HOST, AAD_HOST]), closedPort()]);
  const adminToken = randomBytes(24).toString('base64url');

  let sim: ReturnType<typeof createSimServer>;
  const setScenario = (name: string): void => {
    world.setScenario(name);
    sim.refreshTls();
  };
  sim = createSimServer({ world, certs, responseDelayMs: opts.responseDelayMs ?? 0, adminToken, setScenario });
  await new Promise<void>((resolve, reject) => {
    sim.server.once('error', reject);
    sim.server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (sim.server.address() as { port: number }).port;

  const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-sim-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, certs.ca.cert);
  removeOnExit(dir);

  const map = (host: string, toPort: number): ConnectTo => ({ host, port: 443, toHost: '127.0.0.1', toPort });
  let closing: Promise<void> | null = null;

  const running: RunningSimulator = {
    registryName: REGISTRY_NAME,
    loginServer: LOGIN_SERVER,
    dataHost: DATA_HOST,
    aadHost: AAD_HOST,
    port,
    caPem: certs.ca.cert,
    caFile,
    get connectTo() {
      return [map(LOGIN_SERVER, port), map(DATA_HOST, world.behaviour.dataEndpointUnreachable ? deadPort : port), map(AAD_HOST, port)];
    },
    cliArgs() {
      return [
        ...this.connectTo.flatMap((c) => ['--connect-to', `${c.host}:${c.port}:${c.toHost}:${c.toPort}`]),
        '--ca-file',
        caFile,
      ];
    },
    get scenario() {
      return world.scenario.name;
    },
    setScenario,
    get state() {
      return world.state;
    },
    requests: world.requests,
    connectionCount: () => sim.connectionCount(),
    fixtures,
    mintAadToken: (o) => mintAad(fixtures, world.key, o),
    adminUrl: `https://127.0.0.1:${port}/_sim`,
    adminToken,
    adminCaPem: `${certs.ca.cert}\n${certs.rogueCa.cert}`,
    close() {
      return (closing ??= sim.close().finally(() => {
        rmSync(dir, { recursive: true, force: true });
        liveDirs.delete(dir);
      }));
    },
  };
  return running;
}
