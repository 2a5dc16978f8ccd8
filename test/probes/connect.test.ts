import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { findMapping, hostPort, openSocket } from '../../src/probes/connect.js';

describe('connect helpers', () => {
  it('writes host:port with brackets for IPv6', () => {
    expect(hostPort('myreg.azurecr.io', 443)).toBe('myreg.azurecr.io:443');
    expect(hostPort('::1', 5000)).toBe('[::1]:5000');
    expect(hostPort('[::1]', 5000)).toBe('[::1]:5000');
  });

  it('matches --connect-to by host (any case) and port only', () => {
    const maps = [{ host: 'myreg.azurecr.io', port: 443, toHost: '[::1]', toPort: 8443 }];
    expect(findMapping('MyReg.azurecr.io', 443, maps)).toBe(maps[0]);
    expect(findMapping('myreg.azurecr.io', 8443, maps)).toBeUndefined();
    expect(findMapping('other.azurecr.io', 443, maps)).toBeUndefined();
  });

  it('dials the mapped address, IPv6 included, and reports where it went', async () => {
    const server = createServer((s) => s.end());
    const v6 = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(0, '::1', () => resolve(true));
    });
    if (!v6) {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    }
    const port = (server.address() as { port: number }).port;
    const toHost = v6 ? '[::1]' : '127.0.0.1';
    try {
      const opened = await openSocket({
        host: 'myreg.azurecr.io',
        port: 443,
        secure: false,
        ca: undefined,
        proxy: null,
        connectTo: [{ host: 'myreg.azurecr.io', port: 443, toHost, toPort: port }],
        timeoutMs: 2000,
      });
      expect(opened.dialled).toBe(v6 ? `[::1]:${port}` : `127.0.0.1:${port}`);
      opened.socket.destroy();
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('stops at its time limit when nothing answers the CONNECT', async () => {
    // A "proxy" that accepts and never answers.
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      await expect(
        openSocket({ host: 'myreg.azurecr.io', port: 443, secure: true, ca: undefined, proxy: new URL(`http://127.0.0.1:${port}`), connectTo: [], timeoutMs: 300 }),
      ).rejects.toMatchObject({ code: 'ETIMEDOUT' });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      silent.close();
    }
  });
});
