import { useMemo, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { GROUPS, type Group } from '../../engine/types.js';
import type { CheckRow } from '../../engine/store.js';
import { t } from '../../knowledge/i18n.js';
import { CheckLine } from '../components/CheckLine.js';

/** Rows in display order: grouped like the report. */
export function orderedRows(rows: CheckRow[]): CheckRow[] {
  return GROUPS.flatMap((g) => rows.filter((r) => r.group === g));
}

/** The chain: every check by group, a spinner while it runs, its mark and duration when done. */
export function ChainScreen({ rows, selectedId, frame, width }: { rows: CheckRow[]; selectedId: string | null; frame: number; width: number }): ReactNode {
  const titles = useMemo(() => new Map(rows.map((r) => [r.id, r.title])), [rows]);
  if (rows.length === 0) {
    return (
      <Box marginTop={1}>
        <Text wrap="wrap">{t('ui.chain.empty')}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      {(GROUPS as readonly Group[]).map((g) => {
        const inGroup = rows.filter((r) => r.group === g);
        if (inGroup.length === 0) return null;
        return (
          <Box key={g} flexDirection="column" marginTop={1}>
            <Text bold>{t(`ui.group.${g}`)}</Text>
            {inGroup.map((r) => {
              const blockedBy = r.state.phase === 'done' ? r.state.result.blockedBy : null;
              return (
                <CheckLine
                  key={r.id}
                  row={r}
                  selected={r.id === selectedId}
                  frame={r.state.phase === 'running' ? frame : 0}
                  blockerTitle={blockedBy ? (titles.get(blockedBy) ?? blockedBy) : null}
                  width={width}
                />
              );
            })}
          </Box>
        );
      })}
    </Box>
  );
}
