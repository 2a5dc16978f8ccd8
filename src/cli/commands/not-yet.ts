import { UsageError } from '../usage-error.js';
import { t } from '../../knowledge/i18n.js';

/** For a command whose feature has not landed yet: say so honestly, exit 2. */
export function notYet(feature: string): never {
  throw new UsageError(t('cli.error.notYet', { feature }));
}
