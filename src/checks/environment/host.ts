import { readFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { homedir } from 'node:os';

/**
 * Where acr-doctor runs, as far as remediations care. WSL reports itself as "linux" but its
 * docker usually comes from Docker Desktop on Windows, and systemd may be off there.
 */
export type HostKind = 'linux' | 'wsl' | 'darwin' | 'win32' | 'other';

type Env = Record<string, string | undefined>;

/** Reads /proc/version once; "" when it cannot be read (not Linux, or a sandbox). */
let procVersionCache: string | null = null;
export function readProcVersion(): string {
  if (procVersionCache === null) {
    try {
      procVersionCache = readFileSync('/proc/version', 'utf8');
    } catch {
      procVersionCache = '';
    }
  }
  return procVersionCache;
}

/** WSL sets WSL_DISTRO_NAME (and WSL_INTEROP) in every shell; sudo drops them, so /proc/version is the fallback. */
export function isWsl(platform: NodeJS.Platform, env: Env, procVersion: () => string = readProcVersion): boolean {
  if (platform !== 'linux') return false;
  if (env.WSL_DISTRO_NAME?.trim() || env.WSL_INTEROP?.trim()) return true;
  return /microsoft/i.test(procVersion());
}

export function hostKind(platform: NodeJS.Platform, env: Env, procVersion: () => string = readProcVersion): HostKind {
  if (platform === 'linux') return isWsl(platform, env, procVersion) ? 'wsl' : 'linux';
  if (platform === 'darwin' || platform === 'win32') return platform;
  return 'other';
}

/** The WSL distribution's name for texts ("Ubuntu"), or a generic word when unknown. */
export function wslDistro(env: Env): string | null {
  return env.WSL_DISTRO_NAME?.trim() || null;
}

/** The home directory as the session sees it (the injected env first), in the platform's own path style. */
export function homeDir(platform: NodeJS.Platform, env: Env): string {
  const fromEnv = platform === 'win32' ? env.USERPROFILE || (env.HOMEDRIVE && env.HOMEPATH ? `${env.HOMEDRIVE}${env.HOMEPATH}` : '') : env.HOME;
  return fromEnv?.trim() || homedir();
}

/** The docker client's config file: $DOCKER_CONFIG/config.json, else ~/.docker/config.json, with the platform's separators. */
export function dockerConfigFile(platform: NodeJS.Platform, env: Env): string {
  const p = platform === 'win32' ? win32 : posix;
  const dir = env.DOCKER_CONFIG?.trim();
  return dir ? p.join(dir, 'config.json') : p.join(homeDir(platform, env), '.docker', 'config.json');
}
