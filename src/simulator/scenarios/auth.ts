import type { Scenario } from '../types.js';

/** The token exchange and who may do what. */
export const authScenarios: Scenario[] = [
  { name: 'throttled', descriptionKey: 'simulator.scenario.throttled', behaviour: { exchange: 'throttled' } },
  { name: 'throttled-once', descriptionKey: 'simulator.scenario.throttled-once', behaviour: { exchange: 'throttled-once' } },
  { name: 'token-throttled', descriptionKey: 'simulator.scenario.token-throttled', behaviour: { token: 'throttled' } },
  { name: 'arm-token-disallowed', descriptionKey: 'simulator.scenario.arm-token-disallowed', state: { armTokensAllowed: false } },
  {
    name: 'arm-token-disallowed-acr-denied',
    descriptionKey: 'simulator.scenario.arm-token-disallowed-acr-denied',
    state: { armTokensAllowed: false },
    behaviour: { exchange: 'acr-denied' },
  },
  { name: 'exchange-denied', descriptionKey: 'simulator.scenario.exchange-denied', behaviour: { exchange: 'denied' } },
  { name: 'exchange-html', descriptionKey: 'simulator.scenario.exchange-html', behaviour: { exchange: 'html' } },
  { name: 'token-denied', descriptionKey: 'simulator.scenario.token-denied', behaviour: { token: 'denied' } },
  { name: 'partial-grant', descriptionKey: 'simulator.scenario.partial-grant', behaviour: { token: 'partial' }, demo: { push: true } },
  { name: 'anonymous-enabled', descriptionKey: 'simulator.scenario.anonymous-enabled', state: { anonymousPull: true }, demo: { auth: 'anonymous' } },
  { name: 'anonymous-disabled', descriptionKey: 'simulator.scenario.anonymous-disabled', state: { anonymousPull: false }, demo: { auth: 'anonymous' } },
  { name: 'az-logged-out', descriptionKey: 'simulator.scenario.az-logged-out', state: { az: 'logged-out' } },
  { name: 'az-token-expired', descriptionKey: 'simulator.scenario.az-token-expired', state: { az: 'expired' } },
  { name: 'clock-skew', descriptionKey: 'simulator.scenario.clock-skew', behaviour: { clockSkewSec: 600 } },
];
