import type { Scenario } from '../types.js';

/** Azure-side configuration, seen only through the stand-in `az acr show`. */
export const azureScenarios: Scenario[] = [
  { name: 'cmk-broken', descriptionKey: 'simulator.scenario.cmk-broken', state: { cmkIdentityAssigned: false }, behaviour: { azure: { cmk: true } } },
  { name: 'private-endpoint-mismatch', descriptionKey: 'simulator.scenario.private-endpoint-mismatch', behaviour: { azure: { privateEndpoint: 'mismatch' } } },
];
