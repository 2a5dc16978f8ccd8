import type { CheckDefinition } from '../../engine/types.js';
import { credentialCheck } from './credential.js';
import { refreshTokenCheck } from './refresh-token.js';
import { accessTokenCheck } from './access-token.js';

/** The auth checks, in display order. */
export const authChecks: CheckDefinition[] = [credentialCheck, refreshTokenCheck, accessTokenCheck];
