import { isInteractive } from '../interactive.js';
import { resolve } from 'node:path';
import type { CliIO } from '../io.js';
import type { ParsedArgs } from '../args.js';
import type { EngineEvent } from '../../engine/types.js';
import { loadTranscript, TranscriptLoadError } from '../../transcript/load.js';
import type { TranscriptDocument } from '../../transcript/document.js';
import { renderReplayPlain } from '../../transcript/replay-text.js';
import { redactText, secretValuesFromEnv } from '../../transcript/redact.js';

type LaunchReplay = (events: EngineEvent[], io: CliIO) => Promise<number>;

/** The wizard's read-only replay, when the UI is part of this build. */
async function wizardReplay(): Promise<LaunchReplay | null> {
  try {
    const mod = (await import('../../ui/launch.js')) as { launchReplay?: LaunchReplay };
    return typeof mod.launchReplay === 'function' ? mod.launchReplay : null;
  } catch {
    return null;
  }
}

/**
 * `acr-doctor replay FILE.json`: shows a recorded session. Never runs a command. A file that is
 * not a transcript this version understands is exit 2 with one sentence.
 */
export async function runReplayCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const shown = args.rest[0] ?? '';
  let doc: TranscriptDocument;
  try {
    doc = await loadTranscript(resolve(io.cwd, shown), shown);
  } catch (err) {
    if (!(err instanceof TranscriptLoadError)) throw err;
    io.stderr.write(`acr-doctor: ${err.message}\n`);
    return 2;
  }
  const interactive = isInteractive(io);
  if (interactive) {
    const launch = await wizardReplay();
    if (launch) return await launch(doc.events, io);
  }
  const color = args.options.color && Boolean(io.stdout.isTTY);
  io.stdout.write(redactText(renderReplayPlain(doc, { color }), secretValuesFromEnv(io.env)));
  return 0;
}
