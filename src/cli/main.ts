import { parseCliArgs } from './args.js';
import { processIO, type CliIO } from './io.js';
import { UsageError } from './usage-error.js';
import { buildSession } from './session.js';
import { helpText } from './help.js';
import { runCheckCommand } from './commands/check.js';
import { runExplainCommand } from './commands/explain.js';
import { runReplayCommand } from './commands/replay.js';
import { runDemoCommand } from './commands/demo.js';
import { runWizardCommand } from './commands/wizard.js';
import { setLang, langFromEnv, t } from '../knowledge/i18n.js';
import { VERSION } from '../version.js';
import { redactText, secretValuesFromEnv } from '../transcript/redact.js';

/** Whether the bare command opens the wizard: both ends are terminals and CI is not set. */
export function isInteractive(io: CliIO): boolean {
  return Boolean(io.stdin.isTTY && io.stdout.isTTY) && !io.env.CI;
}

/** The one exit path: every command returns its exit code here; usage errors become exit 2. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  setLang(langFromEnv(io.env));
  try {
    const args = parseCliArgs(argv, io.env);
    setLang(args.options.lang);
    if (args.help) {
      io.stdout.write(helpText());
      return 0;
    }
    if (args.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    switch (args.command) {
      case 'explain':
        return await runExplainCommand(args, io);
      case 'replay':
        return await runReplayCommand(args, io);
      case 'demo':
        return await runDemoCommand(args, io);
      case 'check': {
        const session = await buildSession(args, io, false);
        return (await runCheckCommand(session, io)).exitCode;
      }
      case 'default': {
        const interactive = isInteractive(io) && !args.options.json;
        const session = await buildSession(args, io, interactive);
        if (interactive) return await runWizardCommand(session, io);
        return (await runCheckCommand(session, io)).exitCode;
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`acr-doctor: ${err.message}\n${t('cli.hint.help')}\n`);
      return 2;
    }
    // An unexpected error's text may quote a request or a token: scrub it like every other output.
    const known = secretValuesFromEnv(io.env);
    const message = redactText(err instanceof Error ? err.message : String(err), known);
    io.stderr.write(`acr-doctor: ${t('cli.error.internal', { message })}\n`);
    if (io.env.ACR_DOCTOR_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${redactText(err.stack, known)}\n`);
    return 1;
  }
}
