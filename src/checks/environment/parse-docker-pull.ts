/** Classifies `docker pull` failures and reads image references. Pure. */

export type PullProblem =
  | 'platform'
  | 'credential-helper'
  | 'dns'
  | 'proxy'
  | 'tls'
  | 'unauthorized'
  | 'timeout'
  | 'not-found'
  | 'refused'
  | 'reference'
  | 'throttled'
  | 'disk'
  | 'daemon'
  | 'unknown';

// Order matters: a DNS lookup that timed out is a DNS problem, a proxy's TLS error a proxy problem.
const RULES: [PullProblem, RegExp][] = [
  ['reference', /invalid reference format|repository name must be|must be lowercase/i],
  ['daemon', /Cannot connect to the Docker daemon|Is the docker daemon running/i],
  // A credsStore/credHelpers entry in ~/.docker/config.json whose helper program is missing or broken.
  ['credential-helper', /error getting credentials|docker-credential-[\w-]+/i],
  ['platform', /cannot be used on this platform|no matching manifest for|does not match the specified platform/i],
  ['proxy', /proxyconnect|Proxy Authentication Required|\b407\b|proxy error/i],
  ['dns', /no such host|server misbehaving|Temporary failure in name resolution|Name or service not known|lookup \S+ on \S+:/i],
  ['tls', /x509:|tls: |certificate signed by unknown authority|certificate has expired|certificate is not valid|server gave HTTP response to HTTPS client/i],
  ['throttled', /toomanyrequests|too many requests|rate limit/i],
  ['not-found', /manifest unknown|not found|name unknown|NAME_UNKNOWN|MANIFEST_UNKNOWN/i],
  ['unauthorized', /unauthorized|authentication required|no basic auth credentials|denied|forbidden|not allowed access/i],
  ['timeout', /i\/o timeout|Client\.Timeout exceeded|context deadline exceeded|TLS handshake timeout|request canceled|timed out/i],
  ['refused', /connection refused|no route to host|network is unreachable|connection reset by peer|EOF$/im],
  ['disk', /no space left on device/i],
];

export function classifyPullError(stderr: string, timedOut = false): PullProblem {
  for (const [kind, re] of RULES) if (re.test(stderr)) return kind;
  return timedOut ? 'timeout' : 'unknown';
}

export interface ImageRef {
  /** Registry host (with port), "docker.io" when the reference names none. */
  host: string;
  repository: string;
  tag: string | null;
  digest: string | null;
}

/** Splits an image reference the way docker does (a first component with "." or ":" or "localhost" is the registry). */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  let host = 'docker.io';
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost') {
      host = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { host, repository: rest, tag, digest };
}

/** The ACR name when `host` is an Azure login server (myreg.azurecr.io, .cn, .us), else null. */
export function acrNameOf(host: string): string | null {
  const m = /^([a-z0-9]+)\.azurecr\.(?:io|cn|us)$/i.exec(host);
  return m ? m[1]!.toLowerCase() : null;
}

/** "Digest: sha256:…" from a successful pull's output. */
export function pulledDigest(stdout: string): string | null {
  const m = /^Digest:\s*(sha256:[0-9a-f]{64})/im.exec(stdout);
  return m ? m[1]! : null;
}
