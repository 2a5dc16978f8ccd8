import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { t } from '../../knowledge/i18n.js';
import { Tone } from '../theme.js';

const KEYS: [string, string][] = [
  ['↑ ↓  k j', 'ui.help.move'],
  ['Enter  →', 'ui.help.open'],
  ['Esc  ←', 'ui.help.back'],
  ['1–9', 'ui.help.pick'],
  ['PgDn PgUp', 'ui.help.scroll'],
  ['Space  b', 'ui.help.scrollSpace'],
  ['y  n', 'ui.help.answer'],
  ['r', 'ui.help.rerun'],
  ['R', 'ui.help.rerunAll'],
  ['e', 'ui.help.export'],
  ['?', 'ui.help.help'],
  ['q  Ctrl-C', 'ui.help.quit'],
];

/** Every key and what it does. */
export function HelpScreen({ width, readOnly }: { width: number; readOnly: boolean }): ReactNode {
  return (
    <Box flexDirection="column" width={width} marginTop={1}>
      <Text bold>{t('ui.help.title')}</Text>
      {KEYS.map(([keys, text]) => (
        // Two columns, so a description that wraps stays under itself on a narrow terminal.
        <Box key={keys}>
          <Box width={13} flexShrink={0}>
            <Tone tone="accent">{`  ${keys}`}</Tone>
          </Box>
          <Text wrap="wrap">{t(text)}</Text>
        </Box>
      ))}
      {readOnly ? (
        <Box marginTop={1}>
          <Tone tone="dim" wrap="wrap">{t('ui.help.readOnly')}</Tone>
        </Box>
      ) : null}
    </Box>
  );
}
