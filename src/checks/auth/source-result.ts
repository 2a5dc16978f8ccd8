import type { CheckOutcome } from '../../engine/types.js';
import type { CredentialData } from '../data.js';

/** What a credential source yields: the credential, or the outcome that explains why there is none. */
export type SourceResult = { ok: true; data: CredentialData } | { ok: false; outcome: CheckOutcome };

export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}
