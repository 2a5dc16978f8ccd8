import { ALL_CODES, CHECK_HEALTH_CODES, type KnownCode } from './codes.js';

/**
 * A fix before evidence is filled in. Its title is the catalog text `knowledge.<code>.fix.<id>`;
 * `command` may hold {placeholders} (see Evidence in remediations.ts). A null command is a manual step.
 */
export interface RemediationTemplate {
  id: string;
  command: string[] | null;
  changes: boolean;
  interactive?: boolean;
  docs?: string;
  /** Only offered on these platforms (when the caller knows the platform). */
  platforms?: NodeJS.Platform[];
}

/** One knowledge entry: data only. Every human word lives in the catalogs under `knowledge.<code>.*`. */
export interface KnowledgeEntry {
  code: KnownCode;
  /** How many `knowledge.<code>.cause.N` texts exist (1..N). */
  causes: number;
  remediations: RemediationTemplate[];
  docs: string;
}

export const DOCS = {
  firewall: 'https://aka.ms/acr/firewall',
  authorization: 'https://aka.ms/acr/authorization',
  healthCheck: 'https://aka.ms/acr/health-check',
} as const;

export function errorsDocs(code: string): string {
  return `https://aka.ms/acr/errors#${code.toLowerCase()}`;
}

// Fixes several entries share. Their titles are still per entry (the wording fits each situation).
const showLoginServer: RemediationTemplate = { id: 'show-login-server', command: ['az', 'acr', 'show', '--name', '{registry}', '--query', 'loginServer', '--output', 'tsv'], changes: false };
const showCloud: RemediationTemplate = { id: 'show-cloud', command: ['az', 'cloud', 'show', '--query', 'name', '--output', 'tsv'], changes: false };
const lookupLoginServer: RemediationTemplate = { id: 'lookup', command: ['nslookup', '{loginServer}'], changes: false };
const azLogin: RemediationTemplate = { id: 'az-login', command: ['az', 'login'], changes: true, interactive: true };
const azLoginAcrScope: RemediationTemplate = { id: 'az-login-acr-scope', command: ['az', 'login', '--scope', 'https://containerregistry.azure.net/.default'], changes: true, interactive: true };
const acrLogin: RemediationTemplate = { id: 'acr-login', command: ['az', 'acr', 'login', '--name', '{registry}'], changes: true };
const acrToken: RemediationTemplate = { id: 'acr-token', command: ['az', 'acr', 'login', '--name', '{registry}', '--expose-token'], changes: false };
const findRegistryId: RemediationTemplate = { id: 'find-registry-id', command: ['az', 'acr', 'show', '--name', '{registry}', '--query', 'id', '--output', 'tsv'], changes: false };
const findObjectId: RemediationTemplate = { id: 'find-object-id', command: ['az', 'ad', 'signed-in-user', 'show', '--query', 'id', '--output', 'tsv'], changes: false };
const listRoles: RemediationTemplate = { id: 'list-roles', command: ['az', 'role', 'assignment', 'list', '--scope', '{registryId}', '--output', 'table'], changes: false };
const grantPull: RemediationTemplate = { id: 'grant-pull', command: ['az', 'role', 'assignment', 'create', '--assignee', '{objectId}', '--scope', '{registryId}', '--role', 'AcrPull'], changes: true, docs: DOCS.authorization };
const grantPush: RemediationTemplate = { id: 'grant-push', command: ['az', 'role', 'assignment', 'create', '--assignee', '{objectId}', '--scope', '{registryId}', '--role', 'AcrPush'], changes: true, docs: DOCS.authorization };
const showNetworkRules: RemediationTemplate = { id: 'show-network-rules', command: ['az', 'acr', 'show', '--name', '{registry}', '--query', 'networkRuleSet'], changes: false };
const allowClientIp: RemediationTemplate = { id: 'allow-client-ip', command: ['az', 'acr', 'network-rule', 'add', '--name', '{registry}', '--ip-address', '{clientIp}'], changes: true, docs: DOCS.firewall };
const enablePublicAccess: RemediationTemplate = { id: 'enable-public-access', command: ['az', 'acr', 'update', '--name', '{registry}', '--public-network-enabled', 'true'], changes: true, docs: DOCS.firewall };
const enableAnonymousPull: RemediationTemplate = { id: 'enable-anonymous-pull', command: ['az', 'acr', 'update', '--name', '{registry}', '--anonymous-pull-enabled', 'true'], changes: true };
const recheckRegistry: RemediationTemplate = { id: 'recheck', command: ['acr-doctor', 'check', '{registry}'], changes: false };
const manual = (id: string, docs?: string): RemediationTemplate => ({ id, command: null, changes: false, ...(docs ? { docs } : {}) });

type Spec = Omit<KnowledgeEntry, 'code' | 'docs'> & { docs?: string };

const SPECS: Record<KnownCode, Spec> = {
  DOCKER_COMMAND_ERROR: { causes: 3, remediations: [manual('install'), manual('path'), manual('podman')] },
  DOCKER_DAEMON_ERROR: {
    causes: 3,
    remediations: [
      { id: 'start-linux', command: ['sudo', 'systemctl', 'start', 'docker'], changes: true, interactive: true, platforms: ['linux'] },
      { ...manual('start-desktop'), platforms: ['darwin', 'win32'] },
      { id: 'show-context', command: ['docker', 'context', 'ls'], changes: false },
      { ...manual('group'), platforms: ['linux'] },
    ],
  },
  DOCKER_VERSION_ERROR: { causes: 2, remediations: [{ id: 'run-version', command: ['docker', 'version'], changes: false }, manual('update')] },
  DOCKER_PULL_ERROR: {
    causes: 3,
    remediations: [{ id: 'retry-pull', command: ['docker', 'pull', 'mcr.microsoft.com/mcr/hello-world:latest'], changes: true }, manual('proxy'), manual('disk')],
  },
  HELM_COMMAND_ERROR: { causes: 2, remediations: [manual('install'), manual('path')] },
  HELM_VERSION_ERROR: { causes: 2, remediations: [{ id: 'run-version', command: ['helm', 'version'], changes: false }, manual('update')] },
  NOTARY_COMMAND_ERROR: { causes: 2, remediations: [manual('not-needed'), manual('install')], docs: DOCS.healthCheck },
  NOTARY_VERSION_ERROR: { causes: 2, remediations: [{ id: 'run-version', command: ['notary', 'version'], changes: false }, manual('replace')] },
  AZ_CLI_ERROR: { causes: 2, remediations: [{ id: 'run-version', command: ['az', 'version'], changes: false }, manual('install')], docs: DOCS.healthCheck },
  LOGIN_SERVER_ERROR: {
    causes: 3,
    remediations: [showLoginServer, showCloud, { id: 'list-registries', command: ['az', 'acr', 'list', '--query', '[].loginServer', '--output', 'tsv'], changes: false }],
  },
  CONNECTIVITY_DNS_ERROR: { causes: 3, remediations: [lookupLoginServer, showLoginServer, showCloud, manual('private-dns')] },
  CONNECTIVITY_SSL_ERROR: { causes: 3, remediations: [manual('proxy-ca'), manual('proxy-env'), manual('clock')] },
  CONNECTIVITY_CHALLENGE_ERROR: { causes: 3, remediations: [manual('retry'), manual('proxy'), manual('report')] },
  CONNECTIVITY_FORBIDDEN_ERROR: { causes: 3, remediations: [showNetworkRules, allowClientIp, enablePublicAccess, manual('private-endpoint')], docs: DOCS.firewall },
  CONNECTIVITY_AAD_LOGIN_ERROR: { causes: 2, remediations: [manual('basic'), manual('report')] },
  CONNECTIVITY_TOOMANYREQUESTS_ERROR: { causes: 2, remediations: [manual('wait'), manual('reuse-tokens')] },
  AAD_TOKEN_ERROR: { causes: 3, remediations: [azLogin, azLoginAcrScope, manual('env')], docs: DOCS.authorization },
  BASIC_CREDENTIALS_ERROR: {
    causes: 3,
    remediations: [{ id: 'show-admin', command: ['az', 'acr', 'show', '--name', '{registry}', '--query', 'adminUserEnabled'], changes: false }, manual('check-secret'), acrLogin],
    docs: DOCS.authorization,
  },
  CONNECTIVITY_REFRESH_TOKEN_ERROR: { causes: 3, remediations: [azLogin, findRegistryId, listRoles, acrToken] },
  ARM_TOKEN_DISALLOWED: {
    causes: 2,
    remediations: [
      { id: 'show-policy', command: ['az', 'acr', 'config', 'authentication-as-arm', 'show', '--registry', '{registry}'], changes: false },
      azLoginAcrScope,
      { id: 'enable-policy', command: ['az', 'acr', 'config', 'authentication-as-arm', 'update', '--registry', '{registry}', '--status', 'enabled'], changes: true },
    ],
    docs: DOCS.authorization,
  },
  CONNECTIVITY_ACCESS_TOKEN_ERROR: { causes: 3, remediations: [azLogin, findRegistryId, listRoles, acrToken] },
  ANONYMOUS_PULL_DISABLED: { causes: 2, remediations: [acrLogin, enableAnonymousPull], docs: DOCS.authorization },
  REPOSITORY_PULL_ERROR: {
    causes: 3,
    remediations: [{ id: 'show-tags', command: ['az', 'acr', 'repository', 'show-tags', '--name', '{registry}', '--repository', '{repository}', '--output', 'table'], changes: false }, acrLogin, recheckRegistry],
    docs: DOCS.healthCheck,
  },
  PERMISSION_DENIED: { causes: 3, remediations: [findRegistryId, findObjectId, grantPull, grantPush, manual('identity')], docs: DOCS.authorization },
  REPOSITORY_NOT_FOUND: {
    causes: 3,
    remediations: [
      { id: 'list-repositories', command: ['az', 'acr', 'repository', 'list', '--name', '{registry}', '--output', 'table'], changes: false },
      { id: 'show-tags', command: ['az', 'acr', 'repository', 'show-tags', '--name', '{registry}', '--repository', '{repository}', '--output', 'table'], changes: false },
    ],
    docs: DOCS.healthCheck,
  },
  DATA_ENDPOINT_ERROR: {
    causes: 2,
    remediations: [{ id: 'show-endpoints', command: ['az', 'acr', 'show-endpoints', '--name', '{registry}'], changes: false }, manual('allow-data', DOCS.firewall)],
    docs: DOCS.firewall,
  },
  BLOB_UPLOAD_INVALID: { causes: 2, remediations: [manual('restart'), manual('network')], docs: DOCS.healthCheck },
  REPOSITORY_PUSH_ERROR: { causes: 3, remediations: [acrLogin, findRegistryId, grantPush, manual('retry')], docs: DOCS.healthCheck },
  CMK_ERROR: {
    causes: 2,
    remediations: [
      { id: 'show-encryption', command: ['az', 'acr', 'encryption', 'show', '--name', '{registry}'], changes: false },
      { id: 'show-identity', command: ['az', 'acr', 'identity', 'show', '--name', '{registry}'], changes: false },
      manual('assign-rotate'),
    ],
  },
  PRIVATE_ENDPOINT_ERROR: {
    causes: 3,
    remediations: [lookupLoginServer, { id: 'list-connections', command: ['az', 'acr', 'private-endpoint-connection', 'list', '--registry-name', '{registry}', '--output', 'table'], changes: false }, manual('link-zone')],
    docs: DOCS.firewall,
  },
  UNEXPECTED_ERROR: {
    causes: 2,
    remediations: [{ id: 'rerun-verbose', command: ['acr-doctor', 'check', '{registry}', '--verbose'], changes: false }, manual('report')],
    docs: DOCS.healthCheck,
  },
  AUTHENTICATION_REQUIRED: { causes: 3, remediations: [acrLogin, manual('credential'), enableAnonymousPull], docs: DOCS.authorization },
  X509_UNKNOWN_AUTHORITY: { causes: 3, remediations: [manual('get-ca'), manual('trust-ca'), manual('ca-file')], docs: DOCS.healthCheck },
  DNS_NO_SUCH_HOST: {
    causes: 3,
    remediations: [{ id: 'lookup', command: ['nslookup', '{host}'], changes: false }, showLoginServer, manual('dns-server')],
    docs: DOCS.healthCheck,
  },
  TLS_HANDSHAKE_TIMEOUT: {
    causes: 3,
    remediations: [{ id: 'recheck', command: ['acr-doctor', 'check', '{registry}', '--skip', 'environment'], changes: false }, manual('proxy'), manual('mtu')],
    docs: DOCS.firewall,
  },
  REQUESTED_ACCESS_DENIED: { causes: 3, remediations: [acrLogin, manual('full-name'), findRegistryId, grantPush], docs: DOCS.authorization },
  OAUTH_TOKEN_FETCH_FAILED: { causes: 3, remediations: [acrLogin, manual('relogin'), findRegistryId, listRoles], docs: DOCS.authorization },
};

function defaultDocs(code: KnownCode): string {
  return CHECK_HEALTH_CODES.has(code) ? errorsDocs(code) : DOCS.healthCheck;
}

export const ENTRIES: ReadonlyMap<KnownCode, KnowledgeEntry> = new Map(
  ALL_CODES.map((code) => {
    const spec = SPECS[code];
    // A check-health code always links to its anchor; other entries name the page that fits best.
    const docs = CHECK_HEALTH_CODES.has(code) ? errorsDocs(code) : (spec.docs ?? defaultDocs(code));
    return [code, { code, causes: spec.causes, remediations: spec.remediations, docs }];
  }),
);

export function entryFor(code: string): KnowledgeEntry | undefined {
  return ENTRIES.get(code as KnownCode);
}
