import type { CheckDefinition } from '../../engine/types.js';
import { pullCheck } from './pull.js';
import { dataEndpointCheck } from './data-endpoint.js';
import { pushCheck } from './push.js';

/** The repository checks, in display order. */
export const repositoryChecks: CheckDefinition[] = [pullCheck, dataEndpointCheck, pushCheck];
