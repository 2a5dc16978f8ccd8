import type { CheckDefinition } from '../../engine/types.js';

/** The registry checks, in display order. */
export const registryChecks: CheckDefinition[] = [];
