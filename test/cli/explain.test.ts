import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

/** Runs the CLI in-process with captured streams. */
async function run(argv: string[], opts: { stdin?: string; env?: Record<string, string>; tty?: boolean } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const stdin = Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]) as Readable & { isTTY?: boolean };
  if (opts.tty) stdin.isTTY = true;
  const io: CliIO = { stdout, stderr, stdin, env: { NO_COLOR: '1', ...opts.env }, cwd: process.cwd(), platform: process.platform };
  const code = await main(['explain', ...argv], io);
  return { code, stdout: out, stderr: err };
}

const GO_FIREWALL = `GET https://contosoacr.azurecr.io/acr/v1/_catalog
--------------------------------------------------------------------------------
RESPONSE 403: 403 Forbidden
ERROR CODE: DENIED
--------------------------------------------------------------------------------
{
  "errors": [
    {
      "code": "DENIED",
      "message": "client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."
    }
  ]
}
--------------------------------------------------------------------------------`;

describe('acr-doctor explain (in process)', () => {
  it('explains a bare code given as an argument', async () => {
    const r = await run(['CONNECTIVITY_SSL_ERROR']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CONNECTIVITY_SSL_ERROR');
    expect(r.stdout).toContain('No secure connection to the registry');
    expect(r.stdout).toContain('https://aka.ms/acr/errors#connectivity_ssl_error');
  });

  it('joins several arguments into one text (an unquoted paste)', async () => {
    const r = await run(['denied:', 'requested', 'access', 'to', 'the', 'resource', 'is', 'denied']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('REQUESTED_ACCESS_DENIED');
  });

  it('reads a multi-line paste from stdin and fills the fix with the registry and IP', async () => {
    const r = await run([], { stdin: GO_FIREWALL.replace(/\n/g, '\r\n') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ az acr network-rule add --name contosoacr --ip-address 203.0.113.7');
    expect(r.stdout).toMatch(/1\. Show the registry's network rules/);
  });

  it("reads stdin for '-' too", async () => {
    const r = await run(['-'], { stdin: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('DOCKER_DAEMON_ERROR');
  });

  it('tells a person at a terminal how to finish the paste', async () => {
    const r = await run([], { stdin: 'CMK_ERROR', tty: true });
    expect(r.stderr).toContain('Ctrl-D');
    expect(r.code).toBe(0);
  });

  it('exits 1 with a hint when nothing is recognised', async () => {
    const r = await run(['all', 'good', 'here']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No known error found');
    expect(r.stderr).toContain('HttpResponseError');
  });

  it('prints only the JSON document with --json', async () => {
    const r = await run(['--json'], { stdin: GO_FIREWALL });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'matches']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.matches).toHaveLength(1);
    const m = doc.matches[0];
    expect(m).toMatchObject({ code: 'CONNECTIVITY_FORBIDDEN_ERROR', evidence: { status: 403, registry: 'contosoacr', clientIp: '203.0.113.7', client: 'go' } });
    expect(typeof m.title).toBe('string');
    expect(typeof m.explanation).toBe('string');
    const allow = m.remediations.find((x: { id: string }) => x.id === 'allow-client-ip');
    expect(allow).toMatchObject({ command: ['az', 'acr', 'network-rule', 'add', '--name', 'contosoacr', '--ip-address', '203.0.113.7'], changes: true });
  });

  it('prints an empty match list with --json and exits 1 when nothing is recognised', async () => {
    const r = await run(['--json', 'nothing to see']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ schemaVersion: 1, matches: [] });
  });

  it('answers in Swedish with --lang sv and with LANG=sv_SE.UTF-8', async () => {
    const a = await run(['--lang', 'sv', 'CONNECTIVITY_FORBIDDEN_ERROR']);
    const b = await run(['CONNECTIVITY_FORBIDDEN_ERROR'], { env: { LANG: 'sv_SE.UTF-8' } });
    for (const r of [a, b]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Registrets brandvägg stoppar den här klienten');
      expect(r.stdout).toContain('Troliga orsaker');
    }
  });

  it('uses -n as the registry when the text does not name one', async () => {
    const r = await run(['-n', 'contosoacr', 'arm aad token disallowed']);
    expect(r.stdout).toContain('$ az acr config authentication-as-arm show --registry contosoacr');
  });

  it('explains each error once, in the order they appear', async () => {
    const paste = ['x509: certificate signed by unknown authority', 'An error occurred: CONNECTIVITY_DNS_ERROR', 'x509: certificate signed by unknown authority'].join('\n');
    const r = await run(['--json'], { stdin: paste });
    expect(JSON.parse(r.stdout).matches.map((m: { code: string }) => m.code)).toEqual(['X509_UNKNOWN_AUTHORITY', 'CONNECTIVITY_DNS_ERROR']);
  });

  it('never repeats a token from the paste in its output', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJlLXZhbHVl';
    const r = await run(['--json'], { stdin: `GET /v2/ with token ${jwt} and header Authorization: Bearer ${jwt} -> unauthorized: authentication required` });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(jwt);
  });
});
