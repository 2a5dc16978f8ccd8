import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { ROOT, runCli } from '../support/tools.js';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
});

const PY_FIREWALL = `Traceback (most recent call last):
  File "/home/ana/push.py", line 9, in <module>
    client.upload_blob(data)
azure.core.exceptions.HttpResponseError: (DENIED) client with IP '198.51.100.23' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.
Code: DENIED
Message: client with IP '198.51.100.23' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.
`;

describe('acr-doctor explain (built binary)', () => {
  it('explains a bare code from the arguments', async () => {
    const r = await runCli(['explain', 'CONNECTIVITY_DNS_ERROR']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("The registry's name does not resolve");
    expect(r.stdout).toContain('https://aka.ms/acr/errors#connectivity_dns_error');
    expect(r.stderr).toBe('');
  });

  it('reads a paste from stdin, colours and CRLF included', async () => {
    const input = `\x1b[31m${PY_FIREWALL.replace(/\n/g, '\r\n')}\x1b[0m`;
    const r = await runCli(['explain', '-n', 'contosoacr'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CONNECTIVITY_FORBIDDEN_ERROR');
    expect(r.stdout).toContain('$ az acr network-rule add --name contosoacr --ip-address 198.51.100.23');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('prints the contract JSON with --json and nothing else on stdout', async () => {
    const r = await runCli(['explain', '--json'], { input: PY_FIREWALL });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.matches.map((m: { code: string }) => m.code)).toEqual(['CONNECTIVITY_FORBIDDEN_ERROR']);
    for (const m of doc.matches) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['code', 'title', 'explanation', 'evidence', 'remediations']));
      for (const rem of m.remediations) {
        expect(rem.command === null || (Array.isArray(rem.command) && rem.command.every((a: unknown) => typeof a === 'string'))).toBe(true);
        expect(typeof rem.changes).toBe('boolean');
      }
    }
  });

  it('exits 1 with a hint on stderr when nothing is recognised', async () => {
    const r = await runCli(['explain'], { input: 'Login Succeeded\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/No known error found/);
    expect(r.stderr).toMatch(/check-health/);
  });

  it('answers in Swedish with --lang sv and with LANG=sv_SE.UTF-8', async () => {
    const a = await runCli(['explain', '--lang', 'sv'], { input: PY_FIREWALL });
    const b = await runCli(['explain'], { input: PY_FIREWALL, env: { LANG: 'sv_SE.UTF-8', LC_ALL: undefined } });
    for (const r of [a, b]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Registrets brandvägg stoppar den här klienten');
      expect(r.stdout).toContain('Det här kan du göra');
    }
    const none = await runCli(['explain', '--lang', 'sv', 'inget fel här']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Hittade inget känt fel');
  });

  it('caps a huge paste and still explains what is at its start', async () => {
    const input = `Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": net/http: TLS handshake timeout\n${'x'.repeat(600 * 1024)}\n`;
    const r = await runCli(['explain', '--json'], { input });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).matches[0].code).toBe('TLS_HANDSHAKE_TIMEOUT');
    expect(r.stderr).toContain('KiB');
  });
});
