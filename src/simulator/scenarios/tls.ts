import type { Scenario } from '../types.js';

/** Certificates a client should question. */
export const tlsScenarios: Scenario[] = [
  { name: 'untrusted-certificate', descriptionKey: 'simulator.scenario.untrusted-certificate', behaviour: { tls: 'untrusted' } },
  { name: 'expiring-certificate', descriptionKey: 'simulator.scenario.expiring-certificate', behaviour: { tls: 'expiring' } },
];
