import type { ParsedArgs } from './args.js';
import type { CliIO } from './io.js';
import { UsageError } from './usage-error.js';
import { parseTarget } from './target.js';
import { readAzureCliConfig } from './azure-config.js';
import { t } from '../knowledge/i18n.js';
import { Secret } from '../probes/secret.js';
import { runProcess } from '../probes/process.js';
import { createHttpClient } from '../probes/http.js';
import type { Cloud, Probes, SessionOptions, Target } from '../engine/types.js';
import { redactText, secretValuesFromEnv } from '../transcript/redact.js';
import { plainText } from '../transcript/control.js';

export interface Session {
  options: SessionOptions;
  target: Target | null;
  probes: Probes;
  /** Things to tell the person before the run (upper case lowered, default registry used). */
  notices: string[];
}

const CLOUDS: Cloud[] = ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment'];

const PASSWORD_STDIN_TIMEOUT_MS = 30_000;
const PASSWORD_MAX_BYTES = 64 * 1024;

/** Reads the --password-stdin pipe with a time and size limit: a pipe that never closes must not hang the run. */
async function readPassword(io: CliIO): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      io.stdin.destroy?.();
      reject(new UsageError(t('cli.error.passwordStdinTimeout', { seconds: PASSWORD_STDIN_TIMEOUT_MS / 1000 })));
    }, PASSWORD_STDIN_TIMEOUT_MS);
  });
  try {
    const read = async (): Promise<string> => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of io.stdin) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += buf.length;
        if (size > PASSWORD_MAX_BYTES) throw new UsageError(t('cli.error.passwordStdinTooLong', { kib: PASSWORD_MAX_BYTES / 1024 }));
        chunks.push(buf);
      }
      return Buffer.concat(chunks).toString('utf8');
    };
    return await Promise.race([read(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves target, cloud and password; builds the probes. Throws UsageError for bad input. */
export async function buildSession(args: ParsedArgs, io: CliIO, interactive: boolean): Promise<Session> {
  const notices: string[] = [];
  const azConfig = readAzureCliConfig(io.env);
  let cloud = args.options.cloud;
  if (!args.options.cloudExplicit && azConfig.cloud && CLOUDS.includes(azConfig.cloud as Cloud)) {
    cloud = azConfig.cloud as Cloud;
  }
  let registry = args.registry;
  let fromDefaults = false;
  if (registry === null && azConfig.defaultRegistry) {
    registry = azConfig.defaultRegistry;
    fromDefaults = true;
    notices.push(t('cli.notice.defaultRegistry', { name: registry }));
  }
  let target: Target | null = null;
  if (registry !== null) {
    let parsed;
    try {
      parsed = parseTarget(registry, cloud);
    } catch (err) {
      // The person did not type it: say where the bad value came from.
      if (fromDefaults && err instanceof UsageError) throw new UsageError(t('cli.error.defaultRegistry', { problem: err.message }));
      throw err;
    }
    target = parsed.target;
    if (parsed.lowered) notices.push(t('cli.notice.lowered', { value: registry, name: target.registryName ?? target.loginServer }));
  }

  let password: Secret | null = null;
  if (args.passwordStdin) {
    if (io.stdin.isTTY) throw new UsageError(t('cli.error.passwordStdinTty'));
    const text = (await readPassword(io)).replace(/\r?\n$/, '');
    if (!text) throw new UsageError(t('cli.error.passwordStdinEmpty'));
    password = new Secret(text);
  } else if (io.env.ACR_DOCTOR_PASSWORD) {
    password = new Secret(io.env.ACR_DOCTOR_PASSWORD);
  }

  const options: SessionOptions = { ...args.options, cloud, registry, password, interactive };
  // The HTTP log quotes server headers: scrubbed again here and stripped of terminal escapes.
  const known = [...secretValuesFromEnv(io.env), ...(password ? [password.reveal()] : [])];
  const verboseLine = (line: string): void => void io.stderr.write(`${redactText(plainText(line), known)}\n`);
  const probes: Probes = {
    runProcess,
    http: createHttpClient(options, io.env, options.verbose ? verboseLine : undefined),
    env: io.env,
    platform: io.platform,
  };
  return { options, target, probes, notices };
}
