import type { CheckDefinition } from '../../engine/types.js';

/** The environment checks, in display order. */
export const environmentChecks: CheckDefinition[] = [];
