import type { CheckDefinition } from './types.js';

/** Orders checks so each comes after its prerequisites; throws on unknown ids or cycles (a programming error). */
export function topoOrder(checks: CheckDefinition[]): CheckDefinition[] {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const out: CheckDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (c: CheckDefinition, path: string[]): void => {
    const s = state.get(c.id);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`check dependency cycle: ${[...path, c.id].join(' -> ')}`);
    state.set(c.id, 'visiting');
    for (const d of c.dependsOn) {
      const dep = byId.get(d);
      if (dep) visit(dep, [...path, c.id]);
    }
    state.set(c.id, 'done');
    out.push(c);
  };
  for (const c of checks) visit(c, []);
  return out;
}

/** The ids given plus every check that depends on them, directly or not. */
export function withDependents(checks: CheckDefinition[], ids: string[]): Set<string> {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of checks) {
      if (!out.has(c.id) && c.dependsOn.some((d) => out.has(d))) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}
