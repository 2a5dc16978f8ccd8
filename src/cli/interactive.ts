import type { CliIO } from './io.js';

/**
 * Whether this is a CI run. Same rule as Ink's own check (CI or CONTINUOUS_INTEGRATION present and
 * not "0"/"false"): if the two disagreed, the wizard would start while Ink refuses to draw.
 */
export function isCiEnv(env: Record<string, string | undefined>): boolean {
  const set = (key: string): boolean => key in env && env[key] !== undefined && env[key] !== '0' && env[key] !== 'false';
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}

/** The wizard needs a person: both ends are terminals and this is not CI. */
export function isInteractive(io: CliIO): boolean {
  return Boolean(io.stdin.isTTY && io.stdout.isTTY) && !isCiEnv(io.env);
}
