import type { CheckDefinition } from '../../engine/types.js';
import { dockerCommand } from './docker-command.js';
import { dockerDaemon } from './docker-daemon.js';
import { dockerVersion } from './docker-version.js';
import { dockerPull } from './docker-pull.js';
import { helmCommand, helmVersion } from './helm.js';
import { notaryCommand, notaryVersion } from './notary.js';
import { azVersion } from './az.js';

/** The environment checks, in display order. */
export const environmentChecks: CheckDefinition[] = [
  dockerCommand,
  dockerDaemon,
  dockerVersion,
  dockerPull,
  helmCommand,
  helmVersion,
  notaryCommand,
  notaryVersion,
  azVersion,
];
