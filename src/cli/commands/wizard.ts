import type { CliIO } from '../io.js';
import type { Session } from '../session.js';
import { runCheckCommand } from './check.js';

/** The interactive wizard. Until the Ink screens land it runs the plain check. */
export async function runWizardCommand(session: Session, io: CliIO): Promise<number> {
  return (await runCheckCommand(session, io)).exitCode;
}
