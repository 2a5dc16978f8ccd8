import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, dockerDaemonUp, hasCommand, requireTool, runCli } from '../support/tools.js';
import { hasDistribution, startDistribution, type Distribution } from '../support/distribution.js';

/** The real Distribution registry, with an image pushed by the real docker CLI, over Basic auth. */
const available = requireTool(hasDistribution() && hasCommand('docker') && dockerDaemonUp(), 'docker-registry with a running docker daemon');

const USER = 'tester';
const PASSWORD = `pw-${Math.random().toString(36).slice(2)}-Secret`;
const run = promisify(execFile);

let dist: Distribution | null = null;
let tmp = '';
let image = '';

interface Check {
  id: string;
  status: string;
  code: string | null;
  summary: string;
  details: Record<string, unknown>;
}

beforeAll(async () => {
  if (!available) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  dist = await startDistribution({ tls: true, htpasswd: { username: USER, password: PASSWORD } });
  tmp = mkdtempSync(join(tmpdir(), 'acr-doctor-dist-e2e-'));
  // A tiny image built offline: one small file imported as a single layer.
  mkdirSync(join(tmp, 'root'));
  writeFileSync(join(tmp, 'root', 'hello.txt'), 'hello from acr-doctor\n');
  execFileSync('tar', ['-C', join(tmp, 'root'), '-cf', join(tmp, 'tiny.tar'), '.']);
  image = `${dist.loginServer}/acr-doctor/tiny:1`;
  const env = { ...process.env, DOCKER_CONFIG: join(tmp, 'docker') };
  await run('docker', ['import', join(tmp, 'tiny.tar'), image], { env, timeout: 60_000 });
  const login = execFile('docker', ['login', dist.loginServer, '-u', USER, '--password-stdin'], { env, timeout: 60_000 });
  login.stdin?.end(PASSWORD);
  await new Promise<void>((resolve, reject) => login.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`docker login exited ${code}`)))));
  await run('docker', ['push', image], { env, timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  if (image) await run('docker', ['rmi', image]).catch(() => undefined);
  await dist?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** HEAD on the test registry, trusting its self-signed certificate. */
function headStatus(path: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(`${dist!.url}${path}`, {
      method: 'HEAD',
      ca: readFileSync(dist!.caFile!),
      headers: { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` },
      timeout: 5000,
    }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
    req.end();
  });
}

async function doctor(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; byId: Map<string, Check> }> {
  const r = await runCli(['check', dist!.loginServer, '--auth', 'basic', '-u', USER, '--ca-file', dist!.caFile!, '--skip', 'environment', '--json', ...args], {
    env: { ACR_DOCTOR_PASSWORD: PASSWORD },
  });
  const checks = (JSON.parse(r.stdout) as { checks: Check[] }).checks;
  return { ...r, byId: new Map(checks.map((c) => [c.id, c])) };
}

describe('repository checks against a real Distribution registry', () => {
  it.skipIf(!available)('pulls the docker-pushed image (blob served directly) and pushes a test blob over Basic auth', async () => {
    const r = await doctor(['--repository', 'acr-doctor/tiny:1', '--push', '--yes', '--verbose']);
    const pull = r.byId.get('repository.pull')!;
    expect(pull.status).toBe('pass');
    expect(pull.details).toMatchObject({ servedBy: 'login-server', digestVerified: true, mediaType: 'application/vnd.docker.distribution.manifest.v2+json' });
    expect(r.byId.get('repository.data-endpoint')).toMatchObject({ status: 'skip' });
    expect(r.byId.get('repository.data-endpoint')!.summary).toMatch(/no separate data endpoint/);
    const push = r.byId.get('repository.push')!;
    expect(push.status).toBe('pass');
    expect(push.details).toMatchObject({ attempts: 1 });
    // The pushed blob really is in the registry.
    const digest = String(push.details.digest);
    expect(await headStatus(`/v2/acr-doctor/tiny/blobs/${digest}`)).toBe(200);
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
    }
  });

  it.skipIf(!available)('names the missing repository and tag as Distribution reports them', async () => {
    const repo = await doctor(['--repository', 'acr-doctor/absent:1']);
    expect(repo.byId.get('repository.pull')).toMatchObject({ status: 'fail', code: 'REPOSITORY_NOT_FOUND' });
    expect(repo.byId.get('repository.pull')!.summary).toContain('acr-doctor/absent');
    const tag = await doctor(['--repository', 'acr-doctor/tiny:2']);
    expect(tag.byId.get('repository.pull')).toMatchObject({ status: 'fail', code: 'REPOSITORY_NOT_FOUND' });
    expect(tag.byId.get('repository.pull')!.summary).toContain('2');
  });
});
