import { memo, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { RoadStop } from '../road.js';
import { t } from '../../knowledge/i18n.js';
import { Tone } from '../theme.js';

const LEG_MARK: Record<RoadStop['leg'], string> = { pass: '', warn: '!', fail: '✗', skip: '', running: '…', pending: '', none: '' };

/** this machine → proxy → DNS → TLS → registry → token → data endpoint, each coloured by its outcome. */
function RoadView({ stops, width }: { stops: RoadStop[]; width: number }): ReactNode {
  if (stops.length === 0) return null;
  const label = (s: RoadStop): string => (s.key === 'machine' ? t('ui.road.machine') : `${s.label ?? t(`ui.road.${s.key}`)}${LEG_MARK[s.leg]}`);
  // On a narrow terminal the arrows lose their spaces before the last stop is cut off.
  const wide = stops.map(label).join(' → ').length <= width;
  const arrow = wide ? ' → ' : '→';
  return (
    <Box width={width}>
      <Text wrap="truncate-end">
        {stops.map((s, i) => (
          <Text key={s.key}>
            {i > 0 ? <Tone tone="dim">{arrow}</Tone> : null}
            {s.key === 'machine' ? (
              <Text>{t('ui.road.machine')}</Text>
            ) : (
              <Tone tone={s.leg} bold={s.leg === 'fail'}>
                {s.label ?? t(`ui.road.${s.key}`)}
                {LEG_MARK[s.leg]}
              </Tone>
            )}
          </Text>
        ))}
      </Text>
    </Box>
  );
}

/** Memoised: the spinner's frames re-render the App, not this. */
export const Road = memo(RoadView);
