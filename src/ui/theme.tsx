import { createContext, useContext, type ReactNode } from 'react';
import { Text } from 'ink';
import type { Leg } from './road.js';

/** Whether colour is on (NO_COLOR / --no-color turn it off) and how wide the terminal is. */
export interface Theme {
  color: boolean;
  columns: number;
}

export const ThemeContext = createContext<Theme>({ color: true, columns: 80 });
export const useTheme = (): Theme => useContext(ThemeContext);

export type ToneName = Leg | 'accent' | 'dim';

const COLORS: Record<ToneName, string | undefined> = {
  pass: 'green',
  warn: 'yellow',
  fail: 'red',
  skip: 'gray',
  running: 'cyan',
  pending: 'gray',
  none: 'gray',
  accent: 'cyan',
  dim: 'gray',
};

/** Text in the colour for an outcome; plain when colour is off. */
export function Tone(props: { tone: ToneName; bold?: boolean; children: ReactNode; wrap?: 'wrap' | 'truncate-end' }): ReactNode {
  const { color } = useTheme();
  return (
    <Text color={color ? COLORS[props.tone] : undefined} bold={props.bold} dimColor={!color && props.tone === 'dim' ? false : undefined} wrap={props.wrap}>
      {props.children}
    </Text>
  );
}
