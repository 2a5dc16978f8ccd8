import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked, type Tokens } from 'marked';
import { ROOT, runCli } from '../support/tools.js';
import { leaks, SEED } from '../transcript/fixture.js';

let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(join(tmpdir(), 'acr-doctor-e2e-transcript-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// The environment a leak would come from: every secret the tool can read, plus a proxy with a password.
const seededEnv = {
  ACR_DOCTOR_PASSWORD: SEED.password,
  AZURE_CLIENT_SECRET: SEED.clientSecret,
  AZURE_CLIENT_ID: '00000000-0000-0000-0000-00000000c1d0',
  AZURE_TENANT_ID: '00000000-0000-0000-0000-00000000te00',
  HTTPS_PROXY: `http://proxyuser:${SEED.proxyPassword}@127.0.0.1:9`,
  NO_PROXY: '',
  CI: '1',
};

/** Credential shapes that must only ever appear as [REDACTED]. */
function unredacted(text: string): string[] {
  const found: string[] = [];
  for (const re of [
    /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\./g,
    /\b(?:Bearer|Basic)\s+(?!\[REDACTED\]|realm=)[A-Za-z0-9+/._~-]{12,}=*/g,
    /"(?:access_?token|refresh_?token|accessToken|refreshToken|password|client_?secret)"\s*:\s*"(?!\[REDACTED\])[^"]+"/gi,
    /\b(?:client_secret|refresh_token|access_token|password|sig)=(?!\[REDACTED\])[^&\s"]+/g,
  ]) {
    found.push(...(text.match(re) ?? []));
  }
  return found;
}

describe('check --export through the real binary', () => {
  it('writes a transcript that holds no secret, and so do stdout and stderr; replay shows the same checks', async () => {
    const file = join(dir, 'basic.json');
    const r = await runCli(
      ['check', '127.0.0.1:1', '--skip', 'environment', '-u', 'admin', '--auth', 'basic', '--repository', 'hello:latest', '--verbose', '--timeout', '3', '--export', file],
      { env: seededEnv, cwd: dir },
    );
    expect(r.code).toBe(1);
    const written = readFileSync(file, 'utf8');
    for (const [name, text] of [['stdout', r.stdout], ['stderr', r.stderr], ['json', written]] as const) {
      expect(leaks(text), name).toEqual([]);
      expect(unredacted(text), name).toEqual([]);
    }
    expect(r.stderr).toContain(`Transcript written to ${file}`);
    const doc = JSON.parse(written);
    expect(doc.kind).toBe('acr-doctor-transcript');
    expect(doc.session).toMatchObject({ mode: 'check', proxy: 'http://127.0.0.1:9' });

    const replay = await runCli(['replay', file], { env: { CI: '1' }, cwd: dir });
    expect(replay.code).toBe(0);
    expect(replay.stderr).toBe('');
    // The plain report part of replay is the check's own report, line for line.
    const reportLines = r.stdout.trimEnd().split('\n');
    const replayLines = replay.stdout.split('\n');
    expect(replayLines.slice(2, 2 + reportLines.length)).toEqual(reportLines);
    expect(replay.stdout).toContain('No fix was run in this session.');
  });

  it('scrubs a password given on stdin from every output', async () => {
    const file = join(dir, 'stdin.md');
    const password = 'StdinSeedPw-41xQ';
    const r = await runCli(
      ['check', '127.0.0.1:1', '--skip', 'environment', '-u', 'admin', '--password-stdin', '--verbose', '--timeout', '3', '--export', file],
      { env: { CI: '1' }, cwd: dir, input: `${password}\n` },
    );
    expect(r.code).toBe(1);
    for (const text of [r.stdout, r.stderr, readFileSync(file, 'utf8')]) expect(text).not.toContain(password);
  });

  it('refuses an existing export file with exit 2 before running anything, and leaves it alone', async () => {
    const file = join(dir, 'exists.json');
    writeFileSync(file, 'precious');
    const r = await runCli(['check', '--export', file], { env: { CI: '1' }, cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });

  it('refuses an export into a folder that does not exist with exit 2 and runs nothing', async () => {
    const r = await runCli(['check', '--export', join(dir, 'no', 'such', 'x.md')], { env: { CI: '1' }, cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/does not exist/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});

describe('demo --export through the real binary', () => {
  it('writes a Markdown ticket whose table and Mermaid chain show the firewall failure', async () => {
    const file = join(dir, 'firewall.md');
    const r = await runCli(['demo', 'firewall', '--export', file], { env: { CI: '1' }, cwd: dir });
    expect(r.code).toBe(1);
    const md = readFileSync(file, 'utf8');
    const tokens = [...marked.lexer(md)] as Tokens.Generic[];
    const tables = tokens.filter((t) => t.type === 'table') as Tokens.Table[];
    expect(tables).toHaveLength(2);
    const row = tables[1]!.rows.find((cells) => cells[2]!.text === 'registry.challenge')!;
    expect(row[0]!.text).toContain('failed');
    expect(row[3]!.text).toBe('CONNECTIVITY\\_FORBIDDEN\\_ERROR');
    const mermaid = (tokens.filter((t) => t.type === 'code') as Tokens.Code[]).find((c) => c.lang === 'mermaid')!;
    const node = mermaid.text.split('\n').find((l) => l.includes('<br/>registry.challenge<br/>'))!.trim().split('[')[0]!;
    expect(mermaid.text).toMatch(new RegExp(`\\n\\s*class (?:[\\w,]+,)?${node}(?:,[\\w,]+)? fail\\n`));
    expect(unredacted(md)).toEqual([]);
  });

  it('keeps the simulator\'s real tokens and client secret out of a verbose env-auth session', async () => {
    const file = join(dir, 'healthy.json');
    const r = await runCli(['demo', 'healthy', '--auth', 'env', '--verbose', '--export', file], { env: { CI: '1' }, cwd: dir });
    expect(r.code).toBe(0);
    // The verbose log shows the exchanges, with credentials scrubbed.
    expect(r.stderr).toMatch(/authorization: \S*\[REDACTED\]/i);
    const json = readFileSync(file, 'utf8');
    for (const [name, text] of [['stdout', r.stdout], ['stderr', r.stderr], ['json', json]] as const) {
      expect(unredacted(text), name).toEqual([]);
    }
    expect(readdirSync(dir)).toContain('healthy.json');
  });
});

describe('replay through the real binary', () => {
  it('exits 2 with one sentence and no stack trace for a file that is not a transcript', async () => {
    const file = join(dir, 'garbage.json');
    writeFileSync(file, '{"schemaVersion":1,"tool":{"name":"acr-doctor"},"checks":[]}');
    const r = await runCli(['replay', file], { env: { CI: '1' }, cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/check report without the session's events/);
  });
});
