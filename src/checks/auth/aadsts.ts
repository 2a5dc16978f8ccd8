import { t } from '../../knowledge/i18n.js';

/** AADSTS codes whose meaning acr-doctor can put in plain words (matched verbatim, explained in our own). */
const KNOWN: Record<string, string> = {
  '7000215': 'auth.aadsts.7000215',
  '7000222': 'auth.aadsts.7000222',
  '90002': 'auth.aadsts.90002',
  '700016': 'auth.aadsts.700016',
  '700082': 'auth.aadsts.700082',
  '50076': 'auth.aadsts.50076',
  '50078': 'auth.aadsts.50078',
  '53003': 'auth.aadsts.53003',
  '50173': 'auth.aadsts.50173',
};

/** The first AADSTS code in a text ("AADSTS7000215: Invalid client secret ..."), without the prefix. */
export function findAadstsCode(text: string): string | null {
  const m = /AADSTS(\d{5,8})/.exec(text);
  return m ? m[1]! : null;
}

/** Our explanation of an AADSTS code in the current language, or null for one we do not know. */
export function aadstsMeaning(code: string | null): string | null {
  if (!code) return null;
  const key = KNOWN[code];
  return key ? t(key) : null;
}
