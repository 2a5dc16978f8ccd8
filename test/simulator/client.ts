import { Agent, buildConnector, request } from 'undici';
import type { RunningSimulator } from '../../src/simulator/index.js';

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  bytes: Buffer;
  json<T = Record<string, any>>(): T;
}

export interface SimClient {
  call(method: string, url: string, o?: { headers?: Record<string, string>; body?: string | Buffer; signal?: AbortSignal }): Promise<SimResponse>;
  close(): Promise<void>;
}

/** An undici client that reaches the simulator's host names through its connectTo mappings (as --connect-to does). */
export function simClient(sim: RunningSimulator, o: { ca?: string } = {}): SimClient {
  const connector = buildConnector({ ca: o.ca ?? sim.caPem });
  const agent = new Agent({
    keepAliveTimeout: 10_000,
    connect: (opts, cb) => {
      const m = sim.connectTo.find((c) => c.host === opts.hostname);
      connector({ ...opts, hostname: m ? m.toHost : opts.hostname, port: String(m ? m.toPort : opts.port), servername: opts.hostname }, cb);
    },
  });
  return {
    async call(method, url, opt = {}) {
      const r = await request(url, {
        method: method as 'GET',
        headers: opt.headers,
        body: opt.body,
        dispatcher: agent,
        signal: opt.signal,
      });
      const bytes = Buffer.from(await r.body.arrayBuffer());
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
      const text = bytes.toString('utf8');
      return { status: r.statusCode, headers, text, bytes, json: () => JSON.parse(text) };
    },
    close: () => agent.close(),
  };
}

export const form = (fields: Record<string, string>): { headers: Record<string, string>; body: string } => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

export function claims(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}
