import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Remediation } from '../../engine/types.js';
import { formatArgv } from '../../report/style.js';
import { t } from '../../knowledge/i18n.js';
import { Tone } from '../theme.js';

/** The exact command and what it changes; nothing runs without `y`. */
export function ConfirmScreen({ remediation, width }: { remediation: Remediation; width: number }): ReactNode {
  return (
    <Box flexDirection="column" width={width} marginTop={1}>
      <Text bold wrap="wrap">{t('ui.confirm.title', { title: remediation.title })}</Text>
      <Box marginTop={1} borderStyle="round" paddingX={1} width={width}>
        <Text wrap="wrap">
          <Tone tone="dim">$ </Tone>
          <Tone tone="accent" bold>{formatArgv(remediation.command ?? [])}</Tone>
        </Text>
      </Box>
      <Tone tone={remediation.changes ? 'warn' : 'dim'} wrap="wrap">
        {remediation.changes ? t('ui.confirm.changes') : t('ui.confirm.readsOnly')}
      </Tone>
      {remediation.interactive ? <Text wrap="wrap">{t('ui.confirm.interactive')}</Text> : null}
      <Box marginTop={1}>
        <Text bold>{t('ui.confirm.ask')} </Text>
        <Tone tone="accent">[y/n]</Tone>
      </Box>
    </Box>
  );
}
