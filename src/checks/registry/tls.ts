import { placeholder } from '../placeholder.js';

export const tlsCheck = placeholder('registry.tls', 'registry', 'Secure connection (TLS) to the login server', ['registry.dns'], ['CONNECTIVITY_SSL_ERROR']);
