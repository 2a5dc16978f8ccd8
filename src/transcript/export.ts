import { access, unlink } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { EngineEvent, Target } from '../engine/types.js';
import type { SessionState } from '../engine/store.js';
import { FileExistsError, writeFileAtomic } from './atomic-write.js';
import { buildTranscript, type TranscriptDocument } from './document.js';
import { renderMarkdown } from './markdown.js';
import { secretValuesFromEnv } from './redact.js';

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

export const transcriptAvailable = true;

export type ExportFormat = 'md' | 'json';

export function formatOf(path: string): ExportFormat | null {
  const ext = extname(path).toLowerCase();
  return ext === '.md' ? 'md' : ext === '.json' ? 'json' : null;
}

/** The file's text: scrubbed JSON, or Markdown rendered from the scrubbed document. */
export function renderExport(format: ExportFormat, doc: TranscriptDocument, known: string[]): string {
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : renderMarkdown(doc, known);
}

const knownSecrets = (input: ExportInput): string[] => [...input.secrets, ...secretValuesFromEnv(process.env)];

async function write(path: string, text: string, overwrite: boolean): Promise<void> {
  try {
    await writeFileAtomic(path, text, { overwrite });
  } catch (err) {
    if (err instanceof FileExistsError) throw new ExportExistsError(path);
    throw err;
  }
}

/** Writes FILE.md or FILE.json atomically; refuses to overwrite unless told to. */
export async function exportToFile(path: string, input: ExportInput, opts: { overwrite?: boolean } = {}): Promise<void> {
  const format = formatOf(path);
  if (!format) throw new Error(`${path}: a transcript is written as .md or .json`);
  const known = knownSecrets(input);
  await write(path, renderExport(format, buildTranscript(input), known), Boolean(opts.overwrite));
}

/** acr-doctor-<registry or "local">-<YYYYMMDD-HHMMSS> (UTC), safe as a file name everywhere. */
export function pairBaseName(target: Target | null, now: Date): string {
  const name = target ? (target.registryName ?? target.loginServer) : 'local';
  const safe = name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '') || 'registry';
  const p = (n: number): string => String(n).padStart(2, '0');
  const stamp =
    `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-` +
    `${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `acr-doctor-${safe}-${stamp}`;
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** Writes acr-doctor-<registry>-<YYYYMMDD-HHMMSS>.md and .json into dir; returns both paths. */
export async function exportPair(dir: string, input: ExportInput, opts: { overwrite?: boolean; now?: Date } = {}): Promise<string[]> {
  const base = join(dir, pairBaseName(input.target ?? input.state.info?.target ?? null, opts.now ?? new Date()));
  const paths = [`${base}.md`, `${base}.json`];
  const overwrite = Boolean(opts.overwrite);
  if (!overwrite) {
    for (const p of paths) if (await exists(p)) throw new ExportExistsError(p);
  }
  const doc = buildTranscript(input);
  const known = knownSecrets(input);
  await write(paths[0]!, renderExport('md', doc, known), overwrite);
  try {
    await write(paths[1]!, renderExport('json', doc, known), overwrite);
  } catch (err) {
    // Both or neither: a pair with one half missing would only confuse.
    if (!overwrite) await unlink(paths[0]!).catch(() => {});
    throw err;
  }
  return paths;
}
