import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  parseAzVersion,
  parseDockerDashVersion,
  parseDockerVersionJson,
  parseHelmVersion,
  parseNotaryVersion,
  parseSemVer,
} from '../../../src/checks/environment/parse-version.js';

// Captured from docker 28.2.2 talking to Debian's dockerd 20.10.24.
const DOCKER_JSON_UP =
  '{"Client":{"Version":"28.2.2","ApiVersion":"1.41","DefaultAPIVersion":"1.50","GitCommit":"e6534b4","GoVersion":"go1.24.3","Os":"linux","Arch":"amd64","BuildTime":"Fri May 30 12:07:14 2025","Context":"default"},"Server":{"Platform":{"Name":""},"Components":[{"Name":"Engine","Version":"20.10.24+dfsg1","Details":{"ApiVersion":"1.41"}}],"Version":"20.10.24+dfsg1","ApiVersion":"1.41","MinAPIVersion":"1.12","GitCommit":"5d6db84","GoVersion":"go1.19.8","Os":"linux","Arch":"amd64","KernelVersion":"6.18.44"}}';
const DOCKER_JSON_DOWN =
  '{"Client":{"Version":"28.2.2","ApiVersion":"1.50","DefaultAPIVersion":"1.50","GitCommit":"e6534b4","GoVersion":"go1.24.3","Os":"linux","Arch":"amd64","BuildTime":"Fri May 30 12:07:14 2025","Context":"default"},"Server":null}';
// podman 4.3 without a remote service prints only the client part.
const PODMAN_JSON =
  '{"Client":{"APIVersion":"4.3.1","Version":"4.3.1","GoVersion":"go1.19.8","GitCommit":"","BuiltTime":"Thu Jan  1 00:00:00 1970","Built":0,"OsArch":"linux/amd64","Os":"linux"}}';

describe('version parsers', () => {
  it('reads versions with and without patch, v prefix and build suffix', () => {
    expect(parseSemVer('v3.14.4+g81c902a')).toMatchObject({ major: 3, minor: 14, patch: 4, text: '3.14.4+g81c902a' });
    expect(parseSemVer('2.45')).toMatchObject({ major: 2, minor: 45, patch: 0 });
    expect(parseSemVer('no digits here')).toBeNull();
    expect(compareVersions(parseSemVer('3.7.2')!, { major: 3, minor: 8, patch: 0 })).toBeLessThan(0);
    expect(compareVersions(parseSemVer('3.10.0')!, { major: 3, minor: 8, patch: 0 })).toBeGreaterThan(0);
    expect(compareVersions(parseSemVer('3.8.0-rc.1')!, { major: 3, minor: 8, patch: 0 })).toBe(0);
  });

  it('reads `docker --version` and `podman --version`', () => {
    expect(parseDockerDashVersion('Docker version 28.2.2, build e6534b4')).toEqual({ product: 'Docker', version: '28.2.2' });
    expect(parseDockerDashVersion('podman version 4.3.1')).toEqual({ product: 'podman', version: '4.3.1' });
    expect(parseDockerDashVersion('Usage: docker [OPTIONS] COMMAND')).toBeNull();
  });

  it('reads client and server from `docker version --format {{json .}}`', () => {
    const up = parseDockerVersionJson(DOCKER_JSON_UP)!;
    expect(up.client).toMatchObject({ version: '28.2.2', context: 'default', os: 'linux', arch: 'amd64' });
    expect(up.server).toMatchObject({ version: '20.10.24+dfsg1', apiVersion: '1.41' });
    const down = parseDockerVersionJson(DOCKER_JSON_DOWN)!;
    expect(down.client?.version).toBe('28.2.2');
    expect(down.server).toBeNull();
    const podman = parseDockerVersionJson(PODMAN_JSON)!;
    expect(podman.client).toMatchObject({ version: '4.3.1', apiVersion: '4.3.1', os: 'linux', arch: 'amd64' });
    expect(podman.server).toBeNull();
    expect(parseDockerVersionJson('Client: Docker Engine - Community\n Version: 24.0.7')).toBeNull();
    expect(parseDockerVersionJson('{"unrelated": true}')).toBeNull();
  });

  it('reads helm 3 and helm 2 short versions', () => {
    expect(parseHelmVersion('v3.14.4+g81c902a')?.text).toBe('3.14.4+g81c902a');
    expect(parseHelmVersion('Client: v2.16.1+gbbdfe5e\nServer: v2.16.1+gbbdfe5e')).toMatchObject({ major: 2, minor: 16, patch: 1 });
    expect(parseHelmVersion('')).toBeNull();
  });

  it('reads notary versions and treats Debian’s empty Version line as unknown', () => {
    expect(parseNotaryVersion('notary\n Version:    0.6.1\n Git commit: d6e1431f\n')).toBe('0.6.1');
    // Debian bookworm's notary, verbatim: the next line must not be taken for the version.
    expect(parseNotaryVersion('notary\n Version:    \n Git commit: \n Go version: go1.19.8')).toBeNull();
    expect(parseNotaryVersion('notary\n Version: <unknown>\n')).toBeNull();
    expect(parseNotaryVersion('garbage')).toBeNull();
  });

  it('reads `az version --output json`', () => {
    const out = '{\n  "azure-cli": "2.45.0",\n  "azure-cli-core": "2.45.0",\n  "azure-cli-telemetry": "1.0.8",\n  "extensions": {\n    "azure-devops": "0.26.0"\n  }\n}';
    expect(parseAzVersion(out)).toEqual({ azureCli: '2.45.0', azureCliCore: '2.45.0', extensions: { 'azure-devops': '0.26.0' } });
    // A warning line before the JSON (az prints update notices) does not hide the version.
    expect(parseAzVersion('WARNING: You have 2 update(s) available.\n{"azure-cli": "2.61.0", "extensions": {}}')?.azureCli).toBe('2.61.0');
    expect(parseAzVersion('{"azure-cli-core": "2.45.0"}')).toBeNull();
    expect(parseAzVersion('Traceback (most recent call last):')).toBeNull();
  });
});
