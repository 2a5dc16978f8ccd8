import type { Messages } from '../../i18n.js';
import { cli } from './cli.js';
import { report } from './report.js';

// Same fragments as en/; a test fails when a key or a placeholder differs.
export const sv: Messages = {
  ...cli,
  ...report,
};
