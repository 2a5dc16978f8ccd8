import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecks } from '../../../src/engine/runner.js';
import { runProcess } from '../../../src/probes/process.js';
import { environmentChecks } from '../../../src/checks/environment/index.js';
import type { CheckResult, EngineEvent, Probes, SessionOptions } from '../../../src/engine/types.js';
import { makeOptions } from '../../support/options.js';

/** What a stand-in prints for one invocation. */
export interface Reply {
  stdout?: string;
  stderr?: string;
  exit?: number;
  /** Seconds to sleep first (uses /bin/sleep: PATH holds only the stand-ins). */
  sleep?: number;
}

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function replyLines(r: Reply): string[] {
  const out: string[] = [];
  if (r.sleep) out.push(`  exec /bin/sleep ${r.sleep}`);
  if (r.stdout !== undefined) out.push(`  printf '%s\\n' ${q(r.stdout)}`);
  if (r.stderr !== undefined) out.push(`  printf '%s\\n' ${q(r.stderr)} >&2`);
  out.push(`  exit ${r.exit ?? 0}`);
  return out;
}

/**
 * A temporary directory of `#!/bin/sh` stand-ins. Each program answers by the start of its
 * argument list (first match wins; "*" matches anything) and logs every call to calls.log.
 */
export class StandIns {
  readonly dir = mkdtempSync(join(tmpdir(), 'acr-doctor-env-'));
  private readonly log = join(this.dir, 'calls.log');

  add(program: string, replies: [string, Reply][]): this {
    const lines = ['#!/bin/sh', `printf '%s\\n' "${program} $*" >> ${q(this.log)}`, 'case "$*" in'];
    for (const [prefix, reply] of replies) {
      lines.push(`${prefix === '*' ? '*' : `${q(prefix)}*`})`, ...replyLines(reply), '  ;;');
    }
    lines.push('esac', 'exit 99');
    const file = join(this.dir, program);
    writeFileSync(file, lines.join('\n') + '\n');
    chmodSync(file, 0o755);
    return this;
  }

  /** Every call made, as "program args". */
  calls(): string[] {
    return existsSync(this.log) ? readFileSync(this.log, 'utf8').split('\n').filter(Boolean) : [];
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface EnvRun {
  byId(id: string): CheckResult;
  events: EngineEvent[];
  questions: string[];
}

/** Runs the environment checks through the real engine with the given environment and platform. */
export async function runEnvironment(
  env: Record<string, string | undefined>,
  opts: { options?: Partial<SessionOptions>; platform?: NodeJS.Platform; answer?: boolean } = {},
): Promise<EnvRun> {
  const probes: Probes = {
    runProcess,
    env,
    platform: opts.platform ?? 'linux',
    http: {
      request: async () => Promise.reject(new Error('environment checks make no HTTP requests')),
      stats: () => ({ requests: 0, connections: {} }),
      close: async () => {},
    } as unknown as Probes['http'],
  };
  const events: EngineEvent[] = [];
  const questions: string[] = [];
  const options = makeOptions(opts.options);
  const { finished } = await runChecks({
    checks: environmentChecks,
    options,
    target: null,
    probes,
    emit: (e) => events.push(e),
    graceMs: 500,
    ...(opts.answer === undefined
      ? {}
      : {
          confirm: async (question: string) => {
            questions.push(question);
            return opts.answer!;
          },
        }),
  });
  return {
    byId: (id) => {
      const f = finished.get(id);
      if (!f) throw new Error(`${id} did not finish`);
      return f.result;
    },
    events,
    questions,
  };
}
