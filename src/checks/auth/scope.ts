import type { SessionOptions } from '../../engine/types.js';
import type { GrantedAccess } from '../data.js';
import { decodeJwt } from '../../probes/jwt.js';

export interface RequestedScope {
  type: string;
  name: string;
  actions: string[];
}

/** The scope acr-doctor asks for: the repository's pull (and push) when one is named, else the catalog. */
export function scopeFor(options: Pick<SessionOptions, 'repository' | 'push'>): string {
  if (options.repository) return `repository:${options.repository.name}:${options.push ? 'pull,push' : 'pull'}`;
  return 'registry:catalog:*';
}

/** "repository:a/b:pull,push" → {type, name, actions}; the name may not hold a colon, so split from both ends. */
export function parseScope(scope: string): RequestedScope {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope.slice(last + 1).split(',').filter((a) => a.length > 0),
  };
}

/** The `access` claim of a registry token, or null when the token cannot be read. */
export function grantedAccess(token: string): GrantedAccess[] | null {
  const decoded = decodeJwt(token);
  if (!decoded) return null;
  const access = decoded.claims.access;
  if (!Array.isArray(access)) return [];
  return access
    .filter((a): a is Record<string, unknown> => a !== null && typeof a === 'object')
    .map((a) => ({
      type: typeof a.type === 'string' ? a.type : '',
      name: typeof a.name === 'string' ? a.name : '',
      actions: Array.isArray(a.actions) ? a.actions.filter((x): x is string => typeof x === 'string') : [],
    }));
}

/** The requested actions the token does not grant ("*" grants everything for its resource). */
export function missingActions(requested: RequestedScope, granted: GrantedAccess[]): string[] {
  const have = new Set(granted.filter((g) => g.type === requested.type && g.name === requested.name).flatMap((g) => g.actions));
  if (have.has('*')) return [];
  return requested.actions.filter((a) => !have.has(a));
}
