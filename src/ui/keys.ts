/** The one place that turns key presses into named commands, per screen. Pure: the App's single useInput calls it. */

export type Screen = 'start' | 'chain' | 'detail' | 'confirm' | 'run' | 'help';

export type Command =
  | { name: 'up' }
  | { name: 'down' }
  | { name: 'open' }
  | { name: 'back' }
  | { name: 'pick'; n: number }
  | { name: 'yes' }
  | { name: 'no' }
  | { name: 'rerun' }
  | { name: 'rerun-all' }
  | { name: 'export' }
  | { name: 'help' }
  /** Page through a long detail or a command's output: by a page, or to the top or bottom. */
  | { name: 'scroll'; to: 'page-down' | 'page-up' | 'top' | 'bottom' }
  | { name: 'quit' }
  | { name: 'interrupt' }
  | { name: 'type'; text: string }
  | { name: 'erase' }
  | { name: 'submit' };

/** The subset of Ink's Key the router reads. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
}

export interface RouteContext {
  screen: Screen;
  /** A y/n consent question from a check is waiting. */
  prompting: boolean;
}

export function route(input: string, key: KeyInfo, ctx: RouteContext): Command | null {
  if (key.ctrl && input === 'c') return { name: 'interrupt' };
  if (input === '\x03') return { name: 'interrupt' };

  if (ctx.screen === 'start') {
    if (key.return) return { name: 'submit' };
    if (key.escape) return { name: 'quit' };
    if (key.backspace || key.delete) return { name: 'erase' };
    if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return null;
    const text = input.replace(/[\x00-\x1f\x7f]/g, '');
    return text ? { name: 'type', text } : null;
  }

  if (ctx.prompting) {
    if (input === 'y' || input === 'Y') return { name: 'yes' };
    if (input === 'n' || input === 'N') return { name: 'no' };
  }

  if (ctx.screen === 'help') {
    if (input === 'q') return { name: 'quit' };
    if (key.escape || key.leftArrow || key.return || input === '?') return { name: 'back' };
    return null;
  }

  if (ctx.screen === 'confirm') {
    if (input === 'y' || input === 'Y') return { name: 'yes' };
    if (input === 'n' || input === 'N' || key.escape || key.leftArrow) return { name: 'no' };
    if (input === 'q') return { name: 'quit' };
    return null;
  }

  if (ctx.screen === 'detail' || ctx.screen === 'run') {
    if (key.pageDown || input === ' ') return { name: 'scroll', to: 'page-down' };
    if (key.pageUp || input === 'b') return { name: 'scroll', to: 'page-up' };
    if (key.home) return { name: 'scroll', to: 'top' };
    if (key.end) return { name: 'scroll', to: 'bottom' };
  }

  if (key.upArrow || input === 'k') return { name: 'up' };
  if (key.downArrow || input === 'j') return { name: 'down' };
  if (key.return || key.rightArrow) return { name: 'open' };
  if (key.escape || key.leftArrow) return { name: 'back' };
  if (input === '?') return { name: 'help' };
  if (input === 'q') return { name: 'quit' };
  if (input === 'e') return { name: 'export' };
  if (input === 'r') return { name: 'rerun' };
  if (input === 'R') return { name: 'rerun-all' };
  if (ctx.screen === 'detail' && /^[1-9]$/.test(input)) return { name: 'pick', n: Number(input) };
  return null;
}

/**
 * Ink hands a burst of plain keys read in one chunk (a held `j`, a held Backspace, fast typing,
 * a paste) to the handler as one string. Split it into single key presses, so each one counts.
 * Escape sequences (arrows) already arrive one by one.
 */
export function splitKeys(input: string, key: KeyInfo): [string, KeyInfo][] {
  const chars = Array.from(input);
  const flagged = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.escape || key.meta || key.ctrl;
  if (chars.length <= 1 || flagged) return [[input, key]];
  return chars.map((c): [string, KeyInfo] => {
    if (c === '\r' || c === '\n') return ['', { return: true }];
    if (c === '\x7f' || c === '\b') return ['', { backspace: true }];
    if (c === '\t') return ['', { tab: true }];
    if (c === '\x03') return ['c', { ctrl: true }];
    return [c, {}];
  });
}
