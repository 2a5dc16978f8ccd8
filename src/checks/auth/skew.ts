/** Clock differences above this break token exchange (tokens look expired or not yet valid). */
export const MAX_SKEW_SECONDS = 5 * 60;

/** Seconds the local clock is ahead (+) or behind (−) the registry's Date header; null without one. */
export function clockSkewSeconds(serverDate: string | null, now: Date = new Date()): number | null {
  if (!serverDate) return null;
  const server = Date.parse(serverDate);
  if (Number.isNaN(server)) return null;
  return Math.round((now.getTime() - server) / 1000);
}

export function skewTooLarge(skew: number | null): skew is number {
  return skew !== null && Math.abs(skew) > MAX_SKEW_SECONDS;
}
