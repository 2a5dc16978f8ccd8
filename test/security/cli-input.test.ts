import { describe, expect, it } from 'vitest';
import { runCli } from '../support/tools.js';

describe('--password-stdin', () => {
  it('refuses a flood on standard input as a usage error, without echoing it', async () => {
    const flood = `flood-${'A'.repeat(70 * 1024)}`;
    const r = await runCli(['check', '127.0.0.1:1', '-u', 'admin', '--password-stdin', '--skip', 'environment', '--timeout', '2'], {
      input: flood,
      env: { ACR_DOCTOR_PASSWORD: undefined },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/KiB/);
    expect(r.stdout + r.stderr).not.toContain('flood-AAAA');
  });

  it('still takes an ordinary password from a pipe', async () => {
    const r = await runCli(['check', '127.0.0.1:1', '-u', 'admin', '--password-stdin', '--skip', 'environment', '--timeout', '2', '--json'], {
      input: 'a-normal-password-123\n',
      env: { ACR_DOCTOR_PASSWORD: undefined },
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).checks.find((c: { id: string }) => c.id === 'auth.credential').status).toBe('pass');
    expect(r.stdout + r.stderr).not.toContain('a-normal-password-123');
  });
});

describe('explain with a pasted secret', () => {
  const paste = [
    "RestError: client with IP '203.0.113.9' is not allowed access. \u001b]0;owned\u0007\u001b[31mred\u001b[0m",
    'Request: GET https://myreg.azurecr.io/v2/app/blobs/sha256:abc?sv=2020-10-02&sig=PastedSasSignature0123456789%3D',
    'Authorization: Bearer pastedOpaqueToken0123456789abcdef',
    'password=PastedPassword0123',
    'Status code 403',
  ].join('\n');
  const secrets = ['PastedSasSignature0123456789', 'pastedOpaqueToken0123456789abcdef', 'PastedPassword0123'];

  it('recognises the error but echoes no secret and no escape sequence, in plain text or JSON', async () => {
    for (const args of [['explain'], ['explain', '--json']]) {
      const r = await runCli(args, { input: paste });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('CONNECTIVITY_FORBIDDEN_ERROR');
      for (const s of secrets) expect(r.stdout + r.stderr).not.toContain(s);
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stdout).not.toContain('\u0007');
    }
  });
});
