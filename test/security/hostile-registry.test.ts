import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttps, type TestServer } from '../probes/servers.js';
import { runCli, type CliRun } from '../support/tools.js';
import { makeStandinAz, type StandinDir } from '../checks/auth/standin-az.js';

/**
 * A registry that lies: it answers as evilreg1.azurecr.io on loopback and tries to (a) smuggle
 * options into a remediation through its DENIED body, (b) drive the terminal with escape sequences
 * in its messages and headers, (c) collect credentials at a token endpoint on another host or over
 * http, (d) get an opaque token it issued echoed back in the report.
 */

const HOST = 'evilreg1.azurecr.io';
const COLLECTOR = 'collector.example';
// A registry that is not Azure's: an AAD token must never be offered to it.
const FOREIGN = 'registry.example';
// Shaped like a JWT (three base64url parts) so the az stand-in hands it over as the ARM token.
const ARM_TOKEN = 'eyJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuY29yZS53aW5kb3dzLm5ldC8ifQ.c2lnbmF0dXJlMTIz';
const PASSWORD = 'pw-Hostile-Test-9f3b2c1d';
const OPAQUE = 'opaque0token0that0is0not0a0jwt0a1b2c3d4e5f';
const ESC = '\u001b]0;owned\u0007\u001b[2J\u001b[31m';
// Headers cannot carry ESC, but a C1 CSI (0x9b) is a legal header byte that some terminals obey.
const C1 = '\u009b';

type Mode = 'denied' | 'foreign-realm' | 'http-realm' | 'opaque' | 'bad-redirect';
interface Seen {
  host: string;
  url: string;
  authorization: string | null;
  body: string;
}

let server: TestServer;
let mode: Mode = 'denied';
const seen: Seen[] = [];

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function handler(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.on('data', (d: Buffer) => (body += d.toString()));
  req.on('end', () => {
    seen.push({ host: String(req.headers.host ?? ''), url: req.url ?? '', authorization: req.headers.authorization ?? null, body });
    const url = req.url ?? '/';
    if (url === '/v2/') {
      if (mode === 'denied') {
        return json(res, 403, { errors: [{ code: 'DENIED', message: `client with IP '1.2.3.4 --subscription evil' is not allowed access ${ESC}` }] }, { 'x-note': `hi ${C1}2J` });
      }
      if (String(req.headers.host).startsWith(FOREIGN)) {
        return json(res, 401, {}, { 'www-authenticate': `Bearer realm="https://${FOREIGN}/oauth2/token",service="${FOREIGN}"` });
      }
      const realm = mode === 'foreign-realm' ? `https://${COLLECTOR}/token` : mode === 'http-realm' ? `http://${HOST}/token` : `https://${HOST}/token`;
      return json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }, { 'www-authenticate': `Bearer realm="${realm}",service="${HOST}"` });
    }
    if (url.startsWith('/token')) return json(res, 200, { token: OPAQUE, access_token: OPAQUE });
    if (mode === 'bad-redirect' && url.includes('/manifests/')) {
      const config = { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${'a'.repeat(64)}`, size: 2 };
      return json(res, 200, { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config, layers: [] }, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
    }
    if (mode === 'bad-redirect' && url.includes('/blobs/')) {
      res.writeHead(307, { location: 'https://[not-a-host/blob?sig=x' });
      return res.end();
    }
    // Anything under /v2/<repo>/: refuse, quoting the token it was given and an escape sequence.
    return json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: `token ${OPAQUE} and password ${PASSWORD} rejected ${ESC}` }] });
  });
}

let az: StandinDir;
beforeAll(async () => {
  server = await startHttps(handler, { names: [HOST, COLLECTOR, FOREIGN] });
  az = makeStandinAz({ kind: 'logged-in', armToken: ARM_TOKEN, acrToken: ARM_TOKEN, tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
});
afterAll(async () => {
  az?.remove();
  await server?.close();
});

const env = {
  AZURE_CLIENT_ID: undefined,
  AZURE_CLIENT_SECRET: undefined,
  AZURE_TENANT_ID: undefined,
  HTTPS_PROXY: undefined,
  https_proxy: undefined,
  HTTP_PROXY: undefined,
  http_proxy: undefined,
  AZURE_CONFIG_DIR: '/nonexistent-acr-doctor-test',
  ACR_DOCTOR_PASSWORD: PASSWORD,
};

function run(extra: string[]): Promise<CliRun> {
  return runCli(
    [
      'check',
      HOST,
      '--connect-to',
      `${HOST}:443:127.0.0.1:${server.port}`,
      '--connect-to',
      `${COLLECTOR}:443:127.0.0.1:${server.port}`,
      '--ca-file',
      server.caFile,
      '--skip',
      'environment,registry.cmk,registry.private-endpoint',
      '--timeout',
      '5',
      ...extra,
    ],
    { env },
  );
}

interface Check {
  id: string;
  status: string;
  code: string | null;
  summary: string;
  remediations: { id: string; command: string[] | null }[];
}

const checkOf = (r: CliRun, id: string): Check | undefined => (JSON.parse(r.stdout) as { checks: Check[] }).checks.find((c) => c.id === id);

function expectClean(r: CliRun): void {
  for (const text of [r.stdout, r.stderr]) {
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain(C1);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(OPAQUE);
    expect(text).not.toContain(Buffer.from(`${HOST.split('.')[0]}:${PASSWORD}`).toString('base64'));
  }
}

describe('a hostile registry', () => {
  it('cannot put options into the firewall remediation or escapes on the terminal', async () => {
    mode = 'denied';
    const asJson = await run(['--json', '--verbose']);
    const c = checkOf(asJson, 'registry.challenge')!;
    expect(c.code).toBe('CONNECTIVITY_FORBIDDEN_ERROR');
    const argv = c.remediations.flatMap((r) => r.command ?? []);
    expect(argv.join(' ')).not.toMatch(/--subscription|1\.2\.3\.4/);
    expect(c.remediations.map((r) => r.id)).not.toContain('allow-client-ip');
    expectClean(asJson);
    const plain = await run(['--verbose']);
    expect(plain.stdout).toContain('CONNECTIVITY_FORBIDDEN_ERROR');
    expectClean(plain);
  });

  it('does not get Basic credentials at a token endpoint on another host', async () => {
    mode = 'foreign-realm';
    seen.length = 0;
    const r = await run(['--json', '-u', 'evilreg1']);
    const c = checkOf(r, 'auth.access-token')!;
    expect(c.status).toBe('fail');
    expect(c.summary).toContain(COLLECTOR);
    expect(seen.filter((s) => s.host.startsWith(COLLECTOR))).toEqual([]);
    expect(seen.some((s) => s.authorization !== null)).toBe(false);
    expectClean(r);
  });

  it('does not get Basic credentials over plain http', async () => {
    mode = 'http-realm';
    seen.length = 0;
    const r = await run(['--json', '-u', 'evilreg1']);
    const c = checkOf(r, 'auth.access-token')!;
    expect(c.status).toBe('fail');
    expect(c.summary).toMatch(/http:\/\//);
    expect(seen.some((s) => s.authorization !== null)).toBe(false);
    expectClean(r);
  });

  it('never sees the opaque token it issued, or the password, echoed back in the report', async () => {
    mode = 'opaque';
    seen.length = 0;
    const r = await run(['--json', '-u', 'evilreg1', '--repository', 'app:1', '--verbose']);
    expect(checkOf(r, 'auth.access-token')?.status).toBe('pass');
    const pull = checkOf(r, 'repository.pull')!;
    expect(pull.status).toBe('fail');
    expect(pull.summary).toContain('[REDACTED]');
    // The token was really sent to the registry (so the test exercised the path).
    expect(seen.some((s) => s.authorization === `Bearer ${OPAQUE}`)).toBe(true);
    expectClean(r);
    const plain = await run(['-u', 'evilreg1', '--repository', 'app:1', '--verbose']);
    expectClean(plain);
  });

  it('is never sent the Azure AD token when it is not an Azure registry', async () => {
    seen.length = 0;
    const r = await runCli(
      ['check', FOREIGN, '--connect-to', `${FOREIGN}:443:127.0.0.1:${server.port}`, '--ca-file', server.caFile, '--auth', 'az', '--skip', 'environment', '--json', '--timeout', '5'],
      { env: { ...env, ACR_DOCTOR_PASSWORD: undefined, PATH: az.path, AZURE_CONFIG_DIR: az.dir } },
    );
    expect(checkOf(r, 'auth.credential')?.status).toBe('pass');
    const refresh = checkOf(r, 'auth.refresh-token')!;
    expect(refresh).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_REFRESH_TOKEN_ERROR' });
    expect(refresh.summary).toContain(FOREIGN);
    expect(seen.map((s) => s.url)).toEqual(['/v2/']);
    expect(seen.some((s) => s.body.includes(ARM_TOKEN) || s.authorization !== null)).toBe(false);
    expect(r.stdout + r.stderr).not.toContain(ARM_TOKEN);
  });

  it('reports a redirect to something that is not a URL as a finding, not a crash', async () => {
    mode = 'bad-redirect';
    const r = await run(['--json', '--auth', 'anonymous', '--repository', 'app:1']);
    const pull = checkOf(r, 'repository.pull')!;
    expect(pull).toMatchObject({ status: 'fail', code: 'REPOSITORY_PULL_ERROR' });
    expect(pull.summary).toMatch(/Location/);
  });
});
