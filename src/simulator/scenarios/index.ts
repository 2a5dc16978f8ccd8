import type { Behaviour, Role, Scenario, SimState } from '../types.js';
import { connectivityScenarios } from './connectivity.js';
import { tlsScenarios } from './tls.js';
import { authScenarios } from './auth.js';
import { repositoryScenarios } from './repository.js';
import { azureScenarios } from './azure.js';

export const SCENARIOS: readonly Scenario[] = [
  ...connectivityScenarios,
  ...tlsScenarios,
  ...authScenarios,
  ...repositoryScenarios,
  ...azureScenarios,
];

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  challenge: 'bearer',
  exchange: 'ok',
  token: 'ok',
  tls: 'trusted',
  dataEndpointUnreachable: false,
  delayMs: 0,
  clockSkewSec: 0,
  azure: { cmk: false, privateEndpoint: 'none' },
};

export function behaviourOf(s: Scenario): Behaviour {
  const b = s.behaviour ?? {};
  return { ...DEFAULT_BEHAVIOUR, ...b, azure: { ...DEFAULT_BEHAVIOUR.azure, ...b.azure } };
}

/** A fresh state for the scenario; `principals` are the fixture identities that get the scenario's roles. */
export function initialStateOf(s: Scenario, principals: string[]): SimState {
  const roles: Role[] = s.roles ?? ['AcrPull', 'AcrPush'];
  return {
    firewallEnabled: false,
    allowedIps: [],
    anonymousPull: false,
    armTokensAllowed: true,
    adminUserEnabled: true,
    roles: Object.fromEntries(principals.map((p) => [p, [...roles]])),
    uploadFailuresLeft: 0,
    cmkIdentityAssigned: true,
    az: 'logged-in',
    ...s.state,
  };
}
