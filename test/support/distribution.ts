import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { generate } from 'selfsigned';
import { childCloser } from './stop-child.js';

/** Debian's docker-registry package: the CNCF Distribution registry. */
export const DISTRIBUTION_BIN = '/usr/bin/docker-registry';

export function hasDistribution(): boolean {
  return existsSync(DISTRIBUTION_BIN);
}

export interface TestCert {
  cert: string;
  key: string;
}

/**
 * A self-signed certificate made at test time (EC: fast). Defaults to SAN IP 127.0.0.1 and DNS
 * localhost; pass names/ips for anything else. No key is ever stored in the repository.
 */
export async function generateTestCert(
  opts: { cn?: string; dns?: string[]; ips?: string[]; notBefore?: Date; notAfter?: Date } = {},
): Promise<TestCert> {
  const dns = opts.dns ?? ['localhost'];
  const ips = opts.ips ?? ['127.0.0.1'];
  const pems = await generate([{ name: 'commonName', value: opts.cn ?? dns[0] ?? ips[0] ?? 'test' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: opts.notBefore ?? new Date(Date.now() - 60_000),
    notAfterDate: opts.notAfter ?? new Date(Date.now() + 90 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...dns.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** A TCP port nobody listens on right now (loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** bcrypt hash for htpasswd via python3's crypt module ($2b$, cost 5 keeps tests fast). */
function bcryptHash(password: string): string {
  const script =
    'import crypt,sys,warnings\nwarnings.simplefilter("ignore")\n' +
    'print(crypt.crypt(sys.stdin.read(), crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=32)))';
  const r = spawnSync('python3', ['-c', script], { input: password, encoding: 'utf8', timeout: 10_000 });
  const hash = (r.stdout ?? '').trim();
  if (r.status !== 0 || !hash.startsWith('$2')) throw new Error(`cannot make a bcrypt hash: ${r.stderr}`);
  return hash;
}

export interface Distribution {
  host: '127.0.0.1';
  port: number;
  /** 127.0.0.1:PORT */
  loginServer: string;
  url: string;
  /** PEM of the registry's self-signed certificate (tls only). */
  caFile?: string;
  close(): Promise<void>;
}

function probe(url: string, ca: string | undefined): Promise<number | null> {
  return new Promise((resolve) => {
    const fn = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = fn(url + '/v2/', { method: 'GET', timeout: 1000, ...(ca ? { ca } : {}), agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on('error', () => resolve(null));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Starts the real Distribution registry on a free loopback port; resolves once /v2/ answers. */
export async function startDistribution(
  opts: { tls?: boolean; htpasswd?: { username: string; password: string } } = {},
): Promise<Distribution> {
  const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-dist-'));
  const port = await freePort();
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  secret: acr-doctor-test-only',
  ];
  let caFile: string | undefined;
  let ca: string | undefined;
  if (opts.tls) {
    const { cert, key } = await generateTestCert();
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, cert);
    writeFileSync(join(dir, 'key.pem'), key, { mode: 0o600 });
    ca = cert;
    lines.push('  tls:', `    certificate: ${caFile}`, `    key: ${join(dir, 'key.pem')}`);
  }
  if (opts.htpasswd) {
    const file = join(dir, 'htpasswd');
    writeFileSync(file, `${opts.htpasswd.username}:${bcryptHash(opts.htpasswd.password)}\n`, { mode: 0o600 });
    lines.push('auth:', '  htpasswd:', '    realm: acr-doctor-test', `    path: ${file}`);
  }
  const config = join(dir, 'config.yml');
  writeFileSync(config, lines.join('\n') + '\n');

  const child: ChildProcess = spawn(DISTRIBUTION_BIN, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 20_000) stderr += d.toString();
  });
  let exited = false;
  child.on('exit', () => (exited = true));

  const scheme = opts.tls ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${port}`;
  const close = childCloser(child, dir, () => exited);

  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited) break;
    if ((await probe(url, ca)) !== null) {
      return { host: '127.0.0.1', port, loginServer: `127.0.0.1:${port}`, url, ...(caFile ? { caFile } : {}), close };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await close();
  throw new Error(`docker-registry did not start on port ${port}: ${stderr.slice(0, 2000)}`);
}
