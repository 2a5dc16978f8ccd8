import type { Scenario } from '../types.js';

/** Pulling and pushing after a successful sign-in. `roles` is what every fixture identity holds at start. */
export const repositoryScenarios: Scenario[] = [
  { name: 'no-pull-permission', descriptionKey: 'simulator.scenario.no-pull-permission', roles: [] },
  { name: 'no-push-permission', descriptionKey: 'simulator.scenario.no-push-permission', roles: ['AcrPull'], demo: { push: true } },
  { name: 'blob-upload-invalid-once', descriptionKey: 'simulator.scenario.blob-upload-invalid-once', state: { uploadFailuresLeft: 1 }, demo: { push: true } },
  { name: 'blob-upload-invalid-always', descriptionKey: 'simulator.scenario.blob-upload-invalid-always', state: { uploadFailuresLeft: -1 }, demo: { push: true } },
  { name: 'data-endpoint-unreachable', descriptionKey: 'simulator.scenario.data-endpoint-unreachable', behaviour: { dataEndpointUnreachable: true } },
];
