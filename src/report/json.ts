import type { CheckResult, Target } from '../engine/types.js';
import { countStatuses, type Counts } from '../engine/store.js';
import { VERSION } from '../version.js';

export interface JsonReport {
  schemaVersion: 1;
  tool: { name: 'acr-doctor'; version: string };
  startedAt: string;
  durationMs: number;
  target: { input: string; registryName: string | null; loginServer: string; cloud: string } | null;
  checks: CheckResult[];
  summary: Counts;
}

/** The contract's JSON report (schemaVersion 1): exactly these fields, nothing else. */
export function buildJsonReport(input: {
  startedAt: string;
  durationMs: number;
  target: Target | null;
  checks: CheckResult[];
}): JsonReport {
  return {
    schemaVersion: 1,
    tool: { name: 'acr-doctor', version: VERSION },
    startedAt: input.startedAt,
    durationMs: input.durationMs,
    target: input.target
      ? {
          input: input.target.input,
          registryName: input.target.registryName,
          loginServer: input.target.loginServer,
          cloud: input.target.cloud,
        }
      : null,
    checks: input.checks.map((c) => ({
      id: c.id,
      group: c.group,
      title: c.title,
      status: c.status,
      code: c.code,
      summary: c.summary,
      blockedBy: c.blockedBy,
      durationMs: c.durationMs,
      details: c.details,
      remediations: c.remediations.map((r) => ({
        id: r.id,
        title: r.title,
        command: r.command,
        changes: r.changes,
        ...(r.docs ? { docs: r.docs } : {}),
        ...(r.interactive ? { interactive: true } : {}),
      })),
    })),
    summary: countStatuses(input.checks),
  };
}
