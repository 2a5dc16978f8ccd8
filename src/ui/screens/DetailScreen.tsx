import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Box, Text, measureElement, type DOMElement } from 'ink';
import type { CheckRow, RemediationRun } from '../../engine/store.js';
import { MARKS, formatArgv, formatDuration } from '../../report/style.js';
import { knowledgeFor } from '../../knowledge/index.js';
import { t } from '../../knowledge/i18n.js';
import { redactText } from '../../transcript/redact.js';
import { Tone } from '../theme.js';

/** One evidence value as a single readable line (objects compactly, long values cut). */
export function evidenceText(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    // BigInt or a cycle: still show something rather than crash the screen.
    s = String(value);
  }
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}

function explanationFor(code: string | null): { text: string; causes: string[]; docs: string | null } | null {
  if (!code) return null;
  try {
    const k = knowledgeFor(code);
    return k ? { text: k.explanation, causes: k.causes, docs: k.docs } : null;
  } catch {
    return null;
  }
}

/** One check expanded: what was checked, what was seen, why it matters, what to do. */
interface Props {
  row: CheckRow;
  remediation: number;
  width: number;
  /** Terminal rows, and the lines left for this screen. */
  height: number;
  lines: number;
  readOnly: boolean;
  /** Secret values of this session: evidence is scrubbed like the export, whatever a check put there. */
  secrets?: string[];
  /** Fixes already run for this check (this session or, in a replay, the recorded one). */
  runs?: RemediationRun[];
  /** Lines scrolled off the top (short terminals); kept within what there is to scroll. */
  scroll?: number;
  /** Told how far the content can scroll and how many lines a page is, whenever that changes. */
  onMeasure?: (m: ScrollMeasure) => void;
}

export interface ScrollMeasure {
  max: number;
  page: number;
}

/**
 * The scroll window over `total` lines of content in `room` lines: a "more above" line when
 * scrolled, a "more below" line when something is left under it.
 */
export function scrollWindow(total: number, room: number, scroll: number): { offset: number; above: boolean; below: boolean; window: number; max: number; page: number } {
  // Everything fits: no markers, nothing to scroll.
  if (total <= room) return { offset: 0, above: false, below: false, window: room, max: 0, page: Math.max(1, room - 2) };
  // At the bottom only the "above" line is shown, so the last `room - 1` lines fill the rest.
  const max = total - (room - 1);
  const offset = Math.min(Math.max(0, scroll), max);
  const above = offset > 0;
  const below = offset < max;
  const window = Math.max(1, room - (above ? 1 : 0) - (below ? 1 : 0));
  // One line of the last page stays in view, so the reader keeps their place.
  return { offset, above, below, window, max, page: Math.max(1, room - 3) };
}

function runOutcome(run: RemediationRun): string {
  if (!run.finished) return t('ui.detail.ranRunning');
  if (run.cancelled) return t('ui.detail.ranStopped');
  return t('ui.detail.ranExit', { code: run.exitCode === null ? '–' : run.exitCode, duration: formatDuration(run.durationMs ?? 0) });
}

export function DetailScreen({ row, remediation, width, height, lines, readOnly, secrets = [], runs = [], scroll = 0, onMeasure }: Props): ReactNode {
  // Short or narrow terminals put the fixes first and show the rest in a window that scrolls.
  const compact = height < 34 || width < 80;
  const room = Math.max(6, lines);
  // The compact view shows a window over its content; how tall the content is is known after layout.
  const content = useRef<DOMElement>(null);
  const [total, setTotal] = useState(0);
  useEffect(() => {
    const next = compact && content.current !== null ? measureElement(content.current).height : 0;
    if (next !== total) setTotal(next);
  });
  const win = scrollWindow(total, room, scroll);
  const reported = useRef<string>('');
  useEffect(() => {
    const key = `${win.max}/${win.page}`;
    if (key === reported.current) return;
    reported.current = key;
    onMeasure?.({ max: win.max, page: win.page });
  });
  const s = row.state;
  if (s.phase !== 'done') {
    return (
      <Box flexDirection="column" width={width} marginTop={1}>
        <Text bold wrap="truncate-end">{row.title}</Text>
        <Tone tone="running">{s.phase === 'running' ? t('ui.detail.running') : t('ui.detail.pending')}</Tone>
      </Box>
    );
  }
  const r = s.result;
  const k = explanationFor(r.code);
  // Empty values say nothing; the rest is what a support engineer asks for first.
  const details = Object.entries(r.details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .slice(0, 12);
  const head = (
    <>
      <Text wrap="wrap">
        <Tone tone={r.status} bold>{MARKS[r.status]} </Tone>
        <Text bold>{r.title}</Text>
        <Tone tone="dim"> ({r.status === 'skip' ? t(`ui.status.${r.status}`) : `${t(`ui.status.${r.status}`)}, ${formatDuration(r.durationMs)}`})</Tone>
      </Text>
      <Text wrap="wrap">
        {r.code ? <Tone tone={r.status} bold>{r.code}: </Tone> : null}
        {redactText(r.summary, secrets)}
      </Text>
      <Text wrap="truncate-end">
        <Text bold>{t('ui.detail.checked')}: </Text>
        {t('ui.detail.checkedText', { title: r.title, id: r.id })}
      </Text>
    </>
  );
  const evidence = (
    <>
      {details.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold>{t('ui.detail.evidence')}</Text>
          {details.map(([key, value]) => (
            <Text key={key} wrap="truncate-end">
              {'  '}
              <Tone tone="dim">{key}: </Tone>
              {redactText(evidenceText(value), secrets)}
            </Text>
          ))}
        </Box>
      ) : null}
    </>
  );
  const why = (
    <>
      {r.status !== 'pass' ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold>{t('ui.detail.why')}</Text>
          <Box paddingLeft={2}>
            <Text wrap="wrap">{k ? k.text : r.status === 'skip' ? r.summary : t('ui.detail.noExplanation')}</Text>
          </Box>
          {(k?.causes ?? []).map((c, i) => (
            <Box key={i} paddingLeft={2}>
              <Box width={2} flexShrink={0}>
                <Text>•</Text>
              </Box>
              <Text wrap="wrap">{c}</Text>
            </Box>
          ))}
        </Box>
      ) : null}
    </>
  );
  const fixes = (
    <>
      {r.remediations.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold>{t('ui.detail.remediations')}</Text>
          {r.remediations.map((rem, i) => {
            const on = i === remediation;
            return (
              <Box key={rem.id}>
                <Box width={5} flexShrink={0}>
                  <Text bold={on}>
                    {on ? '› ' : '  '}
                    {i + 1}.
                  </Text>
                </Box>
                <Box flexDirection="column" flexShrink={1}>
                  <Text wrap="wrap" bold={on}>{rem.title}</Text>
                  <Text wrap="wrap">
                    {rem.command ? (
                      <>
                        <Tone tone="dim">$ </Tone>
                        <Tone tone="accent">{formatArgv(rem.command)}</Tone>
                        {'  '}
                      </>
                    ) : null}
                    <Tone tone={rem.command && rem.changes ? 'warn' : 'dim'}>
                      ({rem.command ? (rem.changes ? t('ui.detail.changes') : t('ui.detail.readsOnly')) : t('ui.detail.manual')}
                      {rem.interactive ? `; ${t('ui.detail.interactive')}` : ''})
                    </Tone>
                  </Text>
                  {rem.docs && on ? <Tone tone="dim" wrap="wrap">{rem.docs}</Tone> : null}
                </Box>
              </Box>
            );
          })}
          {readOnly ? <Tone tone="dim" wrap="wrap">{t('ui.detail.readOnly')}</Tone> : null}
        </Box>
      ) : null}
      {runs.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold>{t('ui.detail.ran')}</Text>
          {runs.slice(-3).map((run) => (
            <Text key={run.runId} wrap="truncate-end">
              {'  '}
              <Tone tone={!run.finished ? 'running' : run.cancelled ? 'warn' : run.exitCode === 0 ? 'pass' : 'fail'}>{runOutcome(run)}</Tone>
              <Tone tone="dim">{'  $ '}</Tone>
              {redactText(formatArgv(run.argv), secrets)}
            </Text>
          ))}
        </Box>
      ) : null}
    </>
  );
  const more = (
    <>
      {k?.docs ? (
        <Box marginTop={1}>
          <Text wrap="wrap">
            <Text bold>{t('ui.detail.docs')} </Text>
            {k.docs}
          </Text>
        </Box>
      ) : null}
    </>
  );
  // Short or narrow: the fixes come right after the summary, and the rest scrolls into view.
  return compact ? (
    <Box flexDirection="column" width={width} marginTop={1} height={room} overflow="hidden">
      {win.above ? <Tone tone="dim" wrap="truncate-end">{t('ui.detail.moreAbove')}</Tone> : null}
      <Box flexDirection="column" height={win.window} overflow="hidden" flexShrink={0}>
        {/* A negative margin slides the content up; the box above clips what is off the window. */}
        <Box ref={content} flexDirection="column" flexShrink={0} marginTop={-win.offset}>
          {[head, fixes, evidence, why, more].map((section, i) => (
            // Fixed height makes Yoga squeeze children; sections keep their size and the overflow is cut.
            <Box key={i} flexDirection="column" flexShrink={0}>
              {section}
            </Box>
          ))}
        </Box>
      </Box>
      {win.below ? <Tone tone="dim" wrap="truncate-end">{t('ui.detail.more')}</Tone> : null}
    </Box>
  ) : (
    <Box flexDirection="column" width={width} marginTop={1}>
      {head}
      {evidence}
      {why}
      {fixes}
      {more}
    </Box>
  );
}
