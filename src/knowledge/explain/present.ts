import type { Remediation } from '../../engine/types.js';
import { t } from '../i18n.js';
import { knowledgeFor } from '../index.js';
import { remediationsFor } from '../remediations.js';
import type { Evidence } from '../evidence.js';
import { formatArgv, makeStyle } from '../../report/style.js';
import type { ExplainMatch } from './match.js';

export interface ExplainedMatch {
  code: string;
  title: string;
  explanation: string;
  causes: string[];
  docs: string | null;
  evidence: Evidence;
  remediations: Remediation[];
}

export interface ExplainJson {
  schemaVersion: 1;
  matches: ExplainedMatch[];
}

/** Turns matches into words (current language) and filled-in fixes. */
export function describeMatches(matches: ExplainMatch[]): ExplainedMatch[] {
  return matches.flatMap((m) => {
    const k = knowledgeFor(m.code);
    if (!k) return [];
    return [{ code: m.code, title: k.title, explanation: k.explanation, causes: k.causes, docs: k.docs, evidence: m.evidence, remediations: remediationsFor(m.code, m.evidence) }];
  });
}

export function explainJson(matches: ExplainMatch[]): ExplainJson {
  return { schemaVersion: 1, matches: describeMatches(matches) };
}

function evidenceLine(ev: Evidence): string | null {
  const parts: string[] = [];
  if (ev.status !== undefined) parts.push(t('explain.evidence.status', { status: ev.status }));
  if (ev.loginServer) parts.push(t('explain.evidence.registry', { loginServer: ev.loginServer }));
  else if (ev.registry) parts.push(t('explain.evidence.registry', { loginServer: ev.registry }));
  if (ev.host && ev.host !== ev.loginServer) parts.push(t('explain.evidence.host', { host: ev.host }));
  if (ev.repository) parts.push(t('explain.evidence.repository', { repository: ev.repository }));
  if (ev.clientIp) parts.push(t('explain.evidence.clientIp', { clientIp: ev.clientIp }));
  if (ev.client && ev.client !== 'code') parts.push(t(`explain.client.${ev.client}`));
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The human-readable answer: per error its title, meaning, evidence, causes, numbered fixes and docs. */
export function renderExplainPlain(matches: ExplainMatch[], opts: { color: boolean }): string {
  const st = makeStyle(opts.color);
  const described = describeMatches(matches);
  const blocks = described.map((d) => {
    const lines: string[] = [];
    lines.push(`${st.status('fail', d.code)}  ${st.bold(d.title)}`);
    lines.push(`  ${d.explanation}`);
    const ev = evidenceLine(d.evidence);
    if (ev) lines.push(`  ${st.dim(t('explain.heading.evidence'))} ${ev}`);
    lines.push('', `  ${st.bold(t('explain.heading.causes'))}`);
    for (const c of d.causes) lines.push(`    - ${c}`);
    lines.push('', `  ${st.bold(t('explain.heading.fixes'))}`);
    d.remediations.forEach((r, i) => {
      const note = r.changes ? ` ${st.dim(t('explain.changes'))}` : '';
      lines.push(`    ${i + 1}. ${r.title}${note}`);
      if (r.command) lines.push(`       ${st.dim('$')} ${formatArgv(r.command)}`);
      if (r.docs && r.docs !== d.docs) lines.push(`       ${st.dim(r.docs)}`);
    });
    if (d.docs) lines.push('', `  ${t('explain.docs', { url: d.docs })}`);
    return lines.join('\n');
  });
  const head = described.length > 1 ? `${t('explain.found', { count: described.length })}\n\n` : '';
  return head + blocks.join('\n\n') + '\n';
}
