import { afterEach, describe, expect, it } from 'vitest';
import { StandIns, runEnvironment } from './stand-ins.js';
import { dockerPull } from '../../../src/checks/environment/docker-pull.js';
import { makeOptions } from '../../support/options.js';

const VERSION = { stdout: 'Docker version 28.2.2, build e6534b4' };
const CLIENT = '"Client":{"Version":"28.2.2","ApiVersion":"1.50","Os":"linux","Arch":"amd64","Context":"default"}';
const UP = { stdout: `{${CLIENT},"Server":{"Platform":{"Name":"Docker Engine - Community"},"Version":"27.3.1","ApiVersion":"1.47","Os":"linux","Arch":"amd64"}}` };
const down = (stderr: string) => ({ stdout: `{${CLIENT},"Server":null}`, stderr, exit: 1 });
const NOT_RUNNING = down('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');
const PERMISSION = down(
  'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.50/version": dial unix /var/run/docker.sock: connect: permission denied',
);
const PULLED = {
  stdout:
    'latest: Pulling from mcr/hello-world\n2db29710123e: Pull complete\nDigest: sha256:2498fce14358aa50ead0cc6c19990fc6ff866ce72aeb5546e1d59caac3d0d60f\nStatus: Downloaded newer image for mcr.microsoft.com/mcr/hello-world:latest\nmcr.microsoft.com/mcr/hello-world:latest',
};

let bin: StandIns;
afterEach(() => bin?.cleanup());

function docker(version: object, pull: object = PULLED): StandIns {
  bin = new StandIns().add('docker', [
    ['--version', VERSION],
    ['version', version],
    ['pull', pull],
  ]);
  return bin;
}

describe('docker.command', () => {
  it('a missing docker is a warning that skips the daemon, version and pull checks', async () => {
    bin = new StandIns();
    const r = await runEnvironment({ PATH: bin.dir });
    expect(r.byId('docker.command')).toMatchObject({ status: 'warn', code: 'DOCKER_COMMAND_ERROR' });
    expect(r.byId('docker.command').remediations.length).toBeGreaterThan(0);
    for (const id of ['docker.daemon', 'docker.version', 'docker.pull']) {
      expect(r.byId(id)).toMatchObject({ status: 'skip', blockedBy: id === 'docker.daemon' ? 'docker.command' : 'docker.daemon' });
    }
  });

  it('an installed docker that cannot run is a failure with its stderr as evidence', async () => {
    bin = new StandIns().add('docker', [
      ['*', { stderr: 'docker: error while loading shared libraries: libseccomp.so.2: cannot open shared object file: No such file or directory', exit: 127 }],
    ]);
    const r = await runEnvironment({ PATH: bin.dir });
    const c = r.byId('docker.command');
    expect(c).toMatchObject({ status: 'fail', code: 'DOCKER_COMMAND_ERROR' });
    expect(c.summary).toContain('libseccomp.so.2');
    expect(c.details).toMatchObject({ command: ['docker', '--version'], exitCode: 127 });
    expect(c.remediations.length).toBeGreaterThan(0);
  });

  it('uses DOCKER_COMMAND (podman) for every docker check; a daemonless podman passes', async () => {
    bin = new StandIns().add('podman', [
      ['--version', { stdout: 'podman version 4.3.1' }],
      ['version', { stdout: '{"Client":{"APIVersion":"4.3.1","Version":"4.3.1","GoVersion":"go1.19.8","OsArch":"linux/amd64","Os":"linux"}}' }],
      ['pull', { stdout: 'Trying to pull mcr.microsoft.com/mcr/hello-world:latest...\nWriting manifest to image destination' }],
    ]);
    const r = await runEnvironment({ PATH: bin.dir, DOCKER_COMMAND: 'podman' }, { options: { yes: true } });
    expect(r.byId('docker.command')).toMatchObject({ status: 'pass', summary: expect.stringContaining('podman 4.3.1') });
    expect(r.byId('docker.daemon').status).toBe('pass');
    expect(r.byId('docker.version')).toMatchObject({ status: 'pass', summary: expect.stringContaining('4.3.1') });
    expect(r.byId('docker.pull').status).toBe('pass');
    expect(bin.calls().every((c) => c.startsWith('podman '))).toBe(true);
  });

  it('a DOCKER_COMMAND that does not exist is named in the remediation', async () => {
    bin = new StandIns();
    const r = await runEnvironment({ PATH: bin.dir, DOCKER_COMMAND: 'nerdctl' });
    const c = r.byId('docker.command');
    expect(c).toMatchObject({ status: 'warn', code: 'DOCKER_COMMAND_ERROR', details: { dockerCommandEnv: 'nerdctl' } });
    expect(c.remediations[0]!.title).toContain('nerdctl');
  });
});

describe('docker.daemon and docker.version', () => {
  it('a running daemon: both pass from one `docker version` call', async () => {
    docker(UP);
    const r = await runEnvironment({ PATH: bin.dir });
    expect(r.byId('docker.daemon')).toMatchObject({ status: 'pass', details: { serverVersion: '27.3.1', exitCode: 0 } });
    expect(r.byId('docker.version')).toMatchObject({ status: 'pass', summary: expect.stringMatching(/28\.2\.2.*27\.3\.1/) });
    expect(r.byId('docker.version').details).toMatchObject({ client: { version: '28.2.2' }, server: { version: '27.3.1', apiVersion: '1.47' } });
    expect(bin.calls().filter((c) => c.startsWith('docker version'))).toEqual(['docker version --format {{json .}}']);
  });

  it('a stopped daemon on Linux is DOCKER_DAEMON_ERROR (not a command error), fixed with systemctl', async () => {
    docker(NOT_RUNNING);
    const r = await runEnvironment({ PATH: bin.dir });
    expect(r.byId('docker.command').status).toBe('pass');
    const d = r.byId('docker.daemon');
    expect(d).toMatchObject({ status: 'fail', code: 'DOCKER_DAEMON_ERROR', details: { problem: 'not-running', exitCode: 1 } });
    expect(d.summary).toMatch(/not running/);
    expect(d.details.stderr).toEqual(['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?']);
    expect(d.remediations[0]!.command).toEqual(['sudo', 'systemctl', 'start', 'docker']);
    expect(r.byId('docker.pull')).toMatchObject({ status: 'skip', blockedBy: 'docker.daemon' });
  });

  it('a stopped daemon on macOS and Windows: start Docker Desktop (open -a Docker on macOS, by hand on Windows)', async () => {
    const expected = { darwin: ['open', '-a', 'Docker'], win32: null };
    for (const platform of ['darwin', 'win32'] as const) {
      docker(NOT_RUNNING);
      const r = await runEnvironment({ PATH: bin.dir }, { platform });
      const d = r.byId('docker.daemon');
      expect(d.code).toBe('DOCKER_DAEMON_ERROR');
      expect(d.remediations[0]).toMatchObject({ id: 'start-docker-desktop', command: expected[platform] });
      expect(d.remediations.some((x) => x.command?.includes('sudo'))).toBe(false);
      bin.cleanup();
    }
  });

  it('permission denied on the socket: add $USER to the docker group, or use sudo', async () => {
    docker(PERMISSION);
    const r = await runEnvironment({ PATH: bin.dir, USER: 'alice' });
    const d = r.byId('docker.daemon');
    expect(d).toMatchObject({ status: 'fail', code: 'DOCKER_DAEMON_ERROR', details: { problem: 'permission' } });
    expect(d.summary).toMatch(/permission denied/);
    expect(d.remediations.map((x) => x.command)).toEqual([['sudo', 'usermod', '-aG', 'docker', 'alice'], null]);
  });

  it('permission denied without a usable user name gives the step by hand, never a bad argv', async () => {
    docker(PERMISSION);
    const r = await runEnvironment({ PATH: bin.dir, USER: 'x; rm -rf /' });
    expect(r.byId('docker.daemon').remediations[0]).toMatchObject({ id: 'docker-group', command: null });
  });

  it('DOCKER_HOST pointing nowhere is named', async () => {
    docker(down('Cannot connect to the Docker daemon at tcp://10.20.30.40:2375. Is the docker daemon running?'));
    const r = await runEnvironment({ PATH: bin.dir, DOCKER_HOST: 'tcp://10.20.30.40:2375' });
    const d = r.byId('docker.daemon');
    expect(d).toMatchObject({ code: 'DOCKER_DAEMON_ERROR', details: { problem: 'host-unreachable', dockerHost: 'tcp://10.20.30.40:2375' } });
    expect(d.summary).toContain('DOCKER_HOST');
    expect(d.summary).toContain('tcp://10.20.30.40:2375');
  });

  it('a docker context that does not exist is named, with the way back to the default context', async () => {
    docker({
      stderr:
        'Failed to initialize: unable to resolve docker endpoint: context "staging": context not found: open /home/a/.docker/contexts/meta/9f/meta.json: no such file or directory',
      exit: 1,
    });
    // Selected with `docker context use`: switch back.
    let d = (await runEnvironment({ PATH: bin.dir })).byId('docker.daemon');
    expect(d.summary).toContain('"staging"');
    expect(d.remediations[0]!.command).toEqual(['docker', 'context', 'use', 'default']);
    // Selected with DOCKER_CONTEXT, which overrides `docker context use`: the variable is the fix.
    d = (await runEnvironment({ PATH: bin.dir, DOCKER_CONTEXT: 'staging' })).byId('docker.daemon');
    expect(d.remediations[0]).toMatchObject({ id: 'unset-docker-context', command: null });
    expect(d.remediations[0]!.title).toContain('DOCKER_CONTEXT');
  });

  it('a daemon that hangs is ended at the time limit and reported as not answering', async () => {
    docker({ sleep: 30 });
    const t0 = Date.now();
    const r = await runEnvironment({ PATH: bin.dir }, { options: { timeoutSeconds: 1, skip: ['docker.pull'] } });
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(r.byId('docker.daemon')).toMatchObject({ status: 'fail', code: 'DOCKER_DAEMON_ERROR', details: { problem: 'timeout' } });
  });

  it('versions that cannot be read are DOCKER_VERSION_ERROR while the daemon passes', async () => {
    docker({ stdout: 'template: :1: function "json" not defined' });
    const r = await runEnvironment({ PATH: bin.dir });
    expect(r.byId('docker.daemon').status).toBe('pass');
    const v = r.byId('docker.version');
    expect(v).toMatchObject({ status: 'warn', code: 'DOCKER_VERSION_ERROR', details: { output: ['template: :1: function "json" not defined'] } });
    expect(v.remediations[0]!.command).toEqual(['docker', 'version']);
  });
});

describe('docker.pull', () => {
  it('without --yes it asks nothing of docker and says to pass --yes', async () => {
    docker(UP);
    const r = await runEnvironment({ PATH: bin.dir });
    const p = r.byId('docker.pull');
    expect(p.status).toBe('skip');
    expect(p.summary).toContain('--yes');
    expect(bin.calls().some((c) => c.startsWith('docker pull'))).toBe(false);
  });

  it('asks first and respects a refusal', async () => {
    docker(UP);
    const r = await runEnvironment({ PATH: bin.dir }, { answer: false });
    expect(r.questions).toHaveLength(1);
    expect(r.questions[0]).toContain('mcr.microsoft.com/mcr/hello-world:latest');
    expect(r.byId('docker.pull').status).toBe('skip');
  });

  it('pulls the cloud’s default image with --yes and records the digest', async () => {
    docker(UP);
    const r = await runEnvironment({ PATH: bin.dir }, { options: { yes: true } });
    expect(r.byId('docker.pull')).toMatchObject({
      status: 'pass',
      details: {
        command: ['docker', 'pull', 'mcr.microsoft.com/mcr/hello-world:latest'],
        digest: 'sha256:2498fce14358aa50ead0cc6c19990fc6ff866ce72aeb5546e1d59caac3d0d60f',
      },
    });
  });

  it('uses the China mirror in AzureChinaCloud and --pull-image when given', async () => {
    docker(UP);
    let r = await runEnvironment({ PATH: bin.dir }, { options: { yes: true, cloud: 'AzureChinaCloud' } });
    expect(r.byId('docker.pull').details.command).toEqual(['docker', 'pull', 'mcr.azk8s.cn/mcr/hello-world:latest']);
    r = await runEnvironment({ PATH: bin.dir }, { options: { yes: true, pullImage: 'myreg.azurecr.io/base:1' } });
    expect(r.byId('docker.pull').details.command).toEqual(['docker', 'pull', 'myreg.azurecr.io/base:1']);
  });

  it('gets 120 s (or a longer --timeout) instead of the usual 15 s', () => {
    expect(dockerPull.timeoutMs!(makeOptions())).toBe(120_000);
    expect(dockerPull.timeoutMs!(makeOptions({ timeoutSeconds: 300 }))).toBe(300_000);
  });

  it('unauthorized on an Azure registry: sign in with az acr login', async () => {
    docker(UP, {
      stderr: 'Error response from daemon: Head "https://myreg.azurecr.io/v2/base/manifests/1": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.',
      exit: 1,
    });
    const r = await runEnvironment({ PATH: bin.dir }, { options: { yes: true, pullImage: 'myreg.azurecr.io/base:1' } });
    const p = r.byId('docker.pull');
    expect(p).toMatchObject({ status: 'fail', code: 'DOCKER_PULL_ERROR', details: { problem: 'unauthorized', registry: 'myreg.azurecr.io' } });
    expect(p.remediations[0]!.command).toEqual(['az', 'acr', 'login', '--name', 'myreg']);
  });

  it('name resolution, proxy and TLS failures each get their own summary', async () => {
    const seen = new Map<string, string>();
    for (const [problem, stderr] of [
      ['dns', 'Error response from daemon: Get "https://mcr.microsoft.com/v2/": dial tcp: lookup mcr.microsoft.com on 10.255.255.53:53: no such host'],
      ['proxy', 'Error response from daemon: Get "https://mcr.microsoft.com/v2/": proxyconnect tcp: dial tcp 10.0.0.9:3128: connect: connection refused'],
      ['tls', 'Error response from daemon: Get "https://mcr.microsoft.com/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority'],
    ]) {
      docker(UP, { stderr, exit: 1 });
      const p = (await runEnvironment({ PATH: bin.dir }, { options: { yes: true } })).byId('docker.pull');
      expect(p).toMatchObject({ status: 'fail', code: 'DOCKER_PULL_ERROR', details: { problem } });
      expect(p.remediations.length).toBeGreaterThan(0);
      seen.set(problem!, p.summary);
      bin.cleanup();
    }
    expect(new Set(seen.values()).size).toBe(3);
    expect(seen.get('dns')).toContain('mcr.microsoft.com');
  });

  it('an image for another platform is a pass with a warning', async () => {
    docker(UP, { stderr: 'image operating system "linux" cannot be used on this platform', exit: 1 });
    const r = await runEnvironment({ PATH: bin.dir }, { options: { yes: true } });
    expect(r.byId('docker.pull')).toMatchObject({ status: 'warn', code: 'DOCKER_PULL_ERROR', details: { problem: 'platform' } });
  });
});
