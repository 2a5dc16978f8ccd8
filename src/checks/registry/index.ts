import type { CheckDefinition } from '../../engine/types.js';
import { loginServerCheck } from './login-server.js';
import { dnsCheck } from './dns.js';
import { tlsCheck } from './tls.js';
import { challengeCheck } from './challenge.js';
import { cmkCheck } from './cmk.js';
import { privateEndpointCheck } from './private-endpoint.js';

/** The registry checks, in display order. */
export const registryChecks: CheckDefinition[] = [
  loginServerCheck,
  dnsCheck,
  tlsCheck,
  challengeCheck,
  cmkCheck,
  privateEndpointCheck,
];
