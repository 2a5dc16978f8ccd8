/**
 * Pasted errors as the clients print them, with the codes explain must find (in order) and some
 * evidence it must extract. Registry messages are the services' own wording; the surrounding
 * output imitates each client's real format (stack traces, Go response blocks, docker CLI lines).
 */
export interface CorpusCase {
  name: string;
  text: string;
  codes: string[];
  evidence?: Record<string, unknown>;
}

const goBlock = (method: string, url: string, status: string, errorCode: string, body: string): string =>
  [
    `${method} ${url}`,
    '-'.repeat(80),
    `RESPONSE ${status}`,
    `ERROR CODE: ${errorCode}`,
    '-'.repeat(80),
    body,
    '-'.repeat(80),
  ].join('\n');

const errorsBody = (code: string, message: string): string =>
  JSON.stringify({ errors: [{ code, message }] }, null, 2);

export const CORPUS: CorpusCase[] = [
  // --- JavaScript SDK (RestError) ---
  {
    name: 'js: anonymous client refused, with stack and properties',
    text: `RestError: {"errors":[{"code":"UNAUTHORIZED","message":"authentication required, visit https://aka.ms/acr/authorization for more information."}]}
    at handleErrorResponse (/app/node_modules/@azure/core-client/dist/commonjs/deserializationPolicy.js:278:17)
    at deserializeResponseBody (/app/node_modules/@azure/core-client/dist/commonjs/deserializationPolicy.js:207:48)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5) {
  code: undefined,
  statusCode: 401,
  request: PipelineRequestImpl {
    url: 'https://contosoacr.azurecr.io/acr/v1/_catalog',
    method: 'GET',
  },
  details: { errors: [ [Object] ] }
}`,
    codes: ['AUTHENTICATION_REQUIRED'],
    evidence: { status: 401, registry: 'contosoacr', loginServer: 'contosoacr.azurecr.io', client: 'js' },
  },
  {
    name: 'js: insufficient permissions',
    text: 'RestError: {"errors":[{"code":"DENIED","message":"retrieving permissions failed"}]}',
    codes: ['PERMISSION_DENIED'],
    evidence: { client: 'js' },
  },
  {
    name: 'js: firewall message wrapped across lines as in the guide',
    text: `RestError: {"errors":[{"code":"DENIED","message":"client with IP '<your IP address>' is not allowed access. Refer https://aka.m
s/acr/firewall to grant access."}]}`,
    codes: ['CONNECTIVITY_FORBIDDEN_ERROR'],
  },
  {
    name: 'js: firewall with a real address and statusCode',
    text: `RestError: {"errors":[{"code":"DENIED","message":"client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."}]}
    at handleErrorResponse (/srv/node_modules/@azure/core-client/dist/commonjs/deserializationPolicy.js:278:17) {
  statusCode: 403,
  request: { url: 'https://fabrikamprod.azurecr.io/acr/v1/_catalog' }
}`,
    codes: ['CONNECTIVITY_FORBIDDEN_ERROR'],
    evidence: { clientIp: '203.0.113.7', registry: 'fabrikamprod', status: 403 },
  },
  {
    name: 'js: blob upload invalid',
    text: `RestError: {"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"blob upload invalid"}]}
  statusCode: 404`,
    codes: ['BLOB_UPLOAD_INVALID'],
    evidence: { status: 404 },
  },

  {
    name: 'js: a bare unexpected status',
    text: 'RestError: Unexpected status code: 403\n    at ContainerRegistryClient.listRepositoryNames (/app/node_modules/@azure/container-registry/dist/index.js:412:19)',
    codes: ['PERMISSION_DENIED'],
    evidence: { status: 403, client: 'js' },
  },
  {
    name: 'js: no credential in the chain worked',
    text: `AggregateAuthenticationError: ChainedTokenCredential authentication failed.
CredentialUnavailableError: EnvironmentCredential is unavailable. No underlying credential could be used.
CredentialUnavailableError: Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.`,
    codes: ['AAD_TOKEN_ERROR'],
  },

  // --- Go SDK (azcore.ResponseError) ---
  {
    name: 'go: ARM token disallowed (guide layout, ERROR CODE UNAVAILABLE)',
    text: `${'-'.repeat(80)}
RESPONSE 401: 401 Unauthorized
ERROR CODE UNAVAILABLE
${'-'.repeat(80)}
${errorsBody('UNAUTHORIZED', 'arm aad token disallowed')}
${'-'.repeat(80)}`,
    codes: ['ARM_TOKEN_DISALLOWED'],
    evidence: { status: 401, client: 'go' },
  },
  {
    name: 'go: anonymous access with request line',
    text: goBlock('GET', 'https://contosoacr.azurecr.io/acr/v1/_catalog', '401: 401 Unauthorized', 'UNAUTHORIZED', errorsBody('UNAUTHORIZED', 'authentication required, visit https://aka.ms/acr/authorization for more information.')),
    codes: ['AUTHENTICATION_REQUIRED'],
    evidence: { status: 401, registry: 'contosoacr', client: 'go' },
  },
  {
    name: 'go: insufficient permissions',
    text: goBlock('GET', 'https://contosoacr.azurecr.io/acr/v1/hello-world/_tags', '403: 403 Forbidden', 'DENIED', errorsBody('DENIED', 'retrieving permissions failed')),
    codes: ['PERMISSION_DENIED'],
    evidence: { status: 403, registry: 'contosoacr' },
  },
  {
    name: 'go: firewall with empty address placeholder',
    text: goBlock('GET', 'https://contosoacr.azurecr.io/acr/v1/_catalog', '403: 403 Forbidden', 'DENIED', errorsBody('DENIED', 'client with IP <> is not allowed access. Refer https://aka.ms/acr/firewall to grant access.')),
    codes: ['CONNECTIVITY_FORBIDDEN_ERROR'],
    evidence: { status: 403, registry: 'contosoacr' },
  },
  {
    name: 'go: blob upload invalid on a chunk',
    text: goBlock('PATCH', 'https://contosoacr.azurecr.io/v2/app/blobs/uploads/2b1c9e0d-1111-4a5b-9c3d-0e7f6a5b4c3d', '404: 404 Not Found Error', 'BLOB_UPLOAD_INVALID', errorsBody('BLOB_UPLOAD_INVALID', 'blob upload invalid')),
    codes: ['BLOB_UPLOAD_INVALID'],
    evidence: { status: 404, repository: 'app' },
  },
  {
    name: 'go: manifest unknown',
    text: goBlock('GET', 'https://contosoacr.azurecr.io/v2/library/hello-world/manifests/v9', '404: 404 Not Found', 'MANIFEST_UNKNOWN', errorsBody('MANIFEST_UNKNOWN', 'manifest tagged by "v9" is not found')),
    codes: ['REPOSITORY_NOT_FOUND'],
    evidence: { status: 404, repository: 'library/hello-world' },
  },
  {
    name: 'go: a status with an unknown code still says 401',
    text: goBlock('GET', 'https://contosoacr.azurecr.io/acr/v1/_catalog', '401: 401 Unauthorized', 'UNAUTHORIZED', errorsBody('UNAUTHORIZED', 'token has an unexpected shape')),
    codes: ['AUTHENTICATION_REQUIRED'],
    evidence: { status: 401 },
  },
  {
    name: 'go: throttled token exchange',
    text: goBlock('POST', 'https://contosoacr.azurecr.io/oauth2/exchange', '429: 429 Too Many Requests', 'TOOMANYREQUESTS', errorsBody('TOOMANYREQUESTS', 'too many requests')),
    codes: ['CONNECTIVITY_TOOMANYREQUESTS_ERROR'],
    evidence: { status: 429 },
  },

  {
    name: 'go: azidentity could not get a token',
    text: `DefaultAzureCredential: failed to acquire a token.
Attempted credentials:
	EnvironmentCredential: missing environment variable AZURE_TENANT_ID
	AzureCLICredential: ERROR: Please run 'az login' to setup account.`,
    codes: ['AAD_TOKEN_ERROR'],
  },

  // --- Python SDK ---
  {
    name: 'python: ClientAuthenticationError with traceback',
    text: `Traceback (most recent call last):
  File "/home/ana/list_repos.py", line 14, in <module>
    for name in client.list_repository_names():
  File "/usr/lib/python3/dist-packages/azure/core/paging.py", line 123, in __next__
    return next(self._page_iterator)
azure.core.exceptions.ClientAuthenticationError: (UNAUTHORIZED) authentication required, visit https://aka.ms/acr/authorization for more information.
Code: UNAUTHORIZED
Message: authentication required, visit https://aka.ms/acr/authorization for more information.`,
    codes: ['AUTHENTICATION_REQUIRED'],
    evidence: { client: 'python' },
  },
  {
    name: 'python: HttpResponseError for the firewall',
    text: `azure.core.exceptions.HttpResponseError: (DENIED) client with IP '198.51.100.23' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.
Code: DENIED
Message: client with IP '198.51.100.23' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.`,
    codes: ['CONNECTIVITY_FORBIDDEN_ERROR'],
    evidence: { clientIp: '198.51.100.23', client: 'python' },
  },
  {
    name: 'python: bare status without a body',
    text: "azure.core.exceptions.HttpResponseError: Operation returned an invalid status 'Forbidden'",
    codes: ['PERMISSION_DENIED'],
    evidence: { status: 403, client: 'python' },
  },
  {
    name: 'python: raw JSON body from a DEBUG log',
    text: `DEBUG:azure.core.pipeline.policies.http_logging_policy:Response status: 403
{"errors":[{"code":"DENIED","message":"retrieving permissions failed"}]}`,
    codes: ['PERMISSION_DENIED'],
    evidence: { status: 403 },
  },
  {
    name: 'python: certificate verification behind an inspecting proxy',
    text: "azure.core.exceptions.ServiceRequestError: HTTPSConnectionPool(host='contosoacr.azurecr.io', port=443): Max retries exceeded with url: /oauth2/exchange (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))",
    codes: ['X509_UNKNOWN_AUTHORITY'],
    evidence: { registry: 'contosoacr' },
  },
  {
    name: 'python: name resolution failure',
    text: "azure.core.exceptions.ServiceRequestError: <urllib3.connection.HTTPSConnection object at 0x7f2c1d0>: Failed to resolve 'contosoacr.azurecr.io' ([Errno -2] Name or service not known)",
    codes: ['DNS_NO_SUCH_HOST'],
    evidence: { host: 'contosoacr.azurecr.io', registry: 'contosoacr' },
  },

  // --- docker / podman ---
  {
    name: 'docker login without credentials',
    text: 'Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.',
    codes: ['AUTHENTICATION_REQUIRED'],
    evidence: { registry: 'contosoacr', client: 'docker' },
  },
  {
    name: 'docker login with a wrong password',
    text: 'Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": unauthorized: incorrect username or password',
    codes: ['BASIC_CREDENTIALS_ERROR'],
    evidence: { registry: 'contosoacr' },
  },
  {
    name: 'docker push without rights',
    text: `The push refers to repository [contosoacr.azurecr.io/samples/web]
5f70bf18a086: Preparing
a3b5c80a4eba: Preparing
denied: requested access to the resource is denied`,
    codes: ['REQUESTED_ACCESS_DENIED'],
    evidence: { registry: 'contosoacr', repository: 'samples/web', client: 'docker' },
  },
  {
    name: 'docker pull of a missing tag',
    text: 'Error response from daemon: manifest for contosoacr.azurecr.io/samples/web:v9 not found: manifest unknown: manifest tagged by "v9" is not found',
    codes: ['REPOSITORY_NOT_FOUND'],
    evidence: { registry: 'contosoacr', repository: 'samples/web' },
  },
  {
    name: 'docker daemon stopped',
    text: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    codes: ['DOCKER_DAEMON_ERROR'],
    evidence: { client: 'docker' },
  },
  {
    name: 'docker socket permission',
    text: 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version": dial unix /var/run/docker.sock: connect: permission denied',
    codes: ['DOCKER_DAEMON_ERROR'],
  },
  {
    name: 'docker on Windows without Docker Desktop',
    text: 'error during connect: this error may indicate that the docker daemon is not running: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/version": open //./pipe/docker_engine: The system cannot find the file specified.',
    codes: ['DOCKER_DAEMON_ERROR'],
  },
  {
    name: 'docker x509 unknown authority',
    text: 'Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority',
    codes: ['X509_UNKNOWN_AUTHORITY'],
    evidence: { registry: 'contosoacr' },
  },
  {
    name: 'docker certificate for another name',
    text: 'Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": tls: failed to verify certificate: x509: certificate is valid for proxy.corp.example, not contosoacr.azurecr.io',
    codes: ['CONNECTIVITY_SSL_ERROR'],
  },
  {
    name: 'docker name resolution',
    text: 'Error response from daemon: Get "https://contosoacrr.azurecr.io/v2/": dial tcp: lookup contosoacrr.azurecr.io on 127.0.0.53:53: no such host',
    codes: ['DNS_NO_SUCH_HOST'],
    evidence: { host: 'contosoacrr.azurecr.io', registry: 'contosoacrr' },
  },
  {
    name: 'docker TLS handshake timeout',
    text: 'Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": net/http: TLS handshake timeout',
    codes: ['TLS_HANDSHAKE_TIMEOUT'],
    evidence: { registry: 'contosoacr' },
  },
  {
    name: 'docker firewall',
    text: `Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": denied: client with IP '203.0.113.50' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.`,
    codes: ['CONNECTIVITY_FORBIDDEN_ERROR'],
    evidence: { clientIp: '203.0.113.50', registry: 'contosoacr' },
  },
  {
    name: 'docker pull blocked on the data endpoint',
    text: `latest: Pulling from samples/web
c1c2b3a4d5e6: Pulling fs layer
error pulling image configuration: download failed after attempts=6: dial tcp 20.50.1.2:443: connect: connection refused
Get "https://contosoacr.westeurope.data.azurecr.io/a1b2/blobs/sha256:0123?se=2026-11-22&sig=abc": dial tcp 20.50.1.2:443: i/o timeout`,
    codes: ['DATA_ENDPOINT_ERROR'],
    evidence: { registry: 'contosoacr', host: 'contosoacr.westeurope.data.azurecr.io' },
  },
  {
    name: 'docker pull: repository missing or login needed',
    text: "Error response from daemon: pull access denied for contosoacr.azurecr.io/samples/nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    codes: ['REQUESTED_ACCESS_DENIED'],
    evidence: { registry: 'contosoacr' },
  },
  {
    name: 'docker not installed',
    text: 'bash: docker: command not found',
    codes: ['DOCKER_COMMAND_ERROR'],
  },
  {
    name: 'podman pull without login',
    text: 'Error: initializing source docker://contosoacr.azurecr.io/app:latest: reading manifest latest in contosoacr.azurecr.io/app: unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.',
    codes: ['AUTHENTICATION_REQUIRED'],
    evidence: { registry: 'contosoacr', client: 'podman' },
  },

  // --- helm / oras ---
  {
    name: 'helm push with an expired login',
    text: 'Error: failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://contosoacr.azurecr.io/oauth2/token: 401 Unauthorized',
    codes: ['OAUTH_TOKEN_FETCH_FAILED'],
    evidence: { status: 401, registry: 'contosoacr' },
  },
  {
    name: 'helm pull 401 on a manifest',
    text: 'Error: unexpected status from GET request to https://contosoacr.azurecr.io/v2/helm/webapp/manifests/0.1.0: 401 Unauthorized',
    codes: ['OAUTH_TOKEN_FETCH_FAILED'],
    evidence: { status: 401, repository: 'helm/webapp' },
  },
  {
    name: 'helm push 403',
    text: 'Error: unexpected status from HEAD request to https://contosoacr.azurecr.io/v2/helm/webapp/blobs/sha256:5a2c: 403 Forbidden',
    codes: ['PERMISSION_DENIED'],
    evidence: { status: 403 },
  },
  {
    name: 'helm registry login refused',
    text: 'Error: login attempt to https://contosoacr.azurecr.io/v2/ failed with status: 401 Unauthorized',
    codes: ['BASIC_CREDENTIALS_ERROR'],
    evidence: { status: 401, registry: 'contosoacr' },
  },
  {
    name: 'oras pull without login',
    text: 'Error: failed to resolve v1: GET "https://contosoacr.azurecr.io/v2/artifacts/sbom/manifests/v1": response status code 401: unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.',
    codes: ['AUTHENTICATION_REQUIRED'],
    evidence: { status: 401, repository: 'artifacts/sbom' },
  },
  {
    name: 'oras push without rights',
    text: 'Error response from registry: oras push: PUT "https://contosoacr.azurecr.io/v2/artifacts/sbom/manifests/v1": response status code 403: denied: retrieving permissions failed',
    codes: ['PERMISSION_DENIED'],
    evidence: { status: 403 },
  },

  // --- az acr check-health ---
  {
    name: 'check-health: forbidden',
    text: `Docker daemon status: available
Docker version: 'Docker version 24.0.7, build afdd53b', server 24.0.7, platform linux/amd64
Docker pull of 'mcr.microsoft.com/mcr/hello-world:latest' : OK
Azure CLI version: 2.45.0
DNS lookup to contosoacr.azurecr.io at IP 20.61.1.2 : OK
An error occurred: CONNECTIVITY_FORBIDDEN_ERROR
Looks like you don't have access to registry \`contosoacr.azurecr.io\`. Are firewalls and virtual networks enabled?

Please refer to https://aka.ms/acr/errors#connectivity_forbidden_error for more information.`,
    codes: ['CONNECTIVITY_FORBIDDEN_ERROR'],
    evidence: { registry: 'contosoacr', client: 'check-health' },
  },
  {
    name: 'check-health --ignore-errors: several codes',
    text: `An error occurred: DOCKER_COMMAND_ERROR
Docker could not be found.

An error occurred: HELM_COMMAND_ERROR
Helm command not found.

Azure CLI version: 2.45.0
An error occurred: CONNECTIVITY_REFRESH_TOKEN_ERROR
Access to registry 'contosoacr.azurecr.io' was denied. Response code: 401.`,
    codes: ['DOCKER_COMMAND_ERROR', 'HELM_COMMAND_ERROR', 'CONNECTIVITY_REFRESH_TOKEN_ERROR'],
  },
  {
    name: 'check-health: not signed in',
    text: "ERROR: Please run 'az login' to setup account.",
    codes: ['AAD_TOKEN_ERROR'],
  },
  {
    name: 'az: wrong client secret',
    text: 'ERROR: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
    codes: ['AAD_TOKEN_ERROR'],
  },

  // --- bare codes and raw bodies ---
  { name: 'bare code', text: 'CONNECTIVITY_SSL_ERROR', codes: ['CONNECTIVITY_SSL_ERROR'], evidence: { client: 'code' } },
  { name: 'bare code in lower case', text: 'connectivity_dns_error', codes: ['CONNECTIVITY_DNS_ERROR'] },
  { name: 'our own crash code', text: 'UNEXPECTED_ERROR', codes: ['UNEXPECTED_ERROR'] },
  {
    name: 'raw JSON: name unknown',
    text: '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"samples/nope"}}]}',
    codes: ['REPOSITORY_NOT_FOUND'],
  },
  { name: 'raw JSON: throttled', text: '{"errors":[{"code":"TOOMANYREQUESTS","message":"too many requests"}]}', codes: ['CONNECTIVITY_TOOMANYREQUESTS_ERROR'] },
  { name: 'raw JSON: ARM token', text: '{"errors":[{"code":"UNAUTHORIZED","message":"arm aad token disallowed"}]}', codes: ['ARM_TOKEN_DISALLOWED'], evidence: { client: 'json' } },

  // --- several errors in one paste, in order ---
  {
    name: 'multi: two Go blocks, ARM then firewall',
    text: [
      goBlock('GET', 'https://contosoacr.azurecr.io/acr/v1/_catalog', '401: 401 Unauthorized', 'UNAUTHORIZED', errorsBody('UNAUTHORIZED', 'arm aad token disallowed')),
      'retrying with another credential...',
      goBlock('GET', 'https://contosoacr.azurecr.io/acr/v1/_catalog', '403: 403 Forbidden', 'DENIED', errorsBody('DENIED', "client with IP '192.0.2.44' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.")),
    ].join('\n'),
    codes: ['ARM_TOKEN_DISALLOWED', 'CONNECTIVITY_FORBIDDEN_ERROR'],
  },
  {
    name: 'multi: docker login, then push, the same error twice is explained once',
    text: `$ docker login contosoacr.azurecr.io
Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": net/http: TLS handshake timeout
$ docker push contosoacr.azurecr.io/app:1.0
The push refers to repository [contosoacr.azurecr.io/app]
denied: requested access to the resource is denied
$ docker login contosoacr.azurecr.io
Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": net/http: TLS handshake timeout`,
    codes: ['TLS_HANDSHAKE_TIMEOUT', 'REQUESTED_ACCESS_DENIED'],
  },
  {
    name: 'multi: DNS then x509 then code',
    text: `dial tcp: lookup contosoacr.azurecr.io on 10.0.0.2:53: no such host
x509: certificate signed by unknown authority
An error occurred: CMK_ERROR`,
    codes: ['DNS_NO_SUCH_HOST', 'X509_UNKNOWN_AUTHORITY', 'CMK_ERROR'],
  },
  {
    name: 'multi: evidence of one error is not lent to the next',
    text: `The push refers to repository [contosoacr.azurecr.io/samples/web]
denied: requested access to the resource is denied
Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": net/http: TLS handshake timeout`,
    codes: ['REQUESTED_ACCESS_DENIED', 'TLS_HANDSHAKE_TIMEOUT'],
  },
];

/** Texts that mention registries, statuses or errors but hold nothing explain knows. */
export const NOT_RECOGNISED: string[] = [
  'Status: Downloaded newer image for contosoacr.azurecr.io/samples/web:latest',
  'Login Succeeded',
  'Everything is fine, 200 OK.',
  goBlock('GET', 'https://contosoacr.azurecr.io/acr/v1/_catalog', '500: 500 Internal Server Error', 'UNAVAILABLE', errorsBody('UNKNOWN', 'something broke on the server')),
  '',
];
