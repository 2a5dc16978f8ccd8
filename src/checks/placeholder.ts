import type { CheckDefinition, Group } from '../engine/types.js';

/** Stands for a check whose implementation has not landed: it says so and blocks its dependents. */
export function placeholder(id: string, group: Group, title: string, dependsOn: string[], codes: string[]): CheckDefinition {
  return {
    id,
    group,
    title,
    dependsOn,
    codes,
    run: async () => ({ status: 'skip', summary: 'Not implemented in this version yet.', satisfiesDependents: false }),
  };
}
