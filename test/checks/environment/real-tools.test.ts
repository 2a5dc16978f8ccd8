import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StandIns, runEnvironment } from './stand-ins.js';
import { dockerDaemonUp, hasCommand, requireTool } from '../../support/tools.js';
import { freePort, hasDistribution, startDistribution, type Distribution } from '../../support/distribution.js';

const hasDocker = hasCommand('docker');
const daemonUp = hasDocker && dockerDaemonUp();
const canPull = daemonUp && hasDistribution();
const env = (extra: Record<string, string> = {}) => ({ ...process.env, ...extra });
const dockerOnly = { skip: ['helm.command', 'notary.command', 'az.version'] };

function docker(args: string[]): { status: number | null; out: string } {
  const r = spawnSync('docker', args, { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the real docker CLI', () => {
  it.skipIf(!requireTool(hasDocker, 'the docker CLI'))('with DOCKER_HOST at a dead socket: DOCKER_DAEMON_ERROR, not a command error', async () => {
    const r = await runEnvironment(env({ DOCKER_HOST: 'unix:///tmp/acr-doctor-nonexistent.sock' }), { options: dockerOnly });
    expect(r.byId('docker.command').status).toBe('pass');
    const d = r.byId('docker.daemon');
    expect(d).toMatchObject({ status: 'fail', code: 'DOCKER_DAEMON_ERROR', details: { problem: 'host-unreachable' } });
    expect(d.summary).toContain('unix:///tmp/acr-doctor-nonexistent.sock');
    expect(r.byId('docker.version')).toMatchObject({ status: 'skip', blockedBy: 'docker.daemon' });
  });

  it.skipIf(!requireTool(hasDocker, 'the docker CLI'))('with DOCKER_CONTEXT naming no context: the context is named', async () => {
    const r = await runEnvironment(env({ DOCKER_CONTEXT: 'acr-doctor-no-such-context' }), { options: dockerOnly });
    const d = r.byId('docker.daemon');
    expect(d).toMatchObject({ status: 'fail', code: 'DOCKER_DAEMON_ERROR', details: { problem: 'context-missing' } });
    expect(d.summary).toContain('"acr-doctor-no-such-context"');
  });

  it.skipIf(!requireTool(daemonUp, 'a running Docker daemon'))('with the running daemon: daemon and versions pass', async () => {
    const server = docker(['version', '--format', '{{.Server.Version}}']).out.trim();
    const r = await runEnvironment(env(), { options: dockerOnly });
    expect(r.byId('docker.daemon').status).toBe('pass');
    const v = r.byId('docker.version');
    expect(v.status).toBe('pass');
    expect(v.details).toMatchObject({ server: { version: server } });
    expect(v.summary).toContain(server);
  });
});

describe('the real docker CLI and daemon without a common API version', () => {
  it.skipIf(!requireTool(daemonUp, 'a running Docker daemon'))('DOCKER_API_VERSION forcing a too-new API: told apart, with the variable named', async () => {
    const r = await runEnvironment(env({ DOCKER_API_VERSION: '1.99' }), { options: dockerOnly });
    const d = r.byId('docker.daemon');
    expect(d).toMatchObject({ status: 'fail', code: 'DOCKER_DAEMON_ERROR', details: { problem: 'api-version' } });
    expect(d.summary).toContain('1.99');
    expect(d.remediations[0]).toMatchObject({ id: 'unset-api-version', command: null });
  });
});

describe('the real docker CLI as a user outside the docker group', () => {
  // runuser (root only) runs the real CLI as "nobody", who may not open the root:docker socket.
  const asNobody = daemonUp && process.getuid?.() === 0 && hasCommand('runuser');
  it.skipIf(!requireTool(asNobody, 'root with runuser and a running Docker daemon'))(
    'permission denied on the real socket: the docker group remediation for $USER',
    async () => {
      const which = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
      const [dockerPath, runuser] = [which('docker'), which('runuser')];
      const bin = new StandIns();
      const home = mkdtempSync(join(tmpdir(), 'acr-doctor-home-'));
      try {
        writeFileSync(join(bin.dir, 'docker'), `#!/bin/sh\nexec ${runuser} -u nobody -- ${dockerPath} "$@"\n`, { mode: 0o755 });
        const r = await runEnvironment({ PATH: `${bin.dir}:/usr/bin:/bin`, HOME: home, USER: 'nobody' }, { options: dockerOnly });
        const d = r.byId('docker.daemon');
        expect(d).toMatchObject({ status: 'fail', code: 'DOCKER_DAEMON_ERROR', details: { problem: 'permission' } });
        expect(d.remediations[0]!.command).toEqual(['sudo', 'usermod', '-aG', 'docker', 'nobody']);
      } finally {
        bin.cleanup();
        rmSync(home, { recursive: true, force: true });
      }
    },
  );
});

describe('a real docker pull from a Distribution registry on 127.0.0.1', () => {
  let registry: Distribution | undefined;
  let dir: string | undefined;
  let image = '';

  beforeAll(async () => {
    if (!canPull) return;
    registry = await startDistribution();
    dir = mkdtempSync(join(tmpdir(), 'acr-doctor-image-'));
    writeFileSync(join(dir, 'hello.txt'), 'acr-doctor test image\n');
    // A one-file image made without the internet: tar → docker import → push → remove locally.
    spawnSync('tar', ['-C', dir, '-cf', join(dir, 'tiny.tar'), 'hello.txt']);
    image = `${registry.loginServer}/acr-doctor-test/tiny:1`;
    for (const args of [['import', join(dir, 'tiny.tar'), image], ['push', image], ['rmi', image]]) {
      const r = docker(args);
      if (r.status !== 0) throw new Error(`docker ${args.join(' ')} failed: ${r.out}`);
    }
  });

  afterAll(async () => {
    if (image) docker(['rmi', '--force', image]);
    await registry?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!requireTool(canPull, 'a running Docker daemon and /usr/bin/docker-registry'))('pulls the image with --yes', async () => {
    const r = await runEnvironment(env(), { options: { ...dockerOnly, yes: true, pullImage: image } });
    const p = r.byId('docker.pull');
    expect(p).toMatchObject({ status: 'pass', details: { command: ['docker', 'pull', image], exitCode: 0, registry: registry!.loginServer } });
    expect(p.details.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(docker(['image', 'inspect', image]).status).toBe(0);
  });

  it.skipIf(!requireTool(canPull, 'a running Docker daemon and /usr/bin/docker-registry'))('a missing tag is DOCKER_PULL_ERROR classified as not found', async () => {
    const missing = `${registry!.loginServer}/acr-doctor-test/tiny:missing`;
    const r = await runEnvironment(env(), { options: { ...dockerOnly, yes: true, pullImage: missing } });
    const p = r.byId('docker.pull');
    expect(p).toMatchObject({ status: 'fail', code: 'DOCKER_PULL_ERROR', details: { problem: 'not-found', exitCode: 1 } });
    expect(p.summary).toContain(missing);
    expect((p.details.stderr as string[])[0]).toMatch(/manifest unknown/);
  });
});

describe('a real docker pull from a registry that needs a login', () => {
  let registry: Distribution | undefined;
  beforeAll(async () => {
    if (canPull) registry = await startDistribution({ htpasswd: { username: 'tester', password: 'not-a-real-secret' } });
  });
  afterAll(async () => {
    await registry?.close();
  });

  it.skipIf(!requireTool(canPull, 'a running Docker daemon and /usr/bin/docker-registry'))('unauthorized: DOCKER_PULL_ERROR with docker login for that registry', async () => {
    const image = `${registry!.loginServer}/acr-doctor-test/private:1`;
    const r = await runEnvironment(env(), { options: { ...dockerOnly, yes: true, pullImage: image } });
    const p = r.byId('docker.pull');
    expect(p).toMatchObject({ status: 'fail', code: 'DOCKER_PULL_ERROR', details: { problem: 'unauthorized' } });
    expect(p.remediations[0]!.command).toEqual(['docker', 'login', registry!.loginServer]);
  });
});

describe('a real docker pull from a port where nothing listens', () => {
  it.skipIf(!requireTool(daemonUp, 'a running Docker daemon'))('connection refused: DOCKER_PULL_ERROR naming the registry', async () => {
    const host = `127.0.0.1:${await freePort()}`;
    const r = await runEnvironment(env(), { options: { ...dockerOnly, yes: true, pullImage: `${host}/acr-doctor-test/tiny:1` } });
    const p = r.byId('docker.pull');
    expect(p).toMatchObject({ status: 'fail', code: 'DOCKER_PULL_ERROR', details: { problem: 'refused', registry: host } });
    expect(p.summary).toContain(host);
  });
});

describe('the real notary and az', () => {
  const hasNotary = hasCommand('notary');
  it.skipIf(!requireTool(hasNotary, 'notary'))('notary runs; an empty Version line is reported as unknown, a real one as the version', async () => {
    const raw = spawnSync('notary', ['version'], { encoding: 'utf8' }).stdout;
    const r = await runEnvironment(env(), { options: { skip: ['docker.command', 'helm.command', 'az.version'] } });
    expect(r.byId('notary.command').status).toBe('pass');
    const v = r.byId('notary.version');
    if (/^\s*Version:\s*$/m.test(raw)) {
      expect(v).toMatchObject({ status: 'warn', code: 'NOTARY_VERSION_ERROR' });
      expect(v.summary).not.toContain('Git commit');
    } else {
      expect(v.status).toBe('pass');
    }
  });

  it.skipIf(!requireTool(hasCommand('az'), 'the Azure CLI (az)'))('az version passes with the installed azure-cli version', async () => {
    const r = await runEnvironment(env(), { options: { skip: ['docker.command', 'helm.command', 'notary.command'] } });
    const a = r.byId('az.version');
    expect(a).toMatchObject({ status: 'pass', details: { azureCli: expect.stringMatching(/^\d+\.\d+\.\d+$/) } });
    expect(a.summary).toContain(a.details.azureCli as string);
  });
});
