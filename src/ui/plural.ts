// Kept for the UI's imports; the rule itself lives with the catalogs.
export { tn } from '../knowledge/i18n.js';
