import type { HttpClient } from './http-types.js';
import type { SessionOptions } from '../engine/types.js';

/** Placeholder until the registry issue lands the undici client. */
export function createHttpClient(_options: SessionOptions, _env: Record<string, string | undefined>): HttpClient {
  const fail = async (): Promise<never> => {
    throw new Error('HTTP probe not implemented yet');
  };
  return { request: fail, stats: () => ({ requests: 0, connections: {} }), close: async () => {} };
}
