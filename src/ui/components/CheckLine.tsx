import { memo, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { CheckRow } from '../../engine/store.js';
import { MARKS, formatDuration } from '../../report/style.js';
import { t } from '../../knowledge/i18n.js';
import { SPINNER } from '../frame.js';
import { Tone } from '../theme.js';

export const SLOW_MS = 5000;

interface Props {
  row: CheckRow;
  selected: boolean;
  /** Spinner frame; only running rows receive a changing value, so finished rows keep their props and never re-render. */
  frame: number;
  /** Title of the check that blocked this one. */
  blockerTitle: string | null;
  width: number;
  /** This check waits for the person's y/n (docker pull consent), not for the network. */
  asking?: boolean;
}

function suffix(row: CheckRow, blockerTitle: string | null, asking: boolean): { text: string; tone: 'dim' | 'fail' | 'warn' | 'skip' } {
  const s = row.state;
  if (s.phase === 'pending') return { text: t('ui.row.pending'), tone: 'dim' };
  if (s.phase === 'running' && asking) return { text: t('ui.row.asking'), tone: 'warn' };
  if (s.phase === 'running') {
    const elapsed = Date.now() - Date.parse(s.startedAt);
    if (elapsed < SLOW_MS) return { text: '', tone: 'dim' };
    const waiting = t('ui.row.waiting', { seconds: Math.floor(elapsed / 1000), what: s.progress ?? row.title });
    return { text: waiting, tone: 'dim' };
  }
  const r = s.result;
  if (r.status === 'skip') {
    return { text: blockerTitle ? t('ui.row.blocked', { title: blockerTitle }) : r.summary, tone: 'skip' };
  }
  const dur = formatDuration(r.durationMs);
  if (r.status === 'pass') return { text: dur, tone: 'dim' };
  return { text: dur, tone: r.status === 'fail' ? 'fail' : 'warn' };
}

function CheckLineView({ row, selected, frame, blockerTitle, width, asking = false }: Props): ReactNode {
  const s = row.state;
  const mark =
    s.phase === 'running' && asking ? <Tone tone="warn" bold>?</Tone>
    : s.phase === 'running' ? <Tone tone="running">{SPINNER[frame % SPINNER.length]}</Tone>
    : s.phase === 'pending' ? <Tone tone="pending">·</Tone>
    : <Tone tone={s.result.status} bold>{MARKS[s.result.status]}</Tone>;
  const extra = suffix(row, blockerTitle, asking);
  const code = s.phase === 'done' && (s.result.status === 'fail' || s.result.status === 'warn') ? s.result.code : null;
  // A title that gives way (truncates) so the part on the right stays whole.
  const withKeptTail = (tail: ReactNode): ReactNode => (
    <Box width={width}>
      <Box flexShrink={1}>
        <Text bold={selected} wrap="truncate-end">
          {selected ? '› ' : '  '}
          {mark} {row.title}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text>{tail}</Text>
      </Box>
    </Box>
  );
  // A failure's code must stay readable.
  if (code) {
    return withKeptTail(
      <>
        {width >= 80 ? <Tone tone="dim">{'  '}{extra.text} ·</Tone> : null}{' '}
        <Tone tone={extra.tone}>{code}</Tone>
      </>,
    );
  }
  // A passed check's duration is short and worth keeping whole.
  if (s.phase === 'done' && s.result.status === 'pass' && extra.text) {
    return withKeptTail(
      <>
        {'  '}
        <Tone tone={extra.tone}>{extra.text}</Tone>
      </>,
    );
  }
  return (
    <Box width={width}>
      <Text bold={selected} wrap="truncate-end">
        {selected ? '› ' : '  '}
        {mark}{' '}
        {row.title}
        {extra.text ? '  ' : ''}
        <Tone tone={extra.tone}>{extra.text}</Tone>
      </Text>
    </Box>
  );
}

export const CheckLine = memo(CheckLineView);
