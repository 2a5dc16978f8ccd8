import { useEffect, useState } from 'react';

/** One frame timer for every spinner; it runs only while someone is subscribed, so an idle wizard sleeps. */
const subscribers = new Set<(frame: number) => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let frame = 0;

export const FRAME_MS = 250;
export const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function subscribeFrame(fn: (frame: number) => void): () => void {
  subscribers.add(fn);
  if (!timer) {
    timer = setInterval(() => {
      frame = (frame + 1) % 1_000_000;
      for (const s of subscribers) s(frame);
    }, FRAME_MS);
  }
  return () => {
    subscribers.delete(fn);
    if (subscribers.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Whether the shared timer is ticking (tests check that an idle wizard stops it). */
export function frameTimerActive(): boolean {
  return timer !== null;
}

/** The current spinner frame while `active`; a constant otherwise. */
export function useFrame(active: boolean): number {
  const [f, setF] = useState(0);
  useEffect(() => (active ? subscribeFrame(setF) : undefined), [active]);
  return active ? f : 0;
}
