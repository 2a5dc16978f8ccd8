/** Server texts exactly as ACR and Azure AD send them (facts, matched verbatim by the checks). */

export const ACR = {
  authRequired: 'authentication required, visit https://aka.ms/acr/authorization for more information.',
  armDisallowed: 'arm aad token disallowed',
  permissionsFailed: 'retrieving permissions failed',
  firewall: (ip: string): string => `client with IP '${ip}' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.`,
  uploadInvalid: 'blob upload invalid',
  uploadUnknown: 'blob upload unknown to registry',
  nameUnknown: 'repository name not known to registry',
  manifestUnknown: (ref: string): string => `manifest tagged by "${ref}" is not found`,
  indexNotAccepted: 'OCI index found, but accept header does not support OCI indexes',
  blobUnknown: 'blob unknown to registry',
  digestInvalid: 'provided digest did not match uploaded content',
  tooManyRequests: 'too many requests, please retry later',
  unsupported: 'The operation is unsupported.',
};

const trailer = (): string =>
  ` Trace ID: ${crypto.randomUUID()} Correlation ID: ${crypto.randomUUID()} Timestamp: ${new Date().toISOString().replace('T', ' ').slice(0, 19)}Z`;

export const AAD = {
  tenantNotFound: (tenant: string): string =>
    `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.${trailer()}`,
  appNotFound: (clientId: string, tenant: string): string =>
    `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.${trailer()}`,
  badSecret: (clientId: string): string =>
    `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.${trailer()}`,
  expiredSecret: (clientId: string): string =>
    `AADSTS7000222: The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.${trailer()}`,
  badScope: (scope: string): string =>
    `AADSTS70011: The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.${trailer()}`,
  badGrant: `AADSTS70003: The app requested an unsupported grant type.`,
};

export const PROXY_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Web access restricted</title></head>\n<body><h1>Sign in to continue</h1>\n' +
  '<p>This network requires you to sign in to the corporate web gateway before you can reach external sites.</p>\n' +
  '<form method="post" action="/login"><input name="user"><input name="password" type="password"><button>Sign in</button></form>\n' +
  '</body></html>\n';
