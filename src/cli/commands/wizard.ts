import type { CliIO } from '../io.js';
import type { Session } from '../session.js';

/** The interactive wizard. Ink and React load only here, so --help, check and explain stay fast. */
export async function runWizardCommand(session: Session, io: CliIO): Promise<number> {
  const { launchWizard } = await import('../../ui/launch.js');
  return launchWizard(session, io);
}
