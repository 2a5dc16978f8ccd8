import type { Remediation } from '../engine/types.js';
import { t } from './i18n.js';
import { entryFor, type RemediationTemplate } from './entries.js';
import { normalizeEvidence, type Evidence, type EvidencePlaceholder } from './evidence.js';
import { formatArgv } from '../report/style.js';
import { safeHostName, safeIp } from '../probes/safe-values.js';

// Values that go into argv must look like what they claim to be: a pasted text is untrusted input.
// (A value that starts with '-' would be read as an option: host names and addresses are checked strictly.)
const SAFE: Record<EvidencePlaceholder, { test(v: string): boolean }> = {
  registry: /^[a-z0-9]{5,50}$/,
  loginServer: { test: (v) => /^[a-z0-9.:-]+$/.test(v) && safeHostName(v) !== null },
  clientIp: { test: (v) => safeIp(v) !== null },
  host: { test: (v) => !v.includes(':') && safeHostName(v) !== null },
  repository: /^[a-z0-9]+(?:[._\/-][a-z0-9]+)*$/,
  objectId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  registryId: /^\/subscriptions\/[A-Za-z0-9][A-Za-z0-9-]{0,63}\/resourceGroups\/[A-Za-z0-9._()-]{1,90}\/providers\/Microsoft\.ContainerRegistry\/registries\/[A-Za-z0-9]{5,50}$/i,
};

function valueFor(name: string, ev: Evidence): string | undefined {
  if (!(name in SAFE)) return undefined;
  const key = name as EvidencePlaceholder;
  const v = ev[key];
  return v !== undefined && SAFE[key].test(v) ? v : undefined;
}

/** Fills {placeholders}; returns the argv and the names that had no (valid) value. */
export function fillCommand(command: string[], ev: Evidence): { argv: string[]; missing: string[] } {
  const missing: string[] = [];
  const argv = command.map((arg) =>
    arg.replace(/\{(\w+)\}/g, (_whole, name: string) => {
      const v = valueFor(name, ev);
      if (v === undefined) {
        if (!missing.includes(name)) missing.push(name);
        return `<${t(`knowledge.value.${name}`)}>`;
      }
      return v;
    }),
  );
  return { argv, missing };
}

function render(code: string, tpl: RemediationTemplate, ev: Evidence): Remediation {
  const title = t(`knowledge.${code}.fix.${tpl.id}`);
  // Field order as in the contract's JSON: id, title, command, changes, docs.
  const make = (shownTitle: string, command: string[] | null, interactive: boolean): Remediation => ({
    id: tpl.id,
    title: shownTitle,
    command,
    changes: tpl.changes,
    ...(tpl.docs ? { docs: tpl.docs } : {}),
    ...(interactive ? { interactive: true } : {}),
  });
  if (!tpl.command) return make(title, null, false);
  const { argv, missing } = fillCommand(tpl.command, ev);
  if (missing.length === 0) return make(title, argv, Boolean(tpl.interactive));
  // A value is unknown: a manual step that still shows the command, with the gaps named.
  const shown = formatArgv(argv).replace(/"(<[^"<>]+>)"/g, '$1');
  return make(t('knowledge.manual.fillIn', { title, command: shown }), null, false);
}

/**
 * The fixes for a code, in the current language, with evidence filled in. Evidence may be a
 * check's `details` (field names such as registryName or loginServer are understood). Checks pass
 * `platform` (ctx.probes.platform) so that, say, a Mac is not told to run systemctl.
 */
export function remediationsFor(
  code: string,
  evidence: Evidence | Record<string, unknown> = {},
  options: { platform?: NodeJS.Platform } = {},
): Remediation[] {
  const entry = entryFor(code);
  if (!entry) return [];
  const ev = normalizeEvidence(evidence as Record<string, unknown>);
  // Without a platform (explain reads text from any machine) every fix is offered.
  const fits = (tpl: RemediationTemplate) => !options.platform || !tpl.platforms || tpl.platforms.includes(options.platform);
  return entry.remediations.filter(fits).map((tpl) => render(code, tpl, ev));
}
