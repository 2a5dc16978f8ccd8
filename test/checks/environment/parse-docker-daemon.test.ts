import { describe, expect, it } from 'vitest';
import { classifyDaemonError, type DaemonErrorInput } from '../../../src/checks/environment/parse-docker-daemon.js';

const base: DaemonErrorInput = { stderr: '', timedOut: false, dockerHost: null, dockerContext: null, clientContext: 'default' };
const classify = (over: Partial<DaemonErrorInput>) => classifyDaemonError({ ...base, ...over });

// stderr texts below are what docker 28 (and Docker Desktop) print, verbatim.
describe('classifyDaemonError', () => {
  it('a stopped local daemon', () => {
    expect(
      classify({ stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' }),
    ).toEqual({ kind: 'not-running', endpoint: 'unix:///var/run/docker.sock', desktop: false, rootless: false });
  });

  it('a stopped rootless daemon', () => {
    const p = classify({ stderr: 'Cannot connect to the Docker daemon at unix:///run/user/1000/docker.sock. Is the docker daemon running?' });
    expect(p).toMatchObject({ kind: 'not-running', rootless: true });
  });

  it('Docker Desktop not running on macOS and Windows', () => {
    expect(
      classify({
        clientContext: 'desktop-linux',
        stderr: 'Cannot connect to the Docker daemon at unix:///Users/ana/.docker/run/docker.sock. Is the docker daemon running?',
      }),
    ).toMatchObject({ kind: 'not-running', desktop: true });
    expect(
      classify({
        stderr:
          'error during connect: this error may indicate that the docker daemon is not running: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/version": open //./pipe/docker_engine: The system cannot find the file specified.',
      }),
    ).toMatchObject({ kind: 'not-running', desktop: true, endpoint: '//./pipe/docker_engine' });
  });

  it("Docker Desktop's socket on Linux, or through the WSL integration, counts as Docker Desktop", () => {
    expect(
      classify({ clientContext: 'default', stderr: 'Cannot connect to the Docker daemon at unix:///home/ana/.docker/desktop/docker.sock. Is the docker daemon running?' }),
    ).toMatchObject({ kind: 'not-running', desktop: true, rootless: false });
    expect(
      classify({
        clientContext: 'default',
        stderr: 'Cannot connect to the Docker daemon at unix:///mnt/wsl/docker-desktop/shared-sockets/guest-services/docker.proxy.sock. Is the docker daemon running?',
      }),
    ).toMatchObject({ kind: 'not-running', desktop: true });
  });

  it('permission denied on the socket', () => {
    expect(
      classify({
        stderr:
          'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.50/version": dial unix /var/run/docker.sock: connect: permission denied',
      }),
    ).toEqual({ kind: 'permission', endpoint: 'unix:///var/run/docker.sock' });
  });

  it('DOCKER_HOST pointing at nothing, by socket, port and name', () => {
    expect(
      classify({ dockerHost: 'unix:///tmp/nonexistent.sock', stderr: 'Cannot connect to the Docker daemon at unix:///tmp/nonexistent.sock. Is the docker daemon running?' }),
    ).toEqual({ kind: 'host-unreachable', endpoint: 'unix:///tmp/nonexistent.sock' });
    expect(
      classify({ dockerHost: 'tcp://127.0.0.1:1', stderr: 'Cannot connect to the Docker daemon at tcp://127.0.0.1:1. Is the docker daemon running?' }),
    ).toEqual({ kind: 'host-unreachable', endpoint: 'tcp://127.0.0.1:1' });
    expect(
      classify({
        dockerHost: 'tcp://nonexistent.invalid:2375',
        stderr: 'error during connect: Get "http://nonexistent.invalid:2375/v1.50/version": dial tcp: lookup nonexistent.invalid on 10.255.255.53:53: no such host',
      }),
    ).toEqual({ kind: 'host-unreachable', endpoint: 'tcp://nonexistent.invalid:2375' });
  });

  it('a malformed DOCKER_HOST', () => {
    expect(
      classify({ dockerHost: 'bogus://x', stderr: 'Failed to initialize: unable to resolve docker endpoint: invalid bind address format: bogus://x' }),
    ).toEqual({ kind: 'host-invalid', endpoint: 'bogus://x' });
  });

  it('a docker context that is missing or points nowhere', () => {
    expect(
      classify({
        dockerContext: 'nowhere',
        clientContext: null,
        stderr:
          'Failed to initialize: unable to resolve docker endpoint: context "nowhere": context not found: open /root/.docker/contexts/meta/20ae/meta.json: no such file or directory',
      }),
    ).toEqual({ kind: 'context-missing', context: 'nowhere' });
    expect(
      classify({ clientContext: 'build-box', stderr: 'Cannot connect to the Docker daemon at tcp://10.1.2.3:2376. Is the docker daemon running?' }),
    ).toEqual({ kind: 'context-unreachable', context: 'build-box', endpoint: 'tcp://10.1.2.3:2376' });
  });

  it('client and daemon without a common API version', () => {
    expect(classify({ stderr: 'Error response from daemon: client version 1.52 is too new. Maximum supported API version is 1.41' })).toEqual({
      kind: 'api-version',
      detail: 'client version 1.52 is too new. Maximum supported API version is 1.41',
    });
    expect(classify({ stderr: 'Error response from daemon: client version 1.22 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version' })).toMatchObject({
      kind: 'api-version',
    });
  });

  it('a hung daemon and an unrecognised error', () => {
    expect(classify({ timedOut: true, stderr: '' })).toMatchObject({ kind: 'timeout' });
    expect(classify({ stderr: 'Error response from daemon: Bad response from Docker engine' })).toEqual({ kind: 'unknown' });
  });
});
