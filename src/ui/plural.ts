import { t } from '../knowledge/i18n.js';

/** A count with its noun: `KEY.one` for exactly one ("1 warning", "1 misslyckad"), `KEY` otherwise. */
export function tn(key: string, n: number): string {
  return t(n === 1 ? `${key}.one` : key, { n });
}
