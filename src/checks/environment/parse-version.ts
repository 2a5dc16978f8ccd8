/** Pure parsers for the version texts that docker, helm, notary and az print. */

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  /** The whole version as found, without a leading "v" (e.g. "3.14.4+g81c902a"). */
  text: string;
}

const SEMVER = /v?(\d+)\.(\d+)(?:\.(\d+))?([-+~][0-9A-Za-z.+~-]*)?/;

/** The first x.y[.z] version in `text`, or null. */
export function parseSemVer(text: string): SemVer | null {
  const m = SEMVER.exec(text);
  if (!m) return null;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: m[3] === undefined ? 0 : Number(m[3]),
    text: m[0].replace(/^v/, ''),
  };
}

/** Compares major.minor.patch only (pre-release and build suffixes are ignored). */
export function compareVersions(a: SemVer, b: Pick<SemVer, 'major' | 'minor' | 'patch'>): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/**
 * `docker --version` / `podman --version`: "Docker version 28.2.2, build e6534b4",
 * "podman version 4.3.1". Null when no version number is in it.
 */
export function parseDockerDashVersion(stdout: string): { product: string; version: string } | null {
  const m = /^\s*([A-Za-z][\w .-]*?)\s+version\s+v?(\d+\.\d+(?:\.\d+)?[^\s,]*)/im.exec(stdout);
  if (!m) return null;
  return { product: m[1]!, version: m[2]! };
}

export interface DockerVersionInfo {
  client: { version: string | null; apiVersion: string | null; os: string | null; arch: string | null; context: string | null } | null;
  /** Null when the daemon did not answer (docker prints "Server": null). */
  server: { version: string | null; apiVersion: string | null; os: string | null; arch: string | null; product: string | null } | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/**
 * `docker version --format '{{json .}}'` (also podman's). Docker prints the client part even when
 * the daemon is down, with "Server": null. Returns null when stdout is not that JSON object.
 */
export function parseDockerVersionJson(stdout: string): DockerVersionInfo | null {
  const text = stdout.trim();
  const start = text.indexOf('{');
  if (start < 0) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(text.slice(start));
  } catch {
    return null;
  }
  if (!doc || typeof doc !== 'object') return null;
  const d = doc as Record<string, unknown>;
  if (!('Client' in d) && !('Server' in d)) return null;
  const c = d.Client && typeof d.Client === 'object' ? (d.Client as Record<string, unknown>) : null;
  const s = d.Server && typeof d.Server === 'object' ? (d.Server as Record<string, unknown>) : null;
  const platform = s?.Platform && typeof s.Platform === 'object' ? (s.Platform as Record<string, unknown>) : null;
  return {
    client: c
      ? {
          version: str(c.Version),
          apiVersion: str(c.ApiVersion) ?? str(c.APIVersion),
          os: str(c.Os) ?? (str(c.OsArch)?.split('/')[0] ?? null),
          arch: str(c.Arch) ?? (str(c.OsArch)?.split('/')[1] ?? null),
          context: str(c.Context),
        }
      : null,
    server: s
      ? {
          version: str(s.Version),
          apiVersion: str(s.ApiVersion) ?? str(s.APIVersion),
          os: str(s.Os),
          arch: str(s.Arch),
          product: str(platform?.Name),
        }
      : null,
  };
}

/**
 * `helm version --short`: Helm 3 prints "v3.14.4+g81c902a"; Helm 2 prints "Client: v2.16.1+gbbdfe5e"
 * (and, without Tiller, an error after it). Only the client version counts.
 */
export function parseHelmVersion(stdout: string): SemVer | null {
  const client = /^\s*Client:\s*(.*)$/im.exec(stdout);
  return parseSemVer(client ? client[1]! : stdout.split(/\r?\n/).find((l) => l.trim() !== '') ?? '');
}

/**
 * `notary version`: "notary\n Version: 0.6.1\n Git commit: d6e1431f". Debian's build leaves the
 * Version line empty: that gives null, not whatever follows on the next line.
 */
export function parseNotaryVersion(stdout: string): string | null {
  const m = /^[ \t]*Version:[ \t]*(\S*)[ \t]*$/im.exec(stdout);
  if (!m || !m[1]) return null;
  return /\d/.test(m[1]) ? m[1].replace(/^v/, '') : null;
}

export interface AzVersionInfo {
  azureCli: string;
  azureCliCore: string | null;
  extensions: Record<string, string>;
}

/** `az version --output json`: {"azure-cli": "2.45.0", "azure-cli-core": ..., "extensions": {...}}. */
export function parseAzVersion(stdout: string): AzVersionInfo | null {
  const start = stdout.indexOf('{');
  if (start < 0) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(stdout.slice(start));
  } catch {
    return null;
  }
  if (!doc || typeof doc !== 'object') return null;
  const d = doc as Record<string, unknown>;
  const cli = str(d['azure-cli']);
  if (!cli) return null;
  const extensions: Record<string, string> = {};
  if (d.extensions && typeof d.extensions === 'object') {
    for (const [k, v] of Object.entries(d.extensions as Record<string, unknown>)) if (typeof v === 'string') extensions[k] = v;
  }
  return { azureCli: cli, azureCliCore: str(d['azure-cli-core']), extensions };
}
