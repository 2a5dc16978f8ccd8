import type { CheckDefinition } from '../../engine/types.js';

/** The repository checks, in display order. */
export const repositoryChecks: CheckDefinition[] = [];
