import type { Messages } from '../../i18n.js';
import { cli } from './cli.js';
import { report } from './report.js';

// Each area keeps its own fragment; add one import and one spread per new fragment.
export const en: Messages = {
  ...cli,
  ...report,
};
