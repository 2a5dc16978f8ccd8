import { results } from '../engine/store.js';
import type { CheckResult } from '../engine/types.js';
import { t } from '../knowledge/i18n.js';
import { renderPlain } from '../report/plain.js';
import { formatArgv, formatDuration, makeStyle } from '../report/style.js';
import type { TranscriptDocument } from './document.js';
import { foldEvents, recheckAfter, resultBefore, trimOutput } from './runs.js';

/** The checks of a transcript as replay shows them: its events folded through the reducer. */
export function replayedChecks(doc: TranscriptDocument): CheckResult[] {
  const folded = results(foldEvents(doc.events));
  return folded.length > 0 ? folded : doc.checks;
}

/** The plain report of a recorded session, plus the remediations that were run in it. Runs nothing. */
export function renderReplayPlain(doc: TranscriptDocument, opts: { color: boolean }): string {
  const st = makeStyle(opts.color);
  const state = foldEvents(doc.events);
  const info = state.info ?? doc.session;
  const lines: string[] = [
    st.dim(
      t('transcript.replay.heading', {
        at: doc.startedAt,
        version: info?.toolVersion ?? doc.tool.version,
        mode: info?.mode ?? '?',
      }),
    ),
    '',
  ];
  let text = lines.join('\n') + '\n' + renderPlain(replayedChecks(doc), { color: opts.color, target: doc.target?.loginServer ?? null });
  const runs = state.remediationRuns;
  const out: string[] = [''];
  out.push(st.bold(t('transcript.replay.runs')));
  if (runs.length === 0) out.push(`  ${t('transcript.replay.noRuns')}`);
  for (const run of runs) {
    let result: string;
    if (!run.finished) result = t('transcript.md.run.unfinished');
    else if (run.cancelled) result = t('transcript.md.run.cancelled');
    else result = t('transcript.md.run.exit', { code: run.exitCode === null ? '?' : run.exitCode });
    if (run.durationMs !== null) result += ` (${formatDuration(run.durationMs)})`;
    const recheck = recheckAfter(doc.events, run);
    out.push(`  ${run.title} [${run.checkId}]`);
    out.push(`      ${st.dim('$')} ${formatArgv(run.argv)}`);
    out.push(`      ${result}`);
    const before = resultBefore(doc.events, run);
    if (before) {
      const code = before.code ? ` ${before.code}` : '';
      out.push(`      ${t('transcript.replay.before', { status: `${t(`transcript.status.${before.status}`)}${code}` })}`);
    }
    out.push(
      `      ${recheck === null ? t('transcript.md.recheck.none') : t('transcript.replay.recheck', { status: t(`transcript.status.${recheck}`) })}`,
    );
    if (run.output.trim()) {
      const { text: shown, omitted } = trimOutput(run.output);
      if (omitted > 0) out.push(`      ${st.dim(t('transcript.md.outputOmitted', { lines: omitted }))}`);
      for (const line of shown.split('\n')) out.push(`      ${st.dim('│')} ${line}`);
    }
  }
  text += out.join('\n') + '\n';
  return text;
}
