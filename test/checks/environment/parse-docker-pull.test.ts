import { describe, expect, it } from 'vitest';
import { acrNameOf, classifyPullError, parseImageRef, pulledDigest } from '../../../src/checks/environment/parse-docker-pull.js';

// Failure texts as docker pull prints them (docker 20–28, Docker Desktop, ACR, MCR, Docker Hub).
const CASES: [string, string][] = [
  ['dns', 'Error response from daemon: Get "https://mcr.microsoft.com/v2/": dial tcp: lookup mcr.microsoft.com on 10.255.255.53:53: no such host'],
  ['dns', 'Error response from daemon: Get "https://myreg.azurecr.io/v2/": dial tcp: lookup myreg.azurecr.io on 127.0.0.53:53: server misbehaving'],
  ['dns', 'Error response from daemon: Get "https://mcr.microsoft.com/v2/": dial tcp: lookup mcr.microsoft.com on 168.63.129.16:53: read udp 10.0.0.4:51232->168.63.129.16:53: i/o timeout'],
  ['proxy', 'Error response from daemon: Get "https://mcr.microsoft.com/v2/": proxyconnect tcp: dial tcp 10.0.0.9:3128: connect: connection refused'],
  ['proxy', 'Error response from daemon: Get "https://mcr.microsoft.com/v2/": Proxy Authentication Required'],
  ['tls', 'Error response from daemon: Get "https://myreg.azurecr.io/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority'],
  ['tls', 'Error response from daemon: Get "https://registry.local:5000/v2/": http: server gave HTTP response to HTTPS client'],
  ['unauthorized', 'Error response from daemon: Head "https://myreg.azurecr.io/v2/app/manifests/1.0": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.'],
  ['unauthorized', "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"],
  ['unauthorized', "Error response from daemon: Get \"https://myreg.azurecr.io/v2/\": denied: client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."],
  ['timeout', 'Error response from daemon: Get "https://mcr.microsoft.com/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)'],
  ['timeout', 'Error response from daemon: Get "https://mcr.microsoft.com/v2/": net/http: TLS handshake timeout'],
  ['not-found', 'Error response from daemon: manifest for 127.0.0.1:5000/acr-doctor-test/tiny:missing not found: manifest unknown: manifest unknown'],
  ['not-found', 'Error response from daemon: manifest for myreg.azurecr.io/app:2.0 not found: manifest unknown: manifest tagged by "2.0" is not found'],
  ['platform', 'image operating system "linux" cannot be used on this platform'],
  ['platform', 'no matching manifest for windows/amd64 10.0.17763 in the manifest list entries'],
  ['refused', 'Error response from daemon: Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused'],
  ['credential-helper', 'error getting credentials - err: exec: "docker-credential-desktop.exe": executable file not found in $PATH, out: ``'],
  ['reference', 'invalid reference format: repository name (/Ref) must be lowercase'],
  ['throttled', 'Error response from daemon: toomanyrequests: You have reached your pull rate limit.'],
  ['disk', 'failed to register layer: write /var/lib/docker/overlay2/abc/diff/x: no space left on device'],
  ['daemon', 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'],
  ['unknown', 'Error response from daemon: something entirely new happened'],
];

describe('classifyPullError', () => {
  it.each(CASES)('%s: %s', (kind, stderr) => {
    expect(classifyPullError(stderr)).toBe(kind);
  });

  it('a pull that the time limit cut off with no message is a timeout', () => {
    expect(classifyPullError('', true)).toBe('timeout');
    expect(classifyPullError('')).toBe('unknown');
  });
});

describe('image references', () => {
  it('finds the registry host like docker does', () => {
    expect(parseImageRef('mcr.microsoft.com/mcr/hello-world:latest')).toEqual({ host: 'mcr.microsoft.com', repository: 'mcr/hello-world', tag: 'latest', digest: null });
    expect(parseImageRef('127.0.0.1:5000/acr-doctor-test/tiny:1')).toMatchObject({ host: '127.0.0.1:5000', repository: 'acr-doctor-test/tiny', tag: '1' });
    expect(parseImageRef('library/busybox')).toMatchObject({ host: 'docker.io', repository: 'library/busybox', tag: null });
    expect(parseImageRef('localhost/app@sha256:abc')).toMatchObject({ host: 'localhost', repository: 'app', digest: 'sha256:abc' });
  });

  it('recognises Azure login servers in every cloud', () => {
    expect(acrNameOf('myreg.azurecr.io')).toBe('myreg');
    expect(acrNameOf('myreg.azurecr.cn')).toBe('myreg');
    expect(acrNameOf('MyReg.azurecr.us')).toBe('myreg');
    expect(acrNameOf('mcr.microsoft.com')).toBeNull();
  });

  it('reads the digest of a finished pull', () => {
    const out = '1: Pulling from acr-doctor-test/tiny\n0e4171f05a65: Pull complete\nDigest: sha256:61ea3a0ea79b60f254bdb7797506ec2c0b58bb945117b649c515f0418449365f\nStatus: Downloaded newer image for 127.0.0.1:5077/acr-doctor-test/tiny:1';
    expect(pulledDigest(out)).toBe('sha256:61ea3a0ea79b60f254bdb7797506ec2c0b58bb945117b649c515f0418449365f');
    expect(pulledDigest('Status: Image is up to date')).toBeNull();
  });
});
