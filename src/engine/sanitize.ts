import type { Details, Remediation } from './types.js';
import { plainText } from '../transcript/control.js';

/**
 * Check results carry text that servers and tools control (a registry's error message, az output,
 * a certificate subject). Before a result is shown anywhere it loses terminal escape sequences and
 * control characters, so a hostile registry cannot recolour, hide or rewrite lines of the report,
 * the wizard or a replay.
 */

/** One line of text: escapes and control characters removed, line breaks and tabs become spaces. */
export function oneLine(text: string): string {
  return plainText(text).replace(/[\n\t]+/g, ' ');
}

// Anything below space, DEL and the C1 range: an argument with one of these cannot be shown as it runs.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A remediation fit to show and run: text cleaned, and a command whose arguments hold control
 * characters becomes a manual step, because what the person would read is not what would run.
 */
export function cleanRemediation(r: Remediation): Remediation {
  const command = r.command && r.command.length > 0 && !r.command.some((a) => typeof a !== 'string' || UNPRINTABLE.test(a)) ? r.command : null;
  return { ...r, title: oneLine(r.title), command, ...(r.docs !== undefined ? { docs: oneLine(r.docs) } : {}) };
}

/** Evidence with every string cleaned (line breaks kept: excerpts may span lines). */
export function cleanDetails(details: Details): Details {
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return plainText(v);
    if (depth > 20 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    // Only plain records are rebuilt; anything else (a Secret, a Date) is left for JSON to turn into text.
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, inner] of Object.entries(v)) out[plainText(k)] = walk(inner, depth + 1);
    return out;
  };
  try {
    return walk(details, 0) as Details;
  } catch {
    // Evidence that cannot even be read (a throwing getter) is passed on as it is: the reporters
    // deal with it as before, and the runner itself never throws.
    return details;
  }
}
