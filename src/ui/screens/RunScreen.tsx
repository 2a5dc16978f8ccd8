import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { RemediationRun } from '../../engine/store.js';
import type { FixOutcome } from '../controller.js';
import { formatArgv, formatDuration } from '../../report/style.js';
import { t } from '../../knowledge/i18n.js';
import { redactText } from '../../transcript/redact.js';
import { SPINNER } from '../frame.js';
import { wrappedLineCount } from '../layout.js';
import { Tone } from '../theme.js';

/** Output as screen lines, each cut to the box width. */
export function outputLines(output: string, width: number): string[] {
  const lines = output.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  // A carriage return redraws a line (progress bars): keep what is left after the last one.
  return lines
    .map((l) => l.slice(l.lastIndexOf('\r') + 1).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''))
    .map((l) => (l.length > width ? `${l.slice(0, Math.max(0, width - 1))}…` : l));
}

/**
 * What the output box shows of `total` lines in `room` lines, `back` lines up from the end:
 * a marker line on top when earlier lines are hidden, one at the bottom when later ones are.
 */
export function outputWindow(total: number, room: number, back: number): { start: number; count: number; above: boolean; below: boolean; max: number; page: number } {
  if (total <= room) return { start: 0, count: total, above: false, below: false, max: 0, page: 1 };
  // Scrolled all the way up, the bottom marker takes a line: the first `room - 1` lines show.
  const max = total - (room - 1);
  const up = Math.min(Math.max(0, back), max);
  const below = up > 0;
  const count = room - 1 - (below ? 1 : 0) + (up === max ? 1 : 0);
  const end = total - up;
  const start = Math.max(0, end - count);
  return { start, count: end - start, above: start > 0, below, max, page: Math.max(1, room - 3) };
}

interface Props {
  run: RemediationRun;
  fix: FixOutcome | undefined;
  checkTitle: string;
  frame: number;
  width: number;
  /** Terminal lines left for this screen. */
  lines: number;
  /** The command had the terminal to itself, so its output is not here. */
  interactive: boolean;
  /** Secret values of this session, scrubbed from the output like the export does. */
  secrets: string[];
  /** Lines scrolled back from the end of the output. */
  scroll?: number;
  /** Told how far the output can scroll and how many lines a page is, whenever that changes. */
  onMeasure?: (m: { max: number; page: number }) => void;
}

/** A remediation's live output in a bounded box, its exit code, then whether the re-check passed. */
export function RunScreen({ run, fix, checkTitle, frame, width, lines: room, interactive, secrets, scroll = 0, onMeasure }: Props): ReactNode {
  const status = t(`ui.status.${fix?.status ?? 'skip'}`);
  const verdict: { text: string; tone: 'running' | 'pass' | 'fail' | 'dim'; spinner?: boolean } | null =
    fix?.phase === 'rechecking' ? { text: t('ui.run.rechecking', { title: checkTitle }), tone: 'running', spinner: true }
    : fix?.phase === 'fixed' ? { text: t('ui.run.fixed', { title: checkTitle }), tone: 'pass' }
    // A command that only shows something was never going to fix it: no "not fixed yet".
    : fix?.phase === 'not-fixed' && fix.changes === false ? { text: t('ui.run.lookedOnly', { title: checkTitle, status }), tone: 'dim' }
    : fix?.phase === 'not-fixed' ? { text: t('ui.run.notFixed', { title: checkTitle, status }), tone: 'fail' }
    : null;
  // The box gets what the title, the command, its border, the exit line and the verdict leave over.
  const shownArgv = redactText(formatArgv(run.argv), secrets);
  const verdictLines = Math.max(2, verdict ? wrappedLineCount(`${verdict.spinner ? '⠋ ' : ''}${verdict.text}`, width) : 0);
  const fixed = wrappedLineCount(run.title, width) + wrappedLineCount(`$ ${shownArgv}`, width) + 2 + 1 + verdictLines;
  // A command that had the terminal left nothing to show here: a box just big enough to say so.
  const boxLines = interactive ? wrappedLineCount(t('ui.run.interactive'), width - 4) : Math.max(3, Math.min(12, room - fixed));
  // A command's output can carry tokens (az acr login --expose-token, curl -v): never on screen.
  const output = useMemo(() => redactText(run.output, secrets), [run.output, secrets]);
  const all = useMemo(() => (output ? outputLines(output, Math.max(10, width - 4)) : []), [output, width]);
  const win = outputWindow(all.length, boxLines, scroll);
  const lines = all.slice(win.start, win.start + win.count);
  const reported = useRef('');
  useEffect(() => {
    const key = `${win.max}/${win.page}`;
    if (key === reported.current) return;
    reported.current = key;
    onMeasure?.({ max: win.max, page: win.page });
  });
  return (
    <Box flexDirection="column" width={width} marginTop={1}>
      <Text bold wrap="wrap">{run.title}</Text>
      <Text wrap="wrap">
        <Tone tone="dim">$ </Tone>
        <Tone tone="accent">{shownArgv}</Tone>
      </Text>
      <Box borderStyle="single" flexDirection="column" paddingX={1} width={width} height={boxLines + 2}>
        {lines.length === 0 ? <Tone tone="dim" wrap="wrap">{interactive ? t('ui.run.interactive') : run.finished ? t('ui.run.noOutput') : t('ui.run.waiting')}</Tone> : null}
        {win.above ? <Tone tone="dim" wrap="truncate-end">{t('ui.run.moreAbove')}</Tone> : null}
        {lines.map((l, i) => (
          <Text key={i} wrap="truncate-end">{l}</Text>
        ))}
        {win.below ? <Tone tone="dim" wrap="truncate-end">{t('ui.run.moreBelow')}</Tone> : null}
      </Box>
      {!run.finished ? (
        <Text>
          <Tone tone="running">{SPINNER[frame % SPINNER.length]} </Tone>
          {t('ui.run.running')}
        </Text>
      ) : run.cancelled ? (
        <Tone tone="warn">{t('ui.run.cancelled')}</Tone>
      ) : (
        <Tone tone={run.exitCode === 0 ? 'pass' : 'fail'}>
          {t('ui.run.exit', { code: run.exitCode === null ? '–' : run.exitCode, duration: formatDuration(run.durationMs ?? 0) })}
        </Tone>
      )}
      {verdict ? (
        <Text wrap="wrap">
          {verdict.spinner ? <Tone tone="running">{SPINNER[frame % SPINNER.length]} </Tone> : null}
          <Tone tone={verdict.tone} bold={verdict.tone !== 'dim'}>{verdict.text}</Tone>
        </Text>
      ) : null}
    </Box>
  );
}
