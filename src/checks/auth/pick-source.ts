import type { AuthMode } from '../../engine/types.js';
import type { CredentialData } from '../data.js';
import { hasEnvCredential } from './env-source.js';
import { findOnPath } from './path.js';

export interface PickedSource {
  source: CredentialData['source'];
  /** Why `auto` chose it (a catalog key), or null when --auth named it. */
  reasonKey: string | null;
  /** The Azure CLI's full path when it was found on PATH. */
  azPath: string | null;
}

/** The contract's `--auth auto` rule: basic with --username, env with the three variables, az on PATH, else anonymous. */
export function pickSource(
  mode: AuthMode,
  username: string | null,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  lookup: (name: string) => string | null = (name) => findOnPath(name, env, platform),
): PickedSource {
  if (mode !== 'auto') return { source: mode, reasonKey: null, azPath: mode === 'az' ? lookup('az') : null };
  if (username) return { source: 'basic', reasonKey: 'auth.reason.username', azPath: null };
  if (hasEnvCredential(env)) return { source: 'env', reasonKey: 'auth.reason.env', azPath: null };
  const az = lookup('az');
  if (az) return { source: 'az', reasonKey: 'auth.reason.az', azPath: az };
  return { source: 'anonymous', reasonKey: 'auth.reason.none', azPath: null };
}
