import { memo, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Snapshot } from '../controller.js';
import type { ViewState } from '../view-state.js';
import { countStatuses, results } from '../../engine/store.js';
import { t } from '../../knowledge/i18n.js';
import { tn } from '../plural.js';
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
    case 'detail': {
      // Offer choosing and running only when there is something to choose or run.
      const row = snap.state.rows.find((r) => r.id === view.selectedId);
      const rems = row?.state.phase === 'done' ? row.state.result.remediations : [];
      const runnable = !ro && rems.some((r) => r.command && r.command.length > 0);
      return [
        ...(rems.length > 0 ? [t('ui.key.choose')] : []),
        ...(runnable ? [t('ui.key.run')] : []),
        t('ui.key.scroll'),
        t('ui.key.back'),
        ...(ro ? [] : [t('ui.key.rerunOne')]),
        t('ui.key.help'),
      ];
    }
    case 'confirm':
      return [t('ui.key.confirm')];
    case 'run':
      return snap.activeRunId ? [t('ui.key.stop'), t('ui.key.scroll')] : [t('ui.key.scroll'), t('ui.key.back'), t('ui.key.quit')];
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
          <Tone tone="pass">{tn('ui.counts.passed', n.passed)}</Tone>
          {'  '}
          <Tone tone="warn">{tn('ui.counts.warnings', n.warnings)}</Tone>
          {'  '}
          <Tone tone="fail">{tn('ui.counts.failed', n.failed)}</Tone>
          {'  '}
          <Tone tone="skip">{tn('ui.counts.skipped', n.skipped)}</Tone>
          {running > 0 ? <Tone tone="running">{'  '}{tn('ui.counts.running', running)}</Tone> : null}
        </Text>
      ) : null}
      <Tone tone="dim" wrap="wrap">{keysFor(view, snap).join(' · ')}</Tone>
    </Box>
  );
}

/** Memoised: the spinner's frames re-render the App, not this. */
export const Footer = memo(FooterView);
