import { placeholder } from '../placeholder.js';

export const challengeCheck = placeholder('registry.challenge', 'registry', 'Registry answers with an authentication challenge', ['registry.tls'], ['CONNECTIVITY_CHALLENGE_ERROR', 'CONNECTIVITY_FORBIDDEN_ERROR', 'CONNECTIVITY_AAD_LOGIN_ERROR', 'CONNECTIVITY_TOOMANYREQUESTS_ERROR']);
