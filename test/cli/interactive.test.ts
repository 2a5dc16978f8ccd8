import { describe, expect, it } from 'vitest';
import { isCiEnv } from '../../src/cli/interactive.js';

describe('CI detection', () => {
  it('agrees with Ink: a CI variable that is present counts, even when empty, unless it is 0 or false', () => {
    expect(isCiEnv({})).toBe(false);
    expect(isCiEnv({ CI: 'true' })).toBe(true);
    expect(isCiEnv({ CI: '' })).toBe(true);
    expect(isCiEnv({ CI: '0' })).toBe(false);
    expect(isCiEnv({ CI: 'false' })).toBe(false);
    expect(isCiEnv({ CONTINUOUS_INTEGRATION: '1' })).toBe(true);
  });
});
