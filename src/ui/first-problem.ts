import type { CheckRow } from '../engine/store.js';

/**
 * Where the cursor goes when a chain finishes: the first failure; without one, the first warning
 * outside the environment group (a registry warning such as ARM tokens refused matters more than
 * a missing helm); else the first warning at all.
 */
export function firstProblem(rows: CheckRow[]): CheckRow | undefined {
  const status = (r: CheckRow) => (r.state.phase === 'done' ? r.state.result.status : null);
  return (
    rows.find((r) => status(r) === 'fail') ??
    rows.find((r) => status(r) === 'warn' && r.group !== 'environment') ??
    rows.find((r) => status(r) === 'warn')
  );
}
