import type { Lang } from '../engine/types.js';
import { en } from './locales/en/index.js';
import { sv } from './locales/sv/index.js';

export type Messages = Record<string, string>;
export const catalogs: Record<Lang, Messages> = { en, sv };

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** Picks the language from LC_ALL, LC_MESSAGES or LANG (sv_SE.UTF-8 → sv); English otherwise. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^sv([_.@-]|$)/i.test(v) ? 'sv' : 'en';
}

/**
 * The text for `key` in the current language with {placeholders} filled. A key missing from the
 * language falls back to English, then to the key itself (a test keeps both catalogs complete).
 */
export function t(key: string, params: Record<string, string | number> = {}, lang: Lang = current): string {
  const template = catalogs[lang][key] ?? catalogs.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A count with its noun: `KEY.one` for exactly one ("1 warning", "1 misslyckad"), `KEY` otherwise. */
export function tn(key: string, n: number): string {
  return t(n === 1 ? `${key}.one` : key, { n });
}

/** The {placeholder} names a template uses, for the catalog test. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
