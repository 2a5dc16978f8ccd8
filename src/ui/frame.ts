import { useEffect, useState } from 'react';

/**
 * One frame timer for every spinner. It runs only while someone is subscribed, so an idle wizard
 * sleeps, and it ticks at the fastest rate any subscriber asks for.
 */
interface Subscriber {
  fn: (frame: number) => void;
  intervalMs: number;
}

const subscribers = new Set<Subscriber>();
let timer: ReturnType<typeof setInterval> | null = null;
let timerMs = 0;
let frame = 0;

/** A lively spinner for checks that just started. */
export const FRAME_MS = 200;
/**
 * Every frame costs Ink a full redraw (about 10 ms of CPU here). When everything that runs has
 * been waiting a while, one frame a second still shows life and the seconds counting up.
 */
export const CALM_FRAME_MS = 1000;
export const CALM_AFTER_MS = 2000;

export const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function reschedule(): void {
  const wanted = subscribers.size === 0 ? 0 : Math.min(...[...subscribers].map((s) => s.intervalMs));
  if (wanted === timerMs && (timer !== null) === wanted > 0) return;
  if (timer) clearInterval(timer);
  timer = null;
  timerMs = wanted;
  if (wanted > 0) {
    timer = setInterval(() => {
      frame = (frame + 1) % 1_000_000;
      for (const s of subscribers) s.fn(frame);
    }, wanted);
  }
}

export function subscribeFrame(fn: (frame: number) => void, intervalMs = FRAME_MS): () => void {
  const sub: Subscriber = { fn, intervalMs };
  subscribers.add(sub);
  reschedule();
  return () => {
    subscribers.delete(sub);
    reschedule();
  };
}

/** Whether the shared timer is ticking, and how fast (tests check that an idle wizard stops it). */
export function frameTimerActive(): boolean {
  return timer !== null;
}

export function frameInterval(): number {
  return timerMs;
}

/** The current spinner frame while `active`; a constant otherwise. */
export function useFrame(active: boolean, intervalMs = FRAME_MS): number {
  const [f, setF] = useState(0);
  useEffect(() => (active ? subscribeFrame(setF, intervalMs) : undefined), [active, intervalMs]);
  return active ? f : 0;
}
