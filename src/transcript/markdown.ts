import type { CheckResult, EngineEvent, Status } from '../engine/types.js';
import type { RemediationRun } from '../engine/store.js';
import { t } from '../knowledge/i18n.js';
import { knowledgeFor } from '../knowledge/index.js';
import { formatArgv, formatDuration, MARKS } from '../report/style.js';
import { countLine } from '../report/plain.js';
import type { IdentityClaims, TranscriptDocument } from './document.js';
import { mdCell, mdCode, mdFence, mdText } from './markdown-escape.js';
import { mermaidChain, type ChainNode } from './mermaid.js';
import { redactText } from './redact.js';
import { foldEvents, recheckAfter, resultBefore, trimOutput, type Recheck } from './runs.js';

const statusWord = (s: Status): string => `${MARKS[s]} ${t(`transcript.status.${s}`)}`;

function who(identity: IdentityClaims | null): string {
  if (!identity) return t('transcript.md.unknown');
  const name = identity.name ?? t('transcript.md.unknown');
  const parts = [identity.kind ? `${name} (${identity.kind})` : name];
  if (identity.tenantId) parts.push(t('transcript.md.tenant', { tenant: identity.tenantId }));
  if (identity.objectId) parts.push(t('transcript.md.objectId', { id: identity.objectId }));
  return parts.join(', ');
}

function headerTable(doc: TranscriptDocument): string[] {
  const info = doc.session;
  const where = info
    ? t('transcript.md.whereValue', { platform: info.platform, arch: info.arch, node: info.nodeVersion })
    : t('transcript.md.unknown');
  const rows: [string, string][] = [
    [t('transcript.md.when'), t('transcript.md.whenValue', { at: doc.startedAt, duration: formatDuration(doc.durationMs) })],
    [t('transcript.md.who'), who(doc.identity)],
    [t('transcript.md.where'), where],
    [t('transcript.md.proxy'), info?.proxy ?? t('transcript.md.none')],
    [
      t('transcript.md.target'),
      doc.target ? `${doc.target.loginServer} (${doc.target.cloud})` : t('transcript.md.noTarget'),
    ],
    [t('transcript.md.tool'), `acr-doctor ${info?.toolVersion ?? doc.tool.version}`],
    [t('transcript.md.mode'), info ? (info.scenario ? `${info.mode} (${info.scenario})` : info.mode) : t('transcript.md.unknown')],
  ];
  return [
    `| ${t('transcript.md.field')} | ${t('transcript.md.value')} |`,
    '|---|---|',
    ...rows.map(([k, v]) => `| ${mdCell(k)} | ${mdCell(v)} |`),
  ];
}

function checksTable(checks: CheckResult[]): string[] {
  const head = ['status', 'check', 'id', 'code', 'summary', 'duration'].map((k) => t(`transcript.md.col.${k}`));
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const c of checks) {
    const cells = [
      statusWord(c.status),
      c.title,
      c.id,
      c.code ?? '',
      c.status === 'pass' ? '' : c.summary,
      c.status === 'skip' ? '' : formatDuration(c.durationMs),
    ];
    lines.push(`| ${cells.map(mdCell).join(' | ')} |`);
  }
  return lines;
}

function problem(c: CheckResult): string[] {
  const out = [`### ${mdText(`${MARKS[c.status]} ${c.title}`)} (${mdCode(c.id)})`, ''];
  if (c.code) out.push(`${t('transcript.md.code')}: ${mdCode(c.code)}`, '');
  out.push(mdText(c.summary), '');
  if (c.blockedBy) out.push(mdText(t('transcript.md.blockedBy', { id: c.blockedBy })), '');
  const k = c.code ? knowledgeFor(c.code) : null;
  if (k) {
    out.push(`**${mdText(t('transcript.md.explanation'))}** ${mdText(k.explanation)}`, '');
    if (k.causes.length > 0) {
      out.push(`**${mdText(t('transcript.md.causes'))}**`, '', ...k.causes.map((x) => `- ${mdText(x)}`), '');
    }
    if (k.docs) out.push(`${mdText(t('transcript.md.docs'))}: <${k.docs.replace(/[<>\s]/g, '')}>`, '');
  }
  if (Object.keys(c.details).length > 0) {
    out.push(`**${mdText(t('transcript.md.evidence'))}**`, '', mdFence(JSON.stringify(c.details, null, 2), 'json'), '');
  }
  if (c.remediations.length > 0) {
    out.push(`**${mdText(t('transcript.md.suggested'))}**`, '');
    c.remediations.forEach((r, i) => {
      const cmd = r.command ? ` ${mdCode(formatArgv(r.command))}` : ` ${mdText(t('transcript.md.manual'))}`;
      out.push(`${i + 1}. ${mdText(r.title)}:${cmd}`);
    });
    out.push('');
  }
  return out;
}

function recheckText(status: Recheck): string {
  if (status === null) return t('transcript.md.recheck.none');
  if (status === 'pass' || status === 'warn') return t('transcript.md.recheck.passed', { status: statusWord(status) });
  return t('transcript.md.recheck.failed', { status: statusWord(status) });
}

function runSection(run: RemediationRun, events: EngineEvent[]): string[] {
  const out = [`### ${mdText(run.title)} (${mdCode(run.checkId)})`, ''];
  out.push(`- ${mdText(t('transcript.md.command'))}: ${mdCode(formatArgv(run.argv))}`);
  out.push(`- ${mdText(t('transcript.md.startedAt'))}: ${mdText(run.startedAt)}`);
  let result: string;
  if (!run.finished) result = t('transcript.md.run.unfinished');
  else if (run.cancelled) result = t('transcript.md.run.cancelled');
  else result = t('transcript.md.run.exit', { code: run.exitCode === null ? '?' : run.exitCode });
  if (run.durationMs !== null) result += ` (${formatDuration(run.durationMs)})`;
  out.push(`- ${mdText(t('transcript.md.result'))}: ${mdText(result)}`);
  const before = resultBefore(events, run);
  if (before) {
    const code = before.code ? ` ${before.code}` : '';
    out.push(`- ${mdText(t('transcript.md.before'))}: ${mdText(`${statusWord(before.status)}${code}`)}`);
  }
  out.push(`- ${mdText(t('transcript.md.recheck'))}: ${mdText(recheckText(recheckAfter(events, run)))}`);
  out.push('');
  if (run.output.trim()) {
    const { text, omitted } = trimOutput(run.output);
    if (omitted > 0) out.push(mdText(t('transcript.md.outputOmitted', { lines: omitted })), '');
    out.push(mdFence(text, 'text'), '');
  } else {
    out.push(mdText(t('transcript.md.noOutput')), '');
  }
  return out;
}

/**
 * The transcript as Markdown for a support ticket. Takes the already scrubbed document and scrubs
 * the finished text once more.
 */
export function renderMarkdown(doc: TranscriptDocument, known: string[] = []): string {
  const state = foldEvents(doc.events);
  const checks = doc.checks;
  const title = doc.target ? t('transcript.md.title', { target: doc.target.loginServer }) : t('transcript.md.titleLocal');
  const lines: string[] = [`# ${mdText(title)}`, '', ...headerTable(doc), ''];
  const s = doc.summary;
  lines.push(mdText(countLine(s)), '');

  lines.push(`## ${mdText(t('transcript.md.checks'))}`, '');
  if (checks.length > 0) lines.push(...checksTable(checks), '');
  else lines.push(mdText(t('transcript.md.noChecks')), '');

  const rows = state.rows.length > 0 ? state.rows : checks.map((c) => ({ id: c.id, title: c.title, dependsOn: [] as string[] }));
  if (rows.length > 0) {
    const byId = new Map(checks.map((c) => [c.id, c]));
    const nodes: ChainNode[] = rows.map((r) => {
      const c = byId.get(r.id);
      return { id: r.id, title: r.title, dependsOn: r.dependsOn, status: c?.status ?? null, code: c?.code ?? null };
    });
    lines.push(`## ${mdText(t('transcript.md.chain'))}`, '', mdFence(mermaidChain(nodes), 'mermaid'), '');
  }

  const problems = [...checks.filter((c) => c.status === 'fail'), ...checks.filter((c) => c.status === 'warn')];
  if (problems.length > 0) {
    lines.push(`## ${mdText(t('transcript.md.problems'))}`, '');
    for (const c of problems) lines.push(...problem(c));
  }

  lines.push(`## ${mdText(t('transcript.md.runs'))}`, '');
  if (state.remediationRuns.length === 0) lines.push(mdText(t('transcript.md.noRuns')), '');
  for (const run of state.remediationRuns) lines.push(...runSection(run, doc.events));

  const asked = state.interactions;
  if (asked.length > 0) {
    lines.push(`## ${mdText(t('transcript.md.questions'))}`, '');
    for (const q of asked) {
      const answer =
        q.answer === null ? t('transcript.md.answer.none') : q.answer ? t('transcript.md.answer.yes') : t('transcript.md.answer.no');
      lines.push(`- ${mdText(q.at)}: ${mdText(q.question)} **${mdText(answer)}**`);
    }
    lines.push('');
  }

  lines.push('---', '', `_${mdText(t('transcript.md.footer', { version: doc.tool.version }))}_`, '');
  return redactText(lines.join('\n'), known);
}
