import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './distribution.js';
import { childCloser } from './stop-child.js';

export const TINYPROXY_BIN = '/usr/bin/tinyproxy';

export function hasTinyproxy(): boolean {
  return existsSync(TINYPROXY_BIN);
}

export interface TestProxy {
  port: number;
  /** http://127.0.0.1:PORT (with user:password@ when basicAuth was asked for) */
  url: string;
  /** Everything tinyproxy logged so far (connections, CONNECT targets). */
  log(): string;
  close(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * A real tinyproxy on loopback. `connectPorts`: the only ports CONNECT may reach (tinyproxy
 * answers 403 for others) — use it to make a proxy that refuses the tunnel.
 */
export async function startTinyproxy(
  opts: { connectPorts?: number[]; basicAuth?: { username: string; password: string } } = {},
): Promise<TestProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-proxy-'));
  const port = await freePort();
  const logFile = join(dir, 'tinyproxy.log');
  const lines = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 30',
    `LogFile "${logFile}"`,
    'LogLevel Info',
    'MaxClients 50',
    'Allow 127.0.0.1',
    'DisableViaHeader Yes',
  ];
  for (const p of opts.connectPorts ?? []) lines.push(`ConnectPort ${p}`);
  if (opts.basicAuth) lines.push(`BasicAuth ${opts.basicAuth.username} ${opts.basicAuth.password}`);
  const conf = join(dir, 'tinyproxy.conf');
  writeFileSync(conf, lines.join('\n') + '\n');
  const child: ChildProcess = spawn(TINYPROXY_BIN, ['-d', '-c', conf], { stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => (exited = true));
  const close = childCloser(child, dir, () => exited);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !exited) {
    if (await listening(port)) {
      const cred = opts.basicAuth
        ? `${encodeURIComponent(opts.basicAuth.username)}:${encodeURIComponent(opts.basicAuth.password)}@`
        : '';
      return {
        port,
        url: `http://${cred}127.0.0.1:${port}`,
        log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
        close,
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await close();
  throw new Error(`tinyproxy did not start on port ${port}`);
}
