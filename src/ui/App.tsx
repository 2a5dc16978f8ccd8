import { useEffect, useMemo, useReducer, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { Box, useApp, useInput } from 'ink';
import type { Cloud } from '../engine/types.js';
import { t } from '../knowledge/i18n.js';
import type { WizardController, Refusal } from './controller.js';
import { route, splitKeys, type Command } from './keys.js';
import { viewReducer, type ViewAction, type ViewState } from './view-state.js';
import { buildRoad, proxyLabel } from './road.js';
import { CALM_AFTER_MS, CALM_FRAME_MS, FRAME_MS, useFrame } from './frame.js';
import { useTerminalSize } from './use-terminal-size.js';
import { ThemeContext } from './theme.js';
import { Header } from './components/Header.js';
import { Road } from './components/Road.js';
import { Footer, keysFor } from './components/Footer.js';
import { wrappedLineCount } from './layout.js';
import { StartScreen, validateInput } from './screens/StartScreen.js';
import { ChainScreen, orderedRows } from './screens/ChainScreen.js';
import { DetailScreen, type ScrollMeasure } from './screens/DetailScreen.js';
import { ConfirmScreen } from './screens/ConfirmScreen.js';
import { RunScreen } from './screens/RunScreen.js';
import { HelpScreen } from './screens/HelpScreen.js';
import { firstProblem } from './first-problem.js';

export interface AppProps {
  controller: WizardController;
  initialView: ViewState;
  color: boolean;
  cloud: Cloud;
  /** Called with the view whenever it changes, so a terminal hand-over can restore it. */
  onView?: (view: ViewState) => void;
  /** The person quit: `interrupted` when by Ctrl-C. */
  onQuit: (interrupted: boolean) => void;
}

const refusalText = (r: Refusal): string => t(`ui.refused.${r}`);

export function App({ controller, initialView, color, cloud, onView, onQuit }: AppProps): ReactNode {
  const snap = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const [view, dispatch] = useReducer(viewReducer, initialView);
  const { exit } = useApp();
  const size = useTerminalSize();
  const width = Math.max(20, size.columns - 1);
  const rows = orderedRows(snap.state.rows);
  const ids = rows.map((r) => r.id);
  const activeRun = snap.activeRunId !== null;
  // Checks that have been waiting a while tick slowly: an idle wizard with spinners stays cheap.
  const running = snap.state.rows.filter((r) => r.state.phase === 'running');
  const calm = !activeRun && running.every((r) => r.state.phase === 'running' && Date.now() - Date.parse(r.state.startedAt) > CALM_AFTER_MS);
  const frame = useFrame(snap.state.running || activeRun, calm ? CALM_FRAME_MS : FRAME_MS);

  useEffect(() => onView?.(view), [view, onView]);

  // The first row gets the cursor as soon as there is one.
  // A finished session (replay) starts on its first failure.
  useEffect(() => {
    if (view.selectedId !== null || ids.length === 0) return;
    const failed = snap.state.running ? undefined : firstProblem(rows);
    dispatch({ type: 'select', id: failed?.id ?? ids[0]! });
  }, [ids.length, view.selectedId]);

  // When a whole chain finishes, the cursor moves to the first failure.
  const seenSeq = useRef(snap.runSeq);
  useEffect(() => {
    if (snap.runSeq === seenSeq.current) return;
    seenSeq.current = snap.runSeq;
    if (!snap.lastRunFull) return;
    // Someone reading a check's details keeps reading that check; the chain list is where the cursor jumps.
    if (view.screen !== 'chain' && !(view.screen === 'help' && view.helpFrom === 'chain')) return;
    const failed = firstProblem(rows);
    if (failed) dispatch({ type: 'select', id: failed.id });
  }, [snap.runSeq]);

  // How far the open detail can scroll and its page size, as the screen last measured them.
  const detailScroll = useRef<ScrollMeasure>({ max: 0, page: 1 });
  const onDetailMeasure = useMemo(() => (m: ScrollMeasure) => {
    detailScroll.current = m;
  }, []);
  const runScroll = useRef<ScrollMeasure>({ max: 0, page: 1 });
  const onRunMeasure = useMemo(() => (m: ScrollMeasure) => {
    runScroll.current = m;
  }, []);

  const secrets = useMemo(() => controller.knownSecrets(), [controller]);

  // "Stopping the command…" is true only until it has stopped.
  useEffect(() => {
    if (!activeRun && view.message === t('ui.message.stopping')) dispatch({ type: 'message', text: null });
  }, [activeRun]);

  const latest = useRef({ snap, view, ids });
  latest.current = { snap, view, ids };

  // Each key of a burst must see what the keys before it did (a pasted "myreg" then Enter),
  // before React has drawn again: the view is folded here as well as in React.
  const act = (a: ViewAction): void => {
    latest.current = { ...latest.current, view: viewReducer(latest.current.view, a) };
    dispatch(a);
  };

  const quit = (interrupted: boolean): void => {
    controller.cancelRemediation();
    onQuit(interrupted);
    exit();
  };

  const selectedRow = (): (typeof rows)[number] | undefined => {
    const { view: v } = latest.current;
    return latest.current.snap.state.rows.find((r) => r.id === v.selectedId);
  };

  const remediationCount = (): number => {
    const row = selectedRow();
    return row?.state.phase === 'done' ? row.state.result.remediations.length : 0;
  };

  const offer = (index: number): void => {
    const v = latest.current.view;
    if (!v.selectedId) return;
    const refusal = controller.canRun(v.selectedId, index);
    act({ type: 'choose-remediation', index });
    if (refusal) act({ type: 'message', text: refusalText(refusal) });
    else act({ type: 'confirm', index });
  };

  const execute = (cmd: Command): void => {
    const { snap: s, view: v } = latest.current;
    switch (cmd.name) {
      case 'interrupt':
        if (controller.cancelRemediation()) act({ type: 'message', text: t('ui.message.stopping') });
        else quit(true);
        return;
      case 'quit':
        quit(false);
        return;
      case 'yes':
      case 'no':
        if (s.prompt) {
          controller.answer(cmd.name === 'yes');
          return;
        }
        if (v.screen === 'confirm' && v.selectedId !== null && v.confirmIndex !== null) {
          if (cmd.name === 'no') {
            act({ type: 'close' });
            return;
          }
          const started = controller.runRemediation(v.selectedId, v.confirmIndex);
          if ('runId' in started) act({ type: 'show-run', runId: started.runId });
          else {
            act({ type: 'close' });
            act({ type: 'message', text: refusalText(started.refused) });
          }
        }
        return;
      case 'up':
      case 'down': {
        const delta = cmd.name === 'up' ? -1 : 1;
        if (v.screen === 'chain') act({ type: 'move', ids: latest.current.ids, delta });
        else if (v.screen === 'detail') act({ type: 'move-remediation', count: remediationCount(), delta });
        return;
      }
      case 'open':
        if (v.screen === 'chain') act({ type: 'open-detail' });
        else if (v.screen === 'detail' && remediationCount() > 0) offer(v.remediation);
        else if (v.screen === 'run' && !s.activeRunId) act({ type: 'close' });
        return;
      case 'back':
        if (v.screen === 'run' && s.activeRunId) return;
        act({ type: 'close' });
        return;
      case 'pick':
        if (v.screen === 'detail') {
          if (cmd.n <= remediationCount()) offer(cmd.n - 1);
          else act({ type: 'message', text: t('ui.message.noSuchRemediation', { n: cmd.n }) });
        }
        return;
      case 'rerun':
      case 'rerun-all': {
        if (v.screen === 'run') return;
        const refusal = controller.rerun(cmd.name === 'rerun-all' ? null : v.selectedId ? [v.selectedId] : null);
        act({ type: 'message', text: refusal ? refusalText(refusal) : null });
        return;
      }
      case 'export':
        act({ type: 'message', text: t('ui.export.writing') });
        void controller.exportTranscript().then((r) => {
          const text =
            'paths' in r ? t('ui.export.written', { paths: r.paths.join(', ') })
            : r.error === 'unavailable' ? t('ui.export.unavailable')
            : r.error === 'exists' ? t('ui.export.exists', { path: r.detail })
            : r.error === 'already-saved' ? t('ui.export.alreadySaved', { paths: r.detail })
            : t('ui.export.failed', { message: r.detail });
          act({ type: 'message', text });
        });
        return;
      case 'scroll': {
        if (v.screen !== 'detail' && v.screen !== 'run') return;
        const { max, page } = v.screen === 'run' ? runScroll.current : detailScroll.current;
        const by = cmd.to === 'page-down' ? page : cmd.to === 'page-up' ? -page : cmd.to === 'top' ? -Infinity : Infinity;
        // The output's offset counts back from its end: down the page is toward zero.
        act({ type: 'scroll', by: v.screen === 'run' ? -by : by, max });
        return;
      }
      case 'help':
        act({ type: 'help' });
        return;
      case 'type':
        act({ type: 'type', text: cmd.text });
        return;
      case 'erase':
        act({ type: 'erase' });
        return;
      case 'submit': {
        const val = validateInput(v.input, cloud);
        if (val.kind === 'error') return;
        controller.start(val.kind === 'ok' ? val.target : null);
        act({ type: 'enter-chain' });
        return;
      }
    }
  };

  // The one input handler: keys become named commands per screen (keys.ts), commands act here.
  useInput((input, key) => {
    for (const [one, k] of splitKeys(input, key)) {
      const before = latest.current.view.screen;
      const cmd = route(one, k, { screen: before, prompting: latest.current.snap.prompt !== null });
      if (cmd) execute(cmd);
      // A confirmation is a key of its own, pressed with the command on screen: nothing typed
      // ahead in the same burst (or pasted) answers it.
      if (latest.current.view.screen === 'confirm' && before !== 'confirm') break;
    }
  });

  const selected = rows.find((r) => r.id === view.selectedId);
  const proxy = snap.state.info?.proxy ? proxyLabel(snap.state.info.proxy) : null;
  const road = useMemo(() => buildRoad(snap.state.rows, proxy, snap.target !== null), [snap.state.rows, proxy, snap.target]);
  const confirmRem = view.confirmIndex !== null && selected?.state.phase === 'done' ? selected.state.result.remediations[view.confirmIndex] : undefined;
  const run = view.runId ? snap.state.remediationRuns.find((r) => r.runId === view.runId) : undefined;

  // Header, road, the body's margin, the footer (margin, prompt, message, counts, keys as they wrap)
  // and the line the cursor rests on: what is left is the body's. A frame taller than the terminal
  // makes Ink clear the whole screen on every redraw.
  const chrome =
    2 + 1 + 1 + 1 + (view.screen !== 'start' ? 1 : 0) +
    wrappedLineCount(keysFor(view, snap).join(' · '), width) +
    (snap.prompt ? wrappedLineCount(`? ${snap.prompt.question} [y/n]`, width) : 0) +
    (view.message ? wrappedLineCount(view.message, width) : 0);
  let body: ReactNode;
  switch (view.screen) {
    case 'start':
      body = <StartScreen input={view.input} cloud={cloud} width={width} />;
      break;
    case 'detail':
      body = selected ? <DetailScreen row={selected} remediation={view.remediation} width={width} height={size.rows} lines={size.rows - chrome - 1} readOnly={snap.readOnly} secrets={secrets} runs={snap.state.remediationRuns.filter((x) => x.checkId === selected.id)} scroll={view.scroll} onMeasure={onDetailMeasure} /> : null;
      break;
    case 'confirm':
      body = confirmRem ? <ConfirmScreen remediation={confirmRem} width={width} /> : null;
      break;
    case 'run':
      body = run ? <RunScreen run={run} fix={snap.fixes[run.runId]} checkTitle={selected?.title ?? run.checkId} frame={frame} width={width} lines={size.rows - chrome} interactive={Boolean(snap.fixes[run.runId]?.interactive)} secrets={secrets} scroll={view.runScroll} onMeasure={onRunMeasure} /> : null;
      break;
    case 'help':
      body = <HelpScreen width={width} readOnly={snap.readOnly} />;
      break;
    default:
      body = <ChainScreen rows={rows} selectedId={view.selectedId} frame={frame} width={width} height={Math.max(5, size.rows - chrome)} askingId={snap.prompt?.checkId ?? null} />;
  }

  return (
    <ThemeContext.Provider value={{ color, columns: width }}>
      <Box flexDirection="column" width={width}>
        <Header snap={snap} width={width} />
        {view.screen !== 'start' ? <Road stops={road} width={width} /> : null}
        {body}
        <Footer view={view} snap={snap} width={width} />
      </Box>
    </ThemeContext.Provider>
  );
}
