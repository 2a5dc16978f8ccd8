import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { UsageError } from './usage-error.js';
import { parseConnectTo, parseImage, parseRepository } from './validate.js';
import { t, langFromEnv } from '../knowledge/i18n.js';
import { CHECK_IDS } from '../checks/ids.js';
import { GROUPS } from '../engine/types.js';
import type { AuthMode, Cloud, Lang, SessionOptions } from '../engine/types.js';

export type CommandName = 'default' | 'check' | 'explain' | 'replay' | 'demo';

export interface ParsedArgs {
  command: CommandName;
  help: boolean;
  version: boolean;
  /** REGISTRY or -n; null when none was given. */
  registry: string | null;
  /** explain: the text; replay: the file; demo: the scenario. */
  rest: string[];
  list: boolean;
  passwordStdin: boolean;
  options: Omit<SessionOptions, 'interactive' | 'password' | 'registry'>;
}

const COMMANDS = new Set<CommandName>(['check', 'explain', 'replay', 'demo']);
const CLOUDS: Cloud[] = ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment'];
const AUTH_MODES: AuthMode[] = ['auto', 'az', 'env', 'basic', 'anonymous'];

const spec = {
  name: { type: 'string', short: 'n' },
  cloud: { type: 'string' },
  auth: { type: 'string' },
  username: { type: 'string', short: 'u' },
  'password-stdin': { type: 'boolean' },
  repository: { type: 'string' },
  push: { type: 'boolean' },
  'pull-image': { type: 'string' },
  'ca-file': { type: 'string' },
  'connect-to': { type: 'string', multiple: true },
  yes: { type: 'boolean', short: 'y' },
  'fail-fast': { type: 'boolean' },
  'ignore-errors': { type: 'boolean' },
  skip: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  export: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  lang: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

function explainParseError(err: unknown): UsageError {
  const msg = err instanceof Error ? err.message : String(err);
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) {
    if (unknown[1] === '--password' || unknown[1] === '-p') return new UsageError(t('cli.error.noPasswordFlag'));
    return new UsageError(t('cli.error.unknownOption', { option: unknown[1]! }));
  }
  const missing = /Option '([^']+)' argument missing/.exec(msg) ?? /Option '(-\w, )?(--[\w-]+) <value>' argument missing/.exec(msg);
  if (missing) return new UsageError(t('cli.error.missingValue', { option: (missing[2] ?? missing[1])!.replace(/^-\w, /, '').replace(/ <value>$/, '') }));
  const noValue = /Option '(-\w, )?(--[\w-]+)' does not take an argument/.exec(msg);
  if (noValue) return new UsageError(t('cli.error.takesNoValue', { option: noValue[2]! }));
  return new UsageError(t('cli.error.generic', { message: msg.split('\n')[0]! }));
}

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (err) {
    throw explainParseError(err);
  }
  const v = parsed.values;
  const positionals = [...parsed.positionals];
  let command: CommandName = 'default';
  if (positionals.length > 0 && COMMANDS.has(positionals[0] as CommandName)) {
    command = positionals.shift() as CommandName;
  }

  let registry: string | null = v.name ?? null;
  let rest: string[] = [];
  if (command === 'default' || command === 'check') {
    if (positionals.length > 1) throw new UsageError(t('cli.error.extraArgument', { value: positionals[1]! }));
    if (positionals[0] !== undefined) {
      if (registry) throw new UsageError(t('cli.error.registryTwice'));
      registry = positionals[0];
    }
  } else {
    rest = positionals;
    if (command === 'replay' && !v.help && rest.length !== 1) throw new UsageError(t('cli.error.replayFile'));
    if (command === 'demo' && rest.length > 1) throw new UsageError(t('cli.error.extraArgument', { value: rest[1]! }));
  }
  if (v.list && command !== 'demo') throw new UsageError(t('cli.error.listOnlyDemo'));

  const cloud = (v.cloud ?? 'AzureCloud') as Cloud;
  if (v.cloud !== undefined && !CLOUDS.includes(cloud)) {
    throw new UsageError(t('cli.error.cloud', { value: v.cloud, allowed: CLOUDS.join(', ') }));
  }
  const auth = (v.auth ?? 'auto') as AuthMode;
  if (!AUTH_MODES.includes(auth)) throw new UsageError(t('cli.error.auth', { value: v.auth!, allowed: AUTH_MODES.join(', ') }));
  const username = v.username ?? null;
  if (username !== null && !/^[\x21-\x7e]{1,256}$/.test(username)) throw new UsageError(t('cli.error.username'));
  if (username !== null && auth !== 'auto' && auth !== 'basic') throw new UsageError(t('cli.error.usernameAuth', { auth }));
  if (auth === 'basic' && username === null) throw new UsageError(t('cli.error.basicNeedsUser'));
  if (v['password-stdin'] && username === null) throw new UsageError(t('cli.error.passwordNeedsUser'));

  const repository = v.repository !== undefined ? parseRepository(v.repository) : null;
  if (v.push && !repository) throw new UsageError(t('cli.error.pushNeedsRepository'));
  if (repository && registry === null && command !== 'demo') throw new UsageError(t('cli.error.repositoryNeedsRegistry'));

  const pullImage = v['pull-image'] !== undefined ? parseImage(v['pull-image']) : null;

  let caFile: string | null = null;
  if (v['ca-file'] !== undefined) {
    caFile = v['ca-file'];
    if (!existsSync(caFile) || !statSync(caFile).isFile()) throw new UsageError(t('cli.error.caFile', { value: caFile }));
  }

  const connectTo = (v['connect-to'] ?? []).map(parseConnectTo);

  const known = new Set<string>([...CHECK_IDS, ...GROUPS]);
  const skip = (v.skip ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const s of skip) if (!known.has(s)) throw new UsageError(t('cli.error.skip', { value: s }));

  let timeoutSeconds = 15;
  if (v.timeout !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(v.timeout) || Number(v.timeout) <= 0 || Number(v.timeout) > 3600) {
      throw new UsageError(t('cli.error.timeout', { value: v.timeout }));
    }
    timeoutSeconds = Number(v.timeout);
  }

  let exportPath: string | null = null;
  if (v.export !== undefined) {
    exportPath = v.export;
    const ext = extname(exportPath).toLowerCase();
    if (ext !== '.json' && ext !== '.md') throw new UsageError(t('cli.error.exportExt', { value: exportPath }));
    if (existsSync(exportPath)) throw new UsageError(t('cli.error.exportExists', { value: exportPath }));
  }

  let lang: Lang = langFromEnv(env);
  if (v.lang !== undefined) {
    if (v.lang !== 'en' && v.lang !== 'sv') throw new UsageError(t('cli.error.lang', { value: v.lang }));
    lang = v.lang;
  }
  if (v.json && command !== 'check' && command !== 'explain' && command !== 'default') {
    throw new UsageError(t('cli.error.jsonCommand'));
  }

  const color = !(v['no-color'] || (env.NO_COLOR !== undefined && env.NO_COLOR !== ''));

  return {
    command,
    help: Boolean(v.help),
    version: Boolean(v.version),
    registry,
    rest,
    list: Boolean(v.list),
    passwordStdin: Boolean(v['password-stdin']),
    options: {
      cloud,
      cloudExplicit: v.cloud !== undefined,
      auth,
      username,
      repository,
      push: Boolean(v.push),
      pullImage,
      caFile,
      connectTo,
      yes: Boolean(v.yes),
      failFast: Boolean(v['fail-fast']) && !v['ignore-errors'],
      skip,
      timeoutSeconds,
      export: exportPath,
      json: Boolean(v.json),
      verbose: Boolean(v.verbose),
      lang,
      color,
    },
  };
}
