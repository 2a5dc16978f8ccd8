import { makeOptions } from '../support/options.js';
import { EventEmitter } from 'node:events';
import { createElement } from 'react';
import { render } from 'ink';
import type { Session } from '../../src/cli/session.js';
import type { CheckDefinition, CheckOutcome, Group, SessionOptions, Target } from '../../src/engine/types.js';
import type { HttpClient } from '../../src/probes/http-types.js';
import { runProcess } from '../../src/probes/process.js';
import { App } from '../../src/ui/App.js';
import { WizardController, type ControllerOptions } from '../../src/ui/controller.js';
import { initialView } from '../../src/ui/view-state.js';
import type { Screen } from '../../src/ui/keys.js';

/** A terminal-like output stream whose size tests can change. */
export class FakeStdout extends EventEmitter {
  frames: string[] = [];
  columns: number;
  rows: number;
  isTTY = true;
  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = (): string => this.frames[this.frames.length - 1] ?? '';
}

/** A terminal-like input stream: Ink reads it through 'readable' + read(). */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  rawMode = false;
  write(data: string): void {
    this.queue.push(data);
    this.emit('readable');
    this.emit('data', data);
  }
  read = (): string | null => this.queue.shift() ?? null;
  setEncoding(): void {}
  setRawMode(on: boolean): void {
    this.rawMode = on;
  }
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export const KEY = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  enter: '\r',
  escape: '\x1b',
  ctrlC: '\x03',
  backspace: '\x7f',
} as const;

const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

export function testOptions(over: Partial<SessionOptions> = {}): SessionOptions {
  return makeOptions({ interactive: true, ...over });
}

const noHttp: HttpClient = {
  request: async () => {
    throw new Error('no network in UI tests');
  },
  stats: () => ({ requests: 0, connections: {} }),
  close: async () => {},
} as unknown as HttpClient;

export function testSession(over: Partial<SessionOptions> = {}, target: Target | null = null): Session {
  return {
    options: testOptions(over),
    target,
    probes: { runProcess, http: noHttp, env: { ...process.env }, platform: process.platform },
    notices: [],
  };
}

export const TARGET: Target = { input: 'myreg', registryName: 'myreg', loginServer: 'myreg.azurecr.io', cloud: 'AzureCloud' };

/** A hand-made check: its outcome, or a function of the context. */
export function fakeCheck(
  id: string,
  group: Group,
  outcome: CheckOutcome | ((ctx: Parameters<CheckDefinition['run']>[0]) => Promise<CheckOutcome>),
  dependsOn: string[] = [],
  title = `Check ${id}`,
): CheckDefinition {
  return {
    id,
    group,
    title,
    dependsOn,
    codes: ['FAKE_ERROR'],
    run: typeof outcome === 'function' ? outcome : async () => outcome,
  };
}

/** A check that never answers until its signal fires. */
export function hangingCheck(id: string, group: Group, dependsOn: string[] = []): CheckDefinition {
  return fakeCheck(
    id,
    group,
    (ctx) =>
      new Promise<CheckOutcome>((resolve) => {
        ctx.signal.addEventListener('abort', () => resolve({ status: 'fail', code: 'FAKE_ERROR', summary: 'stopped' }), { once: true });
      }),
    dependsOn,
  );
}

export interface Rendered {
  controller: WizardController;
  stdin: FakeStdin;
  stdout: FakeStdout;
  frame(): string;
  /** Sends keys one at a time, each after Ink had a tick to attach and read. */
  press(...keys: string[]): Promise<void>;
  waitFor(cond: (frame: string) => boolean, what?: string, timeoutMs?: number): Promise<string>;
  resize(columns: number, rows?: number): void;
  quit: { interrupted: boolean } | null;
  unmount(): Promise<void>;
}

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface RenderOpts {
  session?: Session;
  checks?: CheckDefinition[];
  screen?: Screen;
  columns?: number;
  rows?: number;
  color?: boolean;
  start?: boolean;
  controller?: Partial<ControllerOptions>;
}

/** Renders the wizard App with a real controller over fake checks, in a fake terminal. */
export async function renderWizard(o: RenderOpts = {}): Promise<Rendered> {
  const session = o.session ?? testSession({}, TARGET);
  const controller = new WizardController({ session, checks: o.checks ?? [], cwd: process.cwd(), ...o.controller });
  return renderWithController(controller, { ...o, session });
}

export async function renderWithController(controller: WizardController, o: RenderOpts = {}): Promise<Rendered> {
  const stdout = new FakeStdout(o.columns ?? 100, o.rows ?? 40);
  const stdin = new FakeStdin();
  const stderr = new FakeStdout(100, 40);
  const screen = o.screen ?? (o.session && o.session.target === null ? 'start' : 'chain');
  const result: Rendered = {
    controller,
    stdin,
    stdout,
    quit: null,
    frame: () => stripAnsi(stdout.lastFrame()),
    async press(...keys: string[]) {
      for (const k of keys) {
        await tick();
        stdin.write(k);
        // A lone Escape is held briefly by Ink to tell it from an escape sequence.
        await tick(k === KEY.escape ? 30 : 5);
      }
    },
    async waitFor(cond, what = 'frame condition', timeoutMs = 4000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const f = result.frame();
        if (cond(f)) return f;
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last frame:\n${f}`);
        await tick(10);
      }
    },
    resize(columns: number, rows = stdout.rows) {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit('resize');
    },
    async unmount() {
      instance.unmount();
      await controller.shutdown();
    },
  };
  const instance = render(
    createElement(App, {
      controller,
      initialView: initialView(screen),
      color: o.color ?? false,
      cloud: 'AzureCloud',
      onQuit: (interrupted: boolean) => {
        result.quit = { interrupted };
      },
    }),
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  if (o.start !== false && screen !== 'start') controller.start(o.session?.target ?? null);
  // useInput attaches in an effect: give it a tick before the first key.
  await tick(5);
  return result;
}
