import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliIO } from '../cli/io.js';
import { t } from '../knowledge/i18n.js';
import { ExportExistsError, exportToFile, formatOf, type ExportInput } from './export.js';
import { redactText } from './redact.js';

/**
 * Why `--export FILE` cannot be written, checked before the run starts so a bad path costs
 * nothing: null when it looks writable.
 */
export async function exportPathProblem(file: string, cwd: string): Promise<string | null> {
  const path = resolve(cwd, file);
  if (!formatOf(path)) return t('cli.error.exportExt', { value: file });
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists) return t('cli.error.exportExists', { value: file });
  const dir = dirname(path);
  try {
    if (!(await stat(dir)).isDirectory()) return t('transcript.export.noDir', { file, dir });
    await access(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? t('transcript.export.noDir', { file, dir }) : t('transcript.export.notWritable', { file, dir });
  }
  return null;
}

export type ExportOutcome = 'written' | 'exists' | 'failed';

/**
 * Writes the transcript at the end of a non-interactive run and tells the person on stderr
 * (stdout may carry JSON). An existing file is never replaced.
 */
export async function exportAtEnd(file: string, input: ExportInput, io: CliIO): Promise<ExportOutcome> {
  try {
    await exportToFile(resolve(io.cwd, file), input, { overwrite: false });
    io.stderr.write(`${t('transcript.export.written', { file })}\n`);
    return 'written';
  } catch (err) {
    if (err instanceof ExportExistsError) {
      io.stderr.write(`acr-doctor: ${t('transcript.export.exists', { file })}\n`);
      return 'exists';
    }
    const reason = redactText(err instanceof Error ? err.message : String(err), input.secrets);
    io.stderr.write(`acr-doctor: ${t('transcript.export.failed', { file, reason })}\n`);
    return 'failed';
  }
}
