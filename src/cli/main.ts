import { processIO, type CliIO } from './io.js';
import { VERSION } from '../version.js';

// This module is the bundle's entry chunk and is kept tiny: argument parsing, the message catalogs,
// the checks, execa, undici, the simulator and Ink are all imported on demand below, so that
// `--version` costs little more than starting Node itself.

import { isInteractive } from './interactive.js';

/** Whether the bare command opens the wizard: both ends are terminals and this is not CI. */
export { isInteractive };

/** The one exit path: every command returns its exit code here; usage errors become exit 2. */
export async function main(argv: string[], io?: CliIO): Promise<number> {
  // `--version` alone always parses to "print the version" (no option or variable can make it fail),
  // so it is answered before the parser and its catalogs load.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    (io?.stdout ?? process.stdout).write(`${VERSION}\n`);
    return 0;
  }
  const cio = io ?? processIO();
  const [{ parseCliArgs }, { UsageError }, { setLang, langFromEnv, t }] = await Promise.all([
    import('./args.js'),
    import('./usage-error.js'),
    import('../knowledge/i18n.js'),
  ]);
  setLang(langFromEnv(cio.env));
  try {
    const args = parseCliArgs(argv, cio.env);
    setLang(args.options.lang);
    if (args.help) {
      const { helpText } = await import('./help.js');
      cio.stdout.write(helpText());
      return 0;
    }
    if (args.version) {
      cio.stdout.write(`${VERSION}\n`);
      return 0;
    }
    switch (args.command) {
      case 'explain': {
        const { runExplainCommand } = await import('./commands/explain.js');
        return await runExplainCommand(args, cio);
      }
      case 'replay': {
        const { runReplayCommand } = await import('./commands/replay.js');
        return await runReplayCommand(args, cio);
      }
      case 'demo': {
        const { runDemoCommand } = await import('./commands/demo.js');
        return await runDemoCommand(args, cio);
      }
      case 'check': {
        const [{ buildSession }, { runCheckCommand }] = await Promise.all([import('./session.js'), import('./commands/check.js')]);
        const session = await buildSession(args, cio, false);
        return (await runCheckCommand(session, cio)).exitCode;
      }
      case 'default': {
        const interactive = isInteractive(cio) && !args.options.json;
        const { buildSession } = await import('./session.js');
        const session = await buildSession(args, cio, interactive);
        if (interactive) {
          const { runWizardCommand } = await import('./commands/wizard.js');
          return await runWizardCommand(session, cio);
        }
        const { runCheckCommand } = await import('./commands/check.js');
        return (await runCheckCommand(session, cio)).exitCode;
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      cio.stderr.write(`acr-doctor: ${err.message}\n${t('cli.hint.help')}\n`);
      return 2;
    }
    // An unexpected error's text may quote a request or a token: scrub it like every other output.
    const { redactText, secretValuesFromEnv } = await import('../transcript/redact.js');
    const known = secretValuesFromEnv(cio.env);
    const message = redactText(err instanceof Error ? err.message : String(err), known);
    cio.stderr.write(`acr-doctor: ${t('cli.error.internal', { message })}\n`);
    if (cio.env.ACR_DOCTOR_DEBUG && err instanceof Error && err.stack) cio.stderr.write(`${redactText(err.stack, known)}\n`);
    return 1;
  }
}
