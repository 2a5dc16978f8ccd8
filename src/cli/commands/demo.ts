import { isInteractive } from '../interactive.js';
import type { CliIO } from '../io.js';
import type { ParsedArgs } from '../args.js';
import { buildSession, type Session } from '../session.js';
import { UsageError } from '../usage-error.js';
import { runCheckCommand } from './check.js';
import { t } from '../../knowledge/i18n.js';
import { runProcess } from '../../probes/process.js';
import { findScenario, SCENARIOS } from '../../simulator/scenarios/index.js';
import { listScenarios, startSimulator, type RunningSimulator } from '../../simulator/index.js';
import { installStandIns, type StandIns } from '../../simulator/standin/install.js';
import type { RunProcess } from '../../engine/types.js';

// Credentials a person may have exported for their real Azure: in the demo they would only confuse the picture.
const REAL_CREDENTIAL_VARS = ['AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_TENANT_ID', 'AZURE_AUTHORITY_HOST', 'ACR_DOCTOR_PASSWORD'];

function printList(io: CliIO): void {
  const items = listScenarios();
  const width = Math.max(...items.map((s) => s.name.length));
  io.stdout.write(`${t('simulator.list.title')}\n\n`);
  for (const s of items) io.stdout.write(`  ${s.name.padEnd(width)}  ${s.description}\n`);
  io.stdout.write(`\n${t('simulator.list.footer')}\n`);
}

/** The demo's arguments: the simulated registry as target, reached through --connect-to, trusting its CA. */
function demoArgs(args: ParsedArgs, sim: RunningSimulator, scenario: string): ParsedArgs {
  const extra = findScenario(scenario)?.demo ?? {};
  const o = args.options;
  const auth = o.auth === 'auto' && extra.auth && o.username === null ? extra.auth : o.auth;
  const push = o.push || Boolean(extra.push);
  return {
    ...args,
    registry: sim.loginServer,
    options: {
      ...o,
      auth,
      username: auth === 'basic' && o.username === null ? sim.fixtures.adminUsername : o.username,
      connectTo: [...sim.connectTo, ...o.connectTo],
      caFile: sim.caFile,
      repository: o.repository ?? { name: sim.fixtures.repository, tag: sim.fixtures.tag },
      push,
      // Writing to the simulated registry harms nothing, so the scenario's push test runs without asking.
      yes: o.yes || Boolean(extra.push),
      // docker pull would reach the real internet (mcr.microsoft.com); the demo stays on loopback.
      skip: [...new Set([...o.skip, 'docker.pull'])],
      skipReasons: { 'docker.pull': t('simulator.demo.pullSkipped') },
    },
  };
}

function demoEnv(io: CliIO, sim: RunningSimulator, standIns: StandIns, args: ParsedArgs): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...io.env };
  for (const k of REAL_CREDENTIAL_VARS) delete env[k];
  const f = sim.fixtures;
  if (args.options.auth === 'env') {
    Object.assign(env, {
      AZURE_CLIENT_ID: f.clientId,
      AZURE_CLIENT_SECRET: f.clientSecret,
      AZURE_TENANT_ID: f.tenantId,
      AZURE_AUTHORITY_HOST: `https://${sim.aadHost}`,
    });
  }
  if (args.options.username === f.adminUsername && !args.passwordStdin) env.ACR_DOCTOR_PASSWORD = f.adminPassword;
  return standIns.env(env);
}

/** Every command the checks run sees the demo's PATH, even when a caller forgets to pass env. */
function withEnv(env: Record<string, string | undefined>): RunProcess {
  return (argv, options = {}) => runProcess(argv, { ...options, env: options.env ?? env });
}

async function launch(session: Session, io: CliIO, scenario: string, interactive: boolean): Promise<number> {
  if (!interactive) return (await runCheckCommand(session, io, { mode: 'demo', scenario })).exitCode;
  const { launchWizard } = await import('../../ui/launch.js');
  return launchWizard(session, io, { demo: { scenario } });
}

/** `acr-doctor demo [SCENARIO]` and `demo --list`. */
export async function runDemoCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.list) {
    printList(io);
    return 0;
  }
  const scenario = args.rest[0] ?? 'healthy';
  if (!findScenario(scenario)) {
    throw new UsageError(t('simulator.error.unknownScenario', { name: scenario, names: SCENARIOS.map((s) => s.name).join(', ') }));
  }
  const interactive = isInteractive(io);

  // Ctrl-C at any moment (also before the chain's own handler is in place) ends the demo with 130
  // after the simulator and the temporary files are gone; the check run and the wizard see it too.
  let interrupted = false;
  const onInt = (): void => {
    interrupted = true;
  };
  let sim: RunningSimulator | null = null;
  let standIns: StandIns | null = null;
  const cleanup = async (): Promise<void> => {
    standIns?.remove();
    await sim?.close();
  };
  // SIGTERM and SIGHUP (terminal closed) would end the process without running `finally`.
  const onTerm = (): void => {
    void cleanup().finally(() => process.exit(143));
  };
  const onHup = (): void => {
    void cleanup().finally(() => process.exit(129));
  };
  // A crash or a closed output pipe still runs exit handlers: the stand-in directory goes with them
  // (the simulator removes its own directory the same way).
  const onExit = (): void => standIns?.remove();
  process.on('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  process.once('exit', onExit);
  try {
    sim = await startSimulator({ scenario });
    standIns = installStandIns(sim);
    const parsed = demoArgs(args, sim, scenario);
    const env = demoEnv(io, sim, standIns, parsed);
    io.stderr.write(`${t('simulator.banner', { scenario, loginServer: sim.loginServer, port: sim.port })}\n`);
    const session = await buildSession(parsed, { ...io, env }, interactive);
    session.probes.runProcess = withEnv(env);
    if (interrupted) {
      await session.probes.http.close().catch(() => {});
      return 130;
    }
    const code = await launch(session, { ...io, env }, scenario, interactive);
    return interrupted ? 130 : code;
  } finally {
    process.removeListener('SIGINT', onInt);
    process.removeListener('SIGTERM', onTerm);
    process.removeListener('SIGHUP', onHup);
    process.removeListener('exit', onExit);
    await cleanup();
  }
}
