import { memo, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Snapshot } from '../controller.js';
import type { ViewState } from '../view-state.js';
import { countStatuses, results } from '../../engine/store.js';
import { t } from '../../knowledge/i18n.js';
import { Tone } from '../theme.js';

/** The keys that do something on the current screen, in the order people need them. */
export function keysFor(view: ViewState, snap: Snapshot): string[] {
  const ro = snap.readOnly;
  if (snap.prompt) return [t('ui.key.answer'), t('ui.key.quit')];
  switch (view.screen) {
    case 'start':
      return [t('ui.key.submit'), t('ui.key.quitStart')];
    case 'chain':
      return [t('ui.key.move'), t('ui.key.open'), ...(ro ? [] : [t('ui.key.rerun')]), t('ui.key.export'), t('ui.key.help'), t('ui.key.quit')];
    case 'detail':
      return [t('ui.key.choose'), ...(ro ? [] : [t('ui.key.run')]), t('ui.key.back'), ...(ro ? [] : [t('ui.key.rerunOne')]), t('ui.key.help')];
    case 'confirm':
      return [t('ui.key.confirm')];
    case 'run':
      return snap.activeRunId ? [t('ui.key.stop')] : [t('ui.key.back'), t('ui.key.quit')];
    case 'help':
      return [t('ui.key.back')];
  }
}

/** Counts, the keys that apply now, and one line of feedback. */
function FooterView({ view, snap, width }: { view: ViewState; snap: Snapshot; width: number }): ReactNode {
  const n = countStatuses(results(snap.state));
  const running = snap.state.rows.filter((r) => r.state.phase === 'running').length;
  return (
    <Box flexDirection="column" width={width} marginTop={1}>
      {snap.prompt ? (
        <Text wrap="wrap">
          <Tone tone="warn" bold>? </Tone>
          {snap.prompt.question} <Tone tone="accent">[y/n]</Tone>
        </Text>
      ) : null}
      {view.message ? <Text wrap="wrap">{view.message}</Text> : null}
      {view.screen !== 'start' ? (
        <Text wrap="truncate-end">
          <Tone tone="pass">{t('ui.counts.passed', { n: n.passed })}</Tone>
          {'  '}
          <Tone tone="warn">{t('ui.counts.warnings', { n: n.warnings })}</Tone>
          {'  '}
          <Tone tone="fail">{t('ui.counts.failed', { n: n.failed })}</Tone>
          {'  '}
          <Tone tone="skip">{t('ui.counts.skipped', { n: n.skipped })}</Tone>
          {running > 0 ? <Tone tone="running">{'  '}{t('ui.counts.running', { n: running })}</Tone> : null}
        </Text>
      ) : null}
      <Tone tone="dim" wrap="wrap">{keysFor(view, snap).join(' · ')}</Tone>
    </Box>
  );
}

/** Memoised: the spinner's frames re-render the App, not this. */
export const Footer = memo(FooterView);
