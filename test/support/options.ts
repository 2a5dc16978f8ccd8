import type { SessionOptions } from '../../src/engine/types.js';

/** Session options as the CLI builds them with no flags; override what a test needs. */
export function makeOptions(overrides: Partial<SessionOptions> = {}): SessionOptions {
  return {
    registry: null,
    cloud: 'AzureCloud',
    cloudExplicit: false,
    auth: 'auto',
    username: null,
    password: null,
    repository: null,
    push: false,
    pullImage: null,
    caFile: null,
    connectTo: [],
    yes: false,
    failFast: false,
    skip: [],
    timeoutSeconds: 15,
    export: null,
    json: false,
    verbose: false,
    lang: 'en',
    color: false,
    interactive: false,
    ...overrides,
  };
}
