import type { EngineEvent, Target } from '../engine/types.js';
import type { SessionState } from '../engine/store.js';

/** What an export needs: the recorded events, the folded state, and secret values to scrub. */
export interface ExportInput {
  events: EngineEvent[];
  state: SessionState;
  target: Target | null;
  /** Known secret values (passwords, client secrets) scrubbed wherever they appear. */
  secrets: string[];
}

export class ExportExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'ExportExistsError';
  }
}

/** Placeholder until the transcript issue lands. */
export const transcriptAvailable = false;

/** Writes FILE.md or FILE.json atomically; refuses to overwrite unless told to. */
export async function exportToFile(_path: string, _input: ExportInput, _opts: { overwrite?: boolean } = {}): Promise<void> {
  throw new Error('transcript export is not available yet');
}

/** Writes acr-doctor-<registry>-<YYYYMMDD-HHMMSS>.md and .json into dir; returns both paths. */
export async function exportPair(_dir: string, _input: ExportInput, _opts: { overwrite?: boolean; now?: Date } = {}): Promise<string[]> {
  throw new Error('transcript export is not available yet');
}
