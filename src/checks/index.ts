import type { CheckDefinition, SessionOptions, Target } from '../engine/types.js';
import { environmentChecks } from './environment/index.js';
import { registryChecks } from './registry/index.js';
import { authChecks } from './auth/index.js';
import { repositoryChecks } from './repository/index.js';

export function allChecks(): CheckDefinition[] {
  return [...environmentChecks, ...registryChecks, ...authChecks, ...repositoryChecks];
}

/** The checks that take part in a run: registry checks only with a target, each check's own enabled() rule. */
export function selectChecks(options: SessionOptions, target: Target | null, checks: CheckDefinition[] = allChecks()): CheckDefinition[] {
  return checks.filter((c) => {
    if (c.group !== 'environment' && !target) return false;
    return c.enabled ? c.enabled(options, target) : true;
  });
}
