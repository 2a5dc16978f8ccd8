import { placeholder } from '../placeholder.js';

export const loginServerCheck = placeholder('registry.login-server', 'registry', 'Registry login server', [], ['LOGIN_SERVER_ERROR']);
