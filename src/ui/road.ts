import type { CheckRow } from '../engine/store.js';
import type { Status } from '../engine/types.js';

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

function bypassed(env: Record<string, string | undefined>, host: string): boolean {
  const list = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  const h = host.toLowerCase();
  return list.some((e) => e === '*' || h === e.replace(/^\./, '') || h.endsWith(e.startsWith('.') ? e : `.${e}`));
}

/** The proxy the registry's requests go through, without user name or password; null when none applies. */
export function proxyFromEnv(env: Record<string, string | undefined>, loginServer: string | null = null): string | null {
  const raw = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  if (!raw) return null;
  if (loginServer && bypassed(env, loginServer.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''))) return null;
  try {
    const u = new URL(raw.includes('://') ? raw : `http://${raw}`);
    return u.port ? `${u.hostname}:${u.port}` : u.hostname;
  } catch {
    return '?';
  }
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
