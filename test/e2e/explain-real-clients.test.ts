import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, dockerDaemonUp, hasCommand, requireTool, runCli } from '../support/tools.js';
import { hasDistribution, startDistribution, type Distribution } from '../support/distribution.js';

/** Runs a real client and returns what it printed (both streams), whatever its exit code. */
function capture(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {}): Promise<string> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { env: opts.env ?? process.env, timeout: opts.timeout ?? 60_000 }, (_err, stdout, stderr) => resolve(`${stdout}${stderr}`));
    child.stdin?.end(opts.input ?? '');
  });
}

async function explainCodes(text: string): Promise<string[]> {
  const r = await runCli(['explain', '--json'], { input: text });
  return (JSON.parse(r.stdout) as { matches: { code: string }[] }).matches.map((m) => m.code);
}

const haveDocker = requireTool(hasCommand('docker'), 'docker CLI');
const haveRegistry = requireTool(haveDocker && hasDistribution() && dockerDaemonUp(), 'docker-registry with a running docker daemon');
const haveAz = requireTool(hasCommand('az'), 'Azure CLI');

let tmp = '';
let dist: Distribution | null = null;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  tmp = mkdtempSync(join(tmpdir(), 'acr-doctor-explain-'));
  if (haveRegistry) dist = await startDistribution({ htpasswd: { username: 'tester', password: 'right-password-1' } });
}, 60_000);

afterAll(async () => {
  await dist?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('explain reads what real clients print', () => {
  it.skipIf(!haveDocker)('docker with no daemon behind DOCKER_HOST', async () => {
    const out = await capture('docker', ['version'], { env: { ...process.env, DOCKER_HOST: `unix://${join(tmp, 'no-daemon.sock')}` } });
    expect(out).toMatch(/daemon/i);
    expect(await explainCodes(out)).toEqual(['DOCKER_DAEMON_ERROR']);
  });

  it.skipIf(!haveRegistry)('docker login with a wrong password, then a pull without credentials, in order', async () => {
    const env = { ...process.env, DOCKER_CONFIG: join(tmp, 'docker-config') };
    const login = await capture('docker', ['login', dist!.loginServer, '-u', 'tester', '--password-stdin'], { env, input: 'wrong-password' });
    const pull = await capture('docker', ['pull', `${dist!.loginServer}/acr-doctor/missing:1`], { env });
    expect(await explainCodes(`$ docker login\n${login}\n$ docker pull\n${pull}`)).toEqual(['BASIC_CREDENTIALS_ERROR', 'AUTHENTICATION_REQUIRED']);
  });

  it.skipIf(!haveAz)('the Azure CLI when nobody is signed in', async () => {
    const env = { ...process.env, AZURE_CONFIG_DIR: join(tmp, 'az-config'), AZURE_CORE_COLLECT_TELEMETRY: 'false' };
    const out = await capture('az', ['account', 'get-access-token', '--output', 'json'], { env });
    expect(out).toMatch(/az login/);
    expect(await explainCodes(out)).toEqual(['AAD_TOKEN_ERROR']);
  });
});
