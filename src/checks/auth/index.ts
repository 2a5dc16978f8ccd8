import type { CheckDefinition } from '../../engine/types.js';

/** The auth checks, in display order. */
export const authChecks: CheckDefinition[] = [];
