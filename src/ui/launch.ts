import { createElement } from 'react';
import { render, type Instance } from 'ink';
import type { CliIO } from '../cli/io.js';
import type { Session } from '../cli/session.js';
import type { CheckDefinition, EngineEvent } from '../engine/types.js';
import { t } from '../knowledge/i18n.js';
import { App } from './App.js';
import { WizardController, type TerminalHandOver } from './controller.js';
import { initialView, type ViewState } from './view-state.js';
import { restoreTerminal } from './terminal.js';
import { formatArgv } from '../report/style.js';
import { UsageError } from '../cli/usage-error.js';
import { exportAtEnd, exportPathProblem } from '../transcript/session-export.js';
import { secretValuesFromEnv } from '../transcript/redact.js';

export interface LaunchOptions {
  demo?: { scenario: string };
  /** Replaces the selected checks (tests). */
  checks?: CheckDefinition[];
}

interface HandOverState {
  pending: (() => Promise<void>) | null;
  /** Ends a hand-over that never started because the wizard ended first. */
  abandon: (() => void) | null;
  instance: Instance | null;
  io: CliIO;
}

interface Mount {
  controller: WizardController;
  color: boolean;
  cloud: Session['options']['cloud'];
  view: ViewState;
}

/**
 * Draws the wizard until the person quits. A remediation that needs the terminal unmounts Ink,
 * runs with the terminal handed over, and the wizard is drawn again where it was.
 */
async function drive(io: CliIO, m: Mount, handover: HandOverState): Promise<number> {
  let quitWith: boolean | null = null;
  let crashed: unknown = null;
  let interruptedBySignal = false;

  const onSigint = (): void => {
    // In raw mode Ctrl-C arrives as a key; a SIGINT here comes from outside or during a hand-over
    // (where the child gets it too and decides for itself).
    if (handover.pending) return;
    interruptedBySignal = true;
    handover.instance?.unmount();
  };
  const onSigterm = (): void => {
    interruptedBySignal = true;
    m.controller.cancelRemediation();
    handover.instance?.unmount();
  };
  const onExit = (): void => restoreTerminal(io);
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('exit', onExit);

  try {
    for (;;) {
      const instance = render(
        createElement(App, {
          controller: m.controller,
          initialView: m.view,
          color: m.color,
          cloud: m.cloud,
          onView: (v: ViewState) => {
            m.view = v;
          },
          onQuit: (interrupted: boolean) => {
            quitWith = interrupted;
          },
        }),
        {
          stdout: io.stdout as NodeJS.WriteStream,
          stdin: io.stdin as NodeJS.ReadStream,
          stderr: io.stderr as NodeJS.WriteStream,
          exitOnCtrlC: false,
          patchConsole: false,
          // Ink 6.8's incremental mode left stale lines behind in tmux when the frame changed
          // height; finished rows are memoised instead (components/CheckLine.tsx).
          incrementalRendering: false,
          maxFps: 20,
        },
      );
      handover.instance = instance;
      try {
        await instance.waitUntilExit();
      } catch (err) {
        crashed = err;
      }
      handover.instance = null;
      if (quitWith !== null || crashed || interruptedBySignal || !handover.pending) break;
      restoreTerminal(io);
      const job = handover.pending;
      handover.abandon = null;
      await job();
      handover.pending = null;
      // Back where the person was: the run screen of the command that just ended.
      const last = m.controller.getSnapshot().state.remediationRuns.at(-1);
      if (last && (m.view.screen === 'confirm' || m.view.screen === 'run')) m.view = { ...m.view, screen: 'run', runId: last.runId, confirmIndex: null };
    }
  } finally {
    handover.abandon?.();
    restoreTerminal(io);
    await m.controller.shutdown();
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigterm);
    process.removeListener('exit', onExit);
  }
  if (crashed) {
    const message = crashed instanceof Error ? crashed.message : String(crashed);
    io.stderr.write(`acr-doctor: ${t('cli.error.internal', { message })}\n`);
    return 1;
  }
  return m.controller.exitCode(quitWith === true || interruptedBySignal);
}

function handOverFor(state: HandOverState): TerminalHandOver {
  return {
    handOver<T>(argv: string[], fn: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        state.abandon = () => reject(new Error('the wizard ended before the command started'));
        state.pending = async () => {
          state.io.stdout.write(`\n$ ${formatArgv(argv)}\n`);
          try {
            resolve(await fn());
          } catch (err) {
            reject(err);
          }
        };
        // Let the key that confirmed it finish its update first, so the wizard comes back on the run screen.
        setTimeout(() => state.instance?.unmount(), 20);
      });
    },
  };
}

/** The interactive wizard for a session. Returns the exit code (0, 1, or 130 when interrupted). */
export async function launchWizard(session: Session, io: CliIO, opts: LaunchOptions = {}): Promise<number> {
  const exportFile = session.options.export;
  if (exportFile) {
    const problem = await exportPathProblem(exportFile, io.cwd);
    if (problem) {
      await session.probes.http.close().catch(() => {});
      throw new UsageError(problem);
    }
  }
  const handover: HandOverState = { pending: null, abandon: null, instance: null, io };
  const controller = new WizardController({
    session,
    ...(opts.checks ? { checks: opts.checks } : {}),
    mode: opts.demo ? 'demo' : 'wizard',
    ...(opts.demo ? { scenario: opts.demo.scenario } : {}),
    cwd: io.cwd,
    terminal: handOverFor(handover),
  });
  // Said once above the wizard, as `check` does (default registry taken from az, name lowered).
  for (const n of session.notices) io.stderr.write(`${n}\n`);
  const needsTarget = session.target === null && !opts.demo;
  if (!needsTarget) controller.start(session.target);
  let code = await drive(
    io,
    {
      controller,
      color: session.options.color,
      cloud: session.options.cloud,
      view: initialView(needsTarget ? 'start' : 'chain'),
    },
    handover,
  );
  if (exportFile) {
    const known = secretValuesFromEnv(io.env);
    if (session.options.password) known.push(session.options.password.reveal());
    const snap = controller.getSnapshot();
    const written = await exportAtEnd(exportFile, { events: controller.getEvents(), state: snap.state, target: snap.target, secrets: known }, io);
    if (written === 'exists') code = 2;
    else if (written === 'failed' && code === 0) code = 1;
  }
  return code;
}

/** An exported session, read-only: the same screens, nothing runs. */
export async function launchReplay(events: EngineEvent[], io: CliIO): Promise<number> {
  const controller = new WizardController({ events, mode: 'replay', cwd: io.cwd });
  const info = controller.getSnapshot().state.info;
  const color = !(io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '');
  return drive(
    io,
    { controller, color, cloud: info?.target?.cloud ?? 'AzureCloud', view: initialView('chain') },
    { pending: null, abandon: null, instance: null, io },
  );
}
