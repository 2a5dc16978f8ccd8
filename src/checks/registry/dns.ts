import { placeholder } from '../placeholder.js';

export const dnsCheck = placeholder('registry.dns', 'registry', 'Login server name resolves', ['registry.login-server'], ['CONNECTIVITY_DNS_ERROR']);
