/**
 * What is known about one occurrence of an error: filled into remediation commands and shown to
 * people. Never holds a secret (the explain matcher redacts the quoted line).
 */
export interface Evidence {
  /** HTTP status of the failed response. */
  status?: number;
  /** Registry name (the first label of an ACR login server). */
  registry?: string;
  /** Login server host, e.g. myreg.azurecr.io. */
  loginServer?: string;
  /** The address the registry firewall saw. */
  clientIp?: string;
  /** A host name a lookup failed for. */
  host?: string;
  repository?: string;
  /** AAD object id of the identity that needs a role. */
  objectId?: string;
  /** ARM resource id of the registry. */
  registryId?: string;
  /** The registry's error code from a JSON body (UNAUTHORIZED, DENIED, ...). */
  registryCode?: string;
  /** Which client printed the error: js, go, python, docker, helm, oras, check-health, json, code. */
  client?: string;
  /** The line that was recognised, redacted and shortened. */
  line?: string;
}

export const EVIDENCE_PLACEHOLDERS = ['registry', 'loginServer', 'clientIp', 'host', 'repository', 'objectId', 'registryId'] as const;
export type EvidencePlaceholder = (typeof EVIDENCE_PLACEHOLDERS)[number];

const ACR_HOST = /^([a-z0-9]{5,50})(?:\.[a-z0-9-]+)?(?:\.(?:data|geo))?\.azurecr\.(?:io|cn|us)$/;
const PLAIN_NAME = /^[a-z0-9]{5,50}$/;

/**
 * Accepts evidence from a check's `details` or from the matcher, whatever the field names, and
 * fills in what follows from it (registry name from the login server and back).
 */
export function normalizeEvidence(raw: Record<string, unknown>): Evidence {
  const str = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = raw[k];
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
    }
    return undefined;
  };
  const ev: Evidence = {};
  const status = raw.status ?? raw.statusCode ?? raw.httpStatus;
  if (typeof status === 'number' && Number.isInteger(status)) ev.status = status;
  else if (typeof status === 'string' && /^\d{3}$/.test(status)) ev.status = Number(status);

  let loginServer = str('loginServer', 'login_server');
  let registry = str('registry', 'registryName');
  if (loginServer) {
    loginServer = loginServer.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    const m = ACR_HOST.exec(loginServer.replace(/:443$/, ''));
    if (m && !registry) registry = m[1]!;
  }
  if (registry) {
    registry = registry.toLowerCase();
    const m = ACR_HOST.exec(registry);
    if (m) {
      loginServer ??= registry;
      registry = m[1]!;
    }
    if (!PLAIN_NAME.test(registry)) registry = undefined;
  }
  if (registry) ev.registry = registry;
  if (loginServer) ev.loginServer = loginServer;

  const assign = (key: 'clientIp' | 'host' | 'repository' | 'objectId' | 'registryId' | 'registryCode' | 'client' | 'line', ...aliases: string[]) => {
    const v = str(key, ...aliases);
    if (v !== undefined) ev[key] = v;
  };
  assign('clientIp', 'ip', 'client_ip');
  assign('host', 'hostname');
  assign('repository', 'repo');
  assign('objectId', 'oid', 'principalId');
  assign('registryId', 'resourceId');
  assign('registryCode', 'errorCode');
  assign('client');
  assign('line');
  return ev;
}
