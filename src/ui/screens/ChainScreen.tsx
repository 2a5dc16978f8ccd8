import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { GROUPS } from '../../engine/types.js';
import type { CheckRow } from '../../engine/store.js';
import { t } from '../../knowledge/i18n.js';
import { tn } from '../plural.js';
import { CheckLine } from '../components/CheckLine.js';
import { Tone } from '../theme.js';

/** Rows in display order: grouped like the report. */
export function orderedRows(rows: CheckRow[]): CheckRow[] {
  return GROUPS.flatMap((g) => rows.filter((r) => r.group === g));
}

export type ChainLine = { kind: 'gap'; key: string } | { kind: 'group'; key: string; group: string } | { kind: 'row'; key: string; row: CheckRow };

/** The chain as screen lines: a blank line and a heading before each group, then its rows. */
export function chainLines(rows: CheckRow[]): ChainLine[] {
  const out: ChainLine[] = [];
  for (const g of GROUPS) {
    const inGroup = rows.filter((r) => r.group === g);
    if (inGroup.length === 0) continue;
    out.push({ kind: 'gap', key: `gap-${g}` }, { kind: 'group', key: `group-${g}`, group: g });
    for (const r of inGroup) out.push({ kind: 'row', key: r.id, row: r });
  }
  return out;
}

/**
 * The slice of lines that fits `height`, kept around the selected row, with how many lines are
 * hidden above and below. A chain taller than the terminal would otherwise make Ink redraw the
 * whole screen on every frame.
 */
export function visibleWindow(lines: ChainLine[], selectedId: string | null, height: number): { start: number; end: number } {
  if (lines.length <= height) return { start: 0, end: lines.length };
  const room = Math.max(1, height - 2); // one line each for "more above" / "more below"
  const at = Math.max(0, lines.findIndex((l) => l.kind === 'row' && l.key === selectedId));
  const start = Math.min(Math.max(0, at - Math.floor(room / 2)), lines.length - room);
  return { start, end: start + room };
}

interface Props {
  rows: CheckRow[];
  selectedId: string | null;
  frame: number;
  width: number;
  /** Lines available for the list. */
  height: number;
  /** The check whose y/n question is on screen. */
  askingId?: string | null;
}

/** The chain: every check by group, a spinner while it runs, its mark and duration when done. */
export function ChainScreen({ rows, selectedId, frame, width, height, askingId = null }: Props): ReactNode {
  if (rows.length === 0) {
    return (
      <Box marginTop={1}>
        <Text wrap="wrap">{t('ui.chain.empty')}</Text>
      </Box>
    );
  }
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  const lines = chainLines(rows);
  const { start, end } = visibleWindow(lines, selectedId, height);
  const shown = lines.slice(start, end);
  return (
    <Box flexDirection="column" width={width}>
      {start > 0 ? <Tone tone="dim">{tn('ui.chain.moreAbove', start)}</Tone> : null}
      {shown.map((l) => {
        if (l.kind === 'gap') return <Text key={l.key}> </Text>;
        if (l.kind === 'group') return <Text key={l.key} bold>{t(`ui.group.${l.group}`)}</Text>;
        const r = l.row;
        const blockedBy = r.state.phase === 'done' ? r.state.result.blockedBy : null;
        return (
          <CheckLine
            key={l.key}
            row={r}
            selected={r.id === selectedId}
            frame={r.state.phase === 'running' && r.id !== askingId ? frame : 0}
            asking={r.id === askingId}
            blockerTitle={blockedBy ? (titles.get(blockedBy) ?? blockedBy) : null}
            width={width}
          />
        );
      })}
      {end < lines.length ? <Tone tone="dim">{tn('ui.chain.moreBelow', lines.length - end)}</Tone> : null}
    </Box>
  );
}
