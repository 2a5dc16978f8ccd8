import { ALL_CODES, type KnownCode } from '../codes.js';

/**
 * One way an error shows up in text. `specific` rules name the condition outright (a server
 * message, a client's own wording, a code); `generic` ones only know the HTTP status or the
 * registry's broad error code, and count only when no specific rule fired close by.
 */
export interface Rule {
  id: string;
  tier: 'specific' | 'generic';
  re: RegExp;
  /** The code for this match, or undefined to ignore it (e.g. a status we have nothing to say about). */
  code: (m: RegExpExecArray) => KnownCode | undefined;
  /** Evidence the match itself carries (client IP, failing host, status). */
  evidence?: (m: RegExpExecArray) => Record<string, string | number | undefined>;
  /** The client that prints this wording, when the wording alone gives it away. */
  client?: string;
}

const always =
  (code: KnownCode) =>
  (): KnownCode =>
    code;

const BY_STATUS: Record<number, KnownCode> = {
  401: 'AUTHENTICATION_REQUIRED',
  403: 'PERMISSION_DENIED',
  404: 'REPOSITORY_NOT_FOUND',
  429: 'CONNECTIVITY_TOOMANYREQUESTS_ERROR',
};

const BY_REGISTRY_CODE: Record<string, KnownCode> = {
  UNAUTHORIZED: 'AUTHENTICATION_REQUIRED',
  DENIED: 'PERMISSION_DENIED',
};

const REASON_STATUS: Record<string, number> = { unauthorized: 401, forbidden: 403, 'not found': 404, 'too many requests': 429 };

const COMMAND_CODES: Record<string, KnownCode> = {
  docker: 'DOCKER_COMMAND_ERROR',
  podman: 'DOCKER_COMMAND_ERROR',
  helm: 'HELM_COMMAND_ERROR',
  notary: 'NOTARY_COMMAND_ERROR',
  az: 'AZ_CLI_ERROR',
};

const ip = (raw: string | undefined): string | undefined =>
  raw && /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:]+)$/i.test(raw) ? raw : undefined;

const ws = String.raw`\s+`;
const phrase = (...words: string[]): string => words.join(ws);

const codeAlternatives = [...ALL_CODES].sort((a, b) => b.length - a.length).join('|');

export const RULES: Rule[] = [
  // Registry messages from the SDK guides (facts: matched verbatim, line wraps allowed).
  { id: 'arm-token', tier: 'specific', re: new RegExp(phrase('arm', 'aad', 'token', 'disallowed'), 'gi'), code: always('ARM_TOKEN_DISALLOWED') },
  // The registry's message, and docker's own words when it holds no credentials for a Basic-auth registry.
  { id: 'auth-required', tier: 'specific', re: new RegExp(`${phrase('authentication', 'required')}|${phrase('no', 'basic', 'auth', 'credentials')}`, 'gi'), code: always('AUTHENTICATION_REQUIRED') },
  { id: 'permissions', tier: 'specific', re: new RegExp(phrase('retrieving', 'permissions', 'failed'), 'gi'), code: always('PERMISSION_DENIED') },
  {
    id: 'firewall',
    tier: 'specific',
    re: /client\s+with\s+IP\s+(?:'([^'\n]{0,100})'|(\S{0,100}))\s+is\s+not\s+allowed\s+access/gi,
    code: always('CONNECTIVITY_FORBIDDEN_ERROR'),
    evidence: (m) => ({ clientIp: ip(m[1] ?? m[2]) }),
  },
  { id: 'blob-upload', tier: 'specific', re: /\bBLOB_UPLOAD_(?:INVALID|UNKNOWN)\b|blob\s+upload\s+(?:invalid|unknown)/gi, code: always('BLOB_UPLOAD_INVALID') },
  {
    id: 'throttled',
    tier: 'specific',
    re: /too\s*many\s*requests|\bTOOMANYREQUESTS\b|RESPONSE\s+429\b|\bstatus(?:\s*code)?["']?\s*[:=]\s*429\b|response\s+status\s+code\s+429\b/gi,
    code: always('CONNECTIVITY_TOOMANYREQUESTS_ERROR'),
  },
  { id: 'not-found', tier: 'specific', re: /\b(?:NAME_UNKNOWN|MANIFEST_UNKNOWN)\b|manifest\s+unknown|repository\s+name\s+not\s+known\s+to\s+registry|azurecr\.(?:io|cn|us)\/\S{1,300}?:\s+not\s+found\b/gi, code: always('REPOSITORY_NOT_FOUND') },
  { id: 'blob-unknown', tier: 'specific', re: /\bBLOB_UNKNOWN\b|blob\s+unknown\s+to\s+registry/gi, code: always('REPOSITORY_PULL_ERROR') },
  { id: 'digest-invalid', tier: 'specific', re: /\bDIGEST_INVALID\b/g, code: always('REPOSITORY_PUSH_ERROR') },
  // docker and helm print "login attempt ... failed with status: 401" when the user name or password is refused.
  {
    id: 'bad-credentials',
    tier: 'specific',
    re: /incorrect\s+username\s+or\s+password|invalid\s+username\s+or\s+password|Application\s+not\s+registered\s+with\s+AAD|login\s+attempt\s+to\s+\S{1,500}\s+failed\s+with\s+status:\s*401\b/gi,
    code: always('BASIC_CREDENTIALS_ERROR'),
  },

  // Client-side families.
  {
    id: 'data-endpoint',
    tier: 'specific',
    re: /\b([a-z0-9]{5,50}\.[a-z0-9-]+\.data\.azurecr\.(?:io|cn|us))\b[^\n]{0,400}?(?:timeout|timed\s+out|refused|reset|EOF|forbidden|\b403\b|unreachable|ETIMEDOUT|ECONN[A-Z]+)/gi,
    code: always('DATA_ENDPOINT_ERROR'),
    evidence: (m) => ({ host: m[1]!.toLowerCase() }),
  },
  {
    id: 'x509-unknown-authority',
    tier: 'specific',
    re: /x509:\s*certificate\s+signed\s+by\s+unknown\s+authority|unable\s+to\s+get\s+local\s+issuer\s+certificate|self[-\s]signed\s+certificate|\b(?:SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|DEPTH_ZERO_SELF_SIGNED_CERT|CERTIFICATE_VERIFY_FAILED)\b/gi,
    code: always('X509_UNKNOWN_AUTHORITY'),
  },
  {
    id: 'tls-other',
    tier: 'specific',
    re: /x509:\s*certificate\s+(?:is\s+valid\s+for|has\s+expired|is\s+not\s+valid)|\b(?:CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID|ERR_SSL_WRONG_VERSION_NUMBER)\b|wrong\s+version\s+number|tls:\s+(?:first\s+record\s+does\s+not\s+look\s+like|bad\s+certificate|handshake\s+failure)/gi,
    code: always('CONNECTIVITY_SSL_ERROR'),
  },
  { id: 'tls-handshake-timeout', tier: 'specific', re: /TLS\s+handshake\s+timeout/gi, code: always('TLS_HANDSHAKE_TIMEOUT') },
  {
    id: 'dns',
    tier: 'specific',
    re: /lookup\s+([A-Za-z0-9.-]{1,253})(?:\s+on\s+\S{1,100}?)?:\s*no\s+such\s+host|no\s+such\s+host|getaddrinfo\s+(?:ENOTFOUND|EAI_AGAIN)\s*([A-Za-z0-9.-]*)|Could\s+not\s+resolve\s+host:?\s*([A-Za-z0-9.-]*)|Failed\s+to\s+resolve\s+'([A-Za-z0-9.-]{1,253})'|Name\s+or\s+service\s+not\s+known|Temporary\s+failure\s+in\s+name\s+resolution|nodename\s+nor\s+servname\s+provided/gi,
    code: (m) => (/\.data\.azurecr\./i.test(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '') ? 'DATA_ENDPOINT_ERROR' : 'DNS_NO_SUCH_HOST'),
    evidence: (m) => ({ host: (m[1] || m[2] || m[3] || m[4] || undefined)?.toLowerCase() }),
  },
  {
    id: 'daemon',
    tier: 'specific',
    re: /Cannot\s+connect\s+to\s+the\s+Docker\s+daemon|Is\s+the\s+docker\s+daemon\s+running|permission\s+denied\s+while\s+trying\s+to\s+connect\s+to\s+the\s+Docker\s+daemon|error\s+during\s+connect:[^\n]{0,400}?(?:docker_engine|dockerDesktop\w*Engine|docker\.sock)|Cannot\s+connect\s+to\s+Podman/gi,
    code: always('DOCKER_DAEMON_ERROR'),
    client: 'docker',
  },
  {
    id: 'access-denied',
    tier: 'specific',
    re: /requested\s+access\s+to\s+the\s+resource\s+is\s+denied|pull\s+access\s+denied\s+for/gi,
    code: always('REQUESTED_ACCESS_DENIED'),
    client: 'docker',
  },
  {
    id: 'oauth-token',
    tier: 'specific',
    re: /failed\s+to\s+(?:fetch|authorize:\s+failed\s+to\s+fetch)\s+(?:oauth|anonymous)\s+token|unexpected\s+status(?:\s+code)?\s+from\s+(?:GET|POST|HEAD|PUT|PATCH)\s+request\s+to\s+\S{1,500}?:\s*(\d{3})/gi,
    code: (m) => (m[1] === undefined || m[1] === '401' ? 'OAUTH_TOKEN_FETCH_FAILED' : m[1] === '403' ? 'PERMISSION_DENIED' : undefined),
    evidence: (m) => ({ status: m[1] ? Number(m[1]) : undefined }),
  },
  {
    id: 'aad',
    tier: 'specific',
    re: /\bAADSTS\d{5,}|Please\s+run\s+'az\s+login'|DefaultAzureCredential:?\s+failed|\bAggregateAuthenticationError\b|ChainedTokenCredential\s+authentication\s+failed|\bCredentialUnavailableError\b|\b(?:AzureCli|Environment|ManagedIdentity|ClientSecret)Credential(?:\s*:)?\s+authentication\s+(?:failed|unavailable)/gi,
    code: always('AAD_TOKEN_ERROR'),
  },
  {
    id: 'command-missing',
    tier: 'specific',
    re: /\b(docker|podman|helm|notary|az):\s+(?:command\s+)?not\s+found\b|'(docker|podman|helm|notary|az)'\s+is\s+not\s+recognized|exec:\s+"(docker|podman|helm|notary|az)":\s+executable\s+file\s+not\s+found/gi,
    code: (m) => COMMAND_CODES[(m[1] ?? m[2] ?? m[3])!.toLowerCase()],
  },

  // Codes printed by az acr check-health or acr-doctor, or typed bare.
  { id: 'code', tier: 'specific', re: new RegExp(String.raw`(?<![A-Za-z0-9_])(${codeAlternatives})(?![A-Za-z0-9_])`, 'gi'), code: (m) => m[1]!.toUpperCase() as KnownCode },

  // Generic: only the status or the registry's broad code is known.
  { id: 'go-status', tier: 'generic', re: /RESPONSE\s+(\d{3}):/g, code: (m) => BY_STATUS[Number(m[1])], evidence: (m) => ({ status: Number(m[1]) }), client: 'go' },
  { id: 'go-code', tier: 'generic', re: /ERROR\s+CODE:?\s+(UNAUTHORIZED|DENIED)\b/g, code: (m) => BY_REGISTRY_CODE[m[1]!], client: 'go' },
  {
    id: 'registry-code',
    tier: 'generic',
    re: /["']?code["']?\s*[:=]\s*["'](UNAUTHORIZED|DENIED)["']|\((UNAUTHORIZED|DENIED)\)|\bCode:\s*(UNAUTHORIZED|DENIED)\b/g,
    code: (m) => BY_REGISTRY_CODE[(m[1] ?? m[2] ?? m[3])!],
  },
  {
    id: 'python-status',
    tier: 'generic',
    re: /Operation\s+returned\s+an\s+invalid\s+status\s+'([^']+)'/gi,
    code: (m) => BY_STATUS[REASON_STATUS[m[1]!.toLowerCase()] ?? 0],
    client: 'python',
  },
  { id: 'python-auth', tier: 'generic', re: /\bClientAuthenticationError\b/g, code: always('AUTHENTICATION_REQUIRED'), client: 'python' },
  { id: 'python-not-found', tier: 'generic', re: /\bResourceNotFoundError\b/g, code: always('REPOSITORY_NOT_FOUND'), client: 'python' },
  { id: 'status-code', tier: 'generic', re: /\bstatusCode["']?\s*[:=]\s*(\d{3})\b|(?:response|unexpected)\s+status\s+code:?\s+(\d{3})\b/gi, code: (m) => BY_STATUS[Number(m[1] ?? m[2])], evidence: (m) => ({ status: Number(m[1] ?? m[2]) }) },
  {
    id: 'status-reason',
    tier: 'generic',
    re: /\b(401|403|404|429)\s+(?:Unauthorized|Forbidden|Not\s+Found|Too\s+Many\s+Requests)\b/gi,
    code: (m) => BY_STATUS[Number(m[1])],
    evidence: (m) => ({ status: Number(m[1]) }),
  },
  { id: 'docker-unauthorized', tier: 'generic', re: /(?:^|[\s:])unauthorized:\s/gim, code: always('AUTHENTICATION_REQUIRED') },
  { id: 'docker-denied', tier: 'generic', re: /(?:^|[\s:])denied:\s/gim, code: always('PERMISSION_DENIED') },
  { id: 'ssl-generic', tier: 'generic', re: /\bSSLError\b|\bSSL\s+routines\b|\bEPROTO\b/g, code: always('CONNECTIVITY_SSL_ERROR') },
];
