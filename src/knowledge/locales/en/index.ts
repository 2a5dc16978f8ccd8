import type { Messages } from '../../i18n.js';
import { cli } from './cli.js';
import { report } from './report.js';
import { environment } from './environment.js';
import { registry } from './registry.js';
import { auth } from './auth.js';
import { repository } from './repository.js';
import { simulator } from './simulator.js';
import { ui } from './ui.js';
import { knowledge } from './knowledge.js';
import { explain } from './explain.js';
import { transcript } from './transcript.js';

// Each area keeps its own fragment; add one import and one spread per new fragment.
export const en: Messages = {
  ...cli,
  ...report,
  ...environment,
  ...registry,
  ...auth,
  ...repository,
  ...simulator,
  ...ui,
  ...knowledge,
  ...explain,
  ...transcript,
};
