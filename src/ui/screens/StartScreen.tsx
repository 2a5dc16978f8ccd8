import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Cloud, Target } from '../../engine/types.js';
import { parseTarget } from '../../cli/target.js';
import { t } from '../../knowledge/i18n.js';
import { Tone } from '../theme.js';

export type Validation = { kind: 'empty' } | { kind: 'ok'; target: Target } | { kind: 'error'; message: string };

/** Checks what was typed so far, as the command line would. */
export function validateInput(input: string, cloud: Cloud): Validation {
  if (input === '') return { kind: 'empty' };
  try {
    return { kind: 'ok', target: parseTarget(input, cloud).target };
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}

/** No registry given: ask for one, or Enter for the environment checks alone. */
export function StartScreen({ input, cloud, width }: { input: string; cloud: Cloud; width: number }): ReactNode {
  const v = validateInput(input, cloud);
  return (
    <Box flexDirection="column" width={width} marginTop={1}>
      <Text wrap="wrap">{t('ui.start.ask')}</Text>
      <Box marginTop={1}>
        <Text>
          <Tone tone="accent">{'> '}</Tone>
          {input}
          <Text inverse> </Text>
        </Text>
      </Box>
      <Box marginTop={1}>
        {v.kind === 'empty' ? (
          <Tone tone="dim" wrap="wrap">{t('ui.start.empty')}</Tone>
        ) : v.kind === 'ok' ? (
          <Tone tone="pass" wrap="wrap">{t('ui.start.valid', { server: v.target.loginServer })}</Tone>
        ) : (
          <Tone tone="fail" wrap="wrap">{v.message}</Tone>
        )}
      </Box>
    </Box>
  );
}
