import type { CheckResult, Group } from '../engine/types.js';
import { GROUPS } from '../engine/types.js';
import { countStatuses, type Counts } from '../engine/store.js';
import { t, tn } from '../knowledge/i18n.js';
import { formatArgv, formatDuration, MARKS, makeStyle } from './style.js';

/** The plain report: one line per check by group; what did not pass gets code, summary and fixes. */
export function renderPlain(checks: CheckResult[], opts: { color: boolean; target: string | null }): string {
  const st = makeStyle(opts.color);
  const lines: string[] = [];
  lines.push(st.bold(opts.target ? t('report.heading.target', { target: opts.target }) : t('report.heading.environment')));
  for (const group of GROUPS as Group[]) {
    const inGroup = checks.filter((c) => c.group === group);
    if (inGroup.length === 0) continue;
    lines.push('');
    lines.push(st.bold(t(`report.group.${group}`)));
    for (const c of inGroup) {
      const dur = c.status === 'skip' ? '' : st.dim(` (${formatDuration(c.durationMs)})`);
      lines.push(`  ${st.status(c.status, MARKS[c.status])} ${c.title}${dur}`);
      if (c.status === 'pass') continue;
      const code = c.code ? `${c.code}: ` : '';
      lines.push(`      ${st.status(c.status, code)}${c.summary}`);
      c.remediations.forEach((r, i) => {
        lines.push(`      ${i + 1}. ${r.title}`);
        if (r.command) lines.push(`         ${st.dim('$')} ${formatArgv(r.command)}`);
        if (r.docs) lines.push(`         ${st.dim(r.docs)}`);
      });
    }
  }
  const n = countStatuses(checks);
  lines.push('');
  lines.push(countLine(n));
  return lines.join('\n') + '\n';
}

/** "3 passed, 1 warning, 0 failed, 2 skipped", with singular forms where a count is one. */
export function countLine(n: Counts): string {
  return [
    tn('report.count.passed', n.passed),
    tn('report.count.warnings', n.warnings),
    tn('report.count.failed', n.failed),
    tn('report.count.skipped', n.skipped),
  ].join(', ');
}
