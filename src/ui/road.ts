import type { CheckRow } from '../engine/store.js';
import type { Status, Target } from '../engine/types.js';
import { proxyInUse } from '../transcript/session-info.js';

/** How one stretch of the road looks: the outcome of the checks behind it. */
export type Leg = Status | 'running' | 'pending' | 'none';

export interface RoadStop {
  key: 'machine' | 'proxy' | 'dns' | 'tls' | 'registry' | 'token' | 'data';
  /** Shown instead of the translated label (the proxy's address). */
  label?: string;
  leg: Leg;
}

const STOPS: { key: RoadStop['key']; checks: string[] }[] = [
  { key: 'dns', checks: ['registry.login-server', 'registry.dns'] },
  { key: 'tls', checks: ['registry.tls'] },
  { key: 'registry', checks: ['registry.challenge'] },
  { key: 'token', checks: ['auth.credential', 'auth.refresh-token', 'auth.access-token'] },
  { key: 'data', checks: ['repository.pull', 'repository.data-endpoint'] },
];

const rank: Record<Leg, number> = { fail: 6, running: 5, warn: 4, pending: 3, skip: 2, pass: 1, none: 0 };

/** The worst state among the rows behind a stop: one failure colours the whole stop. */
function legOf(rows: CheckRow[], ids: string[]): Leg {
  let worst: Leg = 'none';
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row) continue;
    const leg: Leg = row.state.phase === 'done' ? row.state.result.status : row.state.phase;
    if (rank[leg] > rank[worst]) worst = leg;
  }
  return worst;
}

/** The proxy the registry's requests go through, as host:port without credentials; null when none applies. */
export function proxyFromEnv(env: Record<string, string | undefined>, target: Target | null): string | null {
  const p = proxyInUse(env, target);
  return p ? proxyLabel(p) : null;
}

/** host:port of a proxy URL that has already lost its credentials (session info). */
export function proxyLabel(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
}

/** this machine → proxy (when set) → DNS → TLS → registry → token → data endpoint. Empty without a target. */
export function buildRoad(rows: CheckRow[], proxy: string | null, hasTarget: boolean): RoadStop[] {
  if (!hasTarget) return [];
  const stops: RoadStop[] = [{ key: 'machine', leg: 'pass' }];
  if (proxy) stops.push({ key: 'proxy', label: proxy, leg: legOf(rows, ['registry.tls']) });
  for (const s of STOPS) {
    const leg = legOf(rows, s.checks);
    if (leg === 'none' && s.key === 'data') continue;
    stops.push({ key: s.key, leg });
  }
  return stops;
}
