import type { Scenario } from '../types.js';

/** The road to the registry: firewall, challenge shapes, broken connections, slowness. */
export const connectivityScenarios: Scenario[] = [
  { name: 'healthy', descriptionKey: 'simulator.scenario.healthy' },
  { name: 'firewall', descriptionKey: 'simulator.scenario.firewall', state: { firewallEnabled: true } },
  { name: 'no-challenge', descriptionKey: 'simulator.scenario.no-challenge', behaviour: { challenge: 'none' } },
  { name: 'basic-only', descriptionKey: 'simulator.scenario.basic-only', behaviour: { challenge: 'basic' }, demo: { auth: 'basic' } },
  { name: 'bad-challenge', descriptionKey: 'simulator.scenario.bad-challenge', behaviour: { challenge: 'bad' } },
  { name: 'challenge-throttled', descriptionKey: 'simulator.scenario.challenge-throttled', behaviour: { challenge: 'throttled' } },
  { name: 'proxy-html', descriptionKey: 'simulator.scenario.proxy-html', behaviour: { challenge: 'html' } },
  { name: 'connection-reset', descriptionKey: 'simulator.scenario.connection-reset', behaviour: { challenge: 'reset' } },
  { name: 'slow', descriptionKey: 'simulator.scenario.slow', behaviour: { delayMs: 30_000 } },
];
