import { memo, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Snapshot } from '../controller.js';
import { VERSION } from '../../version.js';
import { t } from '../../knowledge/i18n.js';
import { Tone } from '../theme.js';

/** The name a person recognises from auth.credential's details.identity (object or plain string). */
export function identityOf(snap: Snapshot): string | null {
  const row = snap.state.rows.find((r) => r.id === 'auth.credential');
  if (!row || row.state.phase !== 'done') return null;
  const id = row.state.result.details.identity as unknown;
  if (typeof id === 'string') return id;
  if (id && typeof id === 'object') {
    const o = id as { name?: unknown; kind?: unknown };
    // Nobody is signed in: "signed in as anonymous" would say the opposite.
    if (o.kind === 'anonymous') return null;
    if (typeof o.name === 'string' && o.name) return o.name;
    if (typeof o.kind === 'string') return o.kind;
  }
  return null;
}

/** The credential check found no identity to sign in with: requests go out anonymously. */
export function anonymousIdentity(snap: Snapshot): boolean {
  const row = snap.state.rows.find((r) => r.id === 'auth.credential');
  if (!row || row.state.phase !== 'done') return false;
  const id = row.state.result.details.identity as { kind?: unknown } | null | undefined;
  return Boolean(id && typeof id === 'object' && id.kind === 'anonymous');
}

/** One line: tool version, target, identity once known. */
function HeaderView({ snap, width }: { snap: Snapshot; width: number }): ReactNode {
  const version = snap.state.info?.toolVersion ?? VERSION;
  const target = snap.target ? snap.target.loginServer : t('ui.header.noTarget');
  const who = identityOf(snap);
  const anonymous = anonymousIdentity(snap);
  const mode = snap.readOnly ? ` · ${t('ui.header.replay')}` : snap.state.info?.mode === 'demo' ? ` · ${t('ui.header.demo', { scenario: snap.state.info.scenario ?? '' })}` : '';
  return (
    <Box width={width}>
      <Text wrap="truncate-end">
        <Text bold>acr-doctor {version}</Text>
        <Tone tone="dim"> · </Tone>
        <Tone tone="accent">{target}</Tone>
        {/* Replay or demo before the identity: on a narrow terminal the end of the line is cut. */}
        <Tone tone="dim">{mode}</Tone>
        {who ? <Tone tone="dim"> · {t('ui.header.identity', { who })}</Tone> : anonymous ? <Tone tone="dim"> · {t('ui.header.anonymous')}</Tone> : null}
      </Text>
    </Box>
  );
}

/** Memoised: the spinner's frames re-render the App, not this. */
export const Header = memo(HeaderView);
