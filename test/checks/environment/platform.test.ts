import { afterEach, describe, expect, it } from 'vitest';
import { dockerConfigFile, hostKind, isWsl } from '../../../src/checks/environment/host.js';
import { installRemediations, upgradeRemediations } from '../../../src/checks/environment/install.js';
import { permissionRemediations, restartRemediations, startDaemonRemediations } from '../../../src/checks/environment/docker-daemon.js';
import { pullRemediations } from '../../../src/checks/environment/docker-pull.js';
import type { Remediation } from '../../../src/engine/types.js';
import { StandIns, runEnvironment } from './stand-ins.js';

const notWsl = (): string => 'Linux version 6.8.0-45-generic (buildd@lcy02-amd64-075) (gcc 13.2.0)';
const wslKernel = (): string => 'Linux version 5.15.153.1-microsoft-standard-WSL2 (root@941d701f84f1) (gcc 11.2.0)';
const WSL_ENV = { WSL_DISTRO_NAME: 'Ubuntu-24.04' };
const NOT_RUNNING = { kind: 'not-running', endpoint: 'unix:///var/run/docker.sock', desktop: false, rootless: false } as const;

const argvs = (rs: Remediation[]): (string[] | null)[] => rs.map((r) => r.command);
const usesSudo = (rs: Remediation[]): boolean => rs.some((r) => r.command?.[0] === 'sudo');

describe('where acr-doctor runs', () => {
  it('recognises WSL by WSL_DISTRO_NAME, or by a Microsoft kernel in /proc/version when sudo dropped the variable', () => {
    expect(hostKind('linux', WSL_ENV, notWsl)).toBe('wsl');
    expect(hostKind('linux', {}, wslKernel)).toBe('wsl');
    expect(hostKind('linux', {}, notWsl)).toBe('linux');
    // Only Linux can be WSL: a leaked variable on macOS or Windows changes nothing.
    expect(isWsl('darwin', WSL_ENV, wslKernel)).toBe(false);
    expect(hostKind('win32', WSL_ENV, wslKernel)).toBe('win32');
  });

  it("names docker's config file with the platform's own separators", () => {
    expect(dockerConfigFile('win32', { USERPROFILE: 'C:\\Users\\alice' })).toBe('C:\\Users\\alice\\.docker\\config.json');
    expect(dockerConfigFile('linux', { HOME: '/home/alice' })).toBe('/home/alice/.docker/config.json');
    expect(dockerConfigFile('darwin', { HOME: '/Users/alice', DOCKER_CONFIG: '/Users/alice/.config/docker' })).toBe('/Users/alice/.config/docker/config.json');
  });
});

describe('installing a missing client', () => {
  it('Windows: winget with the exact package ids (it may prompt, so it gets the terminal), never sudo', () => {
    expect(installRemediations('docker', 'win32')[0]).toMatchObject({
      command: ['winget', 'install', '--exact', '--id', 'Docker.DockerDesktop'],
      changes: true,
      interactive: true,
    });
    expect(installRemediations('az', 'win32')[0]!.command).toEqual(['winget', 'install', '--exact', '--id', 'Microsoft.AzureCLI']);
    expect(installRemediations('helm', 'win32')[0]!.command).toEqual(['winget', 'install', '--exact', '--id', 'Helm.Helm']);
    expect(upgradeRemediations('helm', 'win32')[0]!.command).toEqual(['winget', 'upgrade', '--exact', '--id', 'Helm.Helm']);
    for (const tool of ['docker', 'az', 'helm', 'notary'] as const) expect(usesSudo(installRemediations(tool, 'win32'))).toBe(false);
  });

  it('macOS: brew for az and helm; Docker Desktop is a manual step with its docs', () => {
    expect(installRemediations('az', 'darwin')[0]!.command).toEqual(['brew', 'install', 'azure-cli']);
    expect(installRemediations('helm', 'darwin')[0]!.command).toEqual(['brew', 'install', 'helm']);
    const docker = installRemediations('docker', 'darwin');
    expect(argvs(docker)).toEqual([null]);
    expect(docker[0]).toMatchObject({ id: 'install-docker-desktop', docs: expect.stringContaining('docs.docker.com/desktop') });
  });

  it('Linux: the install docs rather than a guess at the package manager', () => {
    for (const tool of ['docker', 'az', 'helm'] as const) {
      const r = installRemediations(tool, 'linux', { PATH: '/usr/bin' });
      expect(argvs(r)).toEqual([null]);
      expect(r[0]!.docs).toMatch(/^https:\/\//);
    }
  });

  it('WSL: docker comes from Docker Desktop on Windows (WSL integration) or an engine inside the distribution', () => {
    const r = installRemediations('docker', 'linux', WSL_ENV);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ command: null, docs: expect.stringContaining('wsl') });
    expect(r[0]!.title).toMatch(/WSL integration/);
  });
});

describe('starting a stopped Docker daemon', () => {
  it('Linux: sudo systemctl start docker (needs the terminal), then its status', () => {
    const r = startDaemonRemediations('linux', NOT_RUNNING, 'docker');
    expect(argvs(r)).toEqual([
      ['sudo', 'systemctl', 'start', 'docker'],
      ['systemctl', 'status', 'docker', '--no-pager'],
    ]);
    expect(r.map((x) => [x.changes, x.interactive ?? false])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it('Linux with Docker Desktop or rootless docker: the user service, no sudo', () => {
    expect(argvs(startDaemonRemediations('linux', { ...NOT_RUNNING, desktop: true }, 'docker'))).toEqual([['systemctl', '--user', 'start', 'docker-desktop']]);
    expect(argvs(startDaemonRemediations('linux', { ...NOT_RUNNING, rootless: true }, 'docker'))).toEqual([['systemctl', '--user', 'start', 'docker']]);
  });

  it('macOS: open -a Docker; Windows: start Docker Desktop by hand', () => {
    expect(startDaemonRemediations('darwin', NOT_RUNNING, 'docker')).toMatchObject([{ command: ['open', '-a', 'Docker'], changes: true }]);
    const win = startDaemonRemediations('win32', NOT_RUNNING, 'docker');
    expect(argvs(win)).toEqual([null]);
    expect(win[0]!.title).toMatch(/Docker Desktop/);
  });

  it('WSL: Docker Desktop with its WSL integration first, then `service` (works without systemd) for an engine in the distribution', () => {
    const r = startDaemonRemediations('wsl', NOT_RUNNING, 'docker', WSL_ENV);
    expect(argvs(r)).toEqual([null, ['sudo', 'service', 'docker', 'start']]);
    expect(r[0]!.title).toContain('Ubuntu-24.04');
    expect(r[0]!.title).toMatch(/WSL integration/);
    // Docker Desktop's own socket: only Desktop can help.
    expect(argvs(startDaemonRemediations('wsl', { ...NOT_RUNNING, desktop: true }, 'docker', WSL_ENV))).toEqual([null]);
  });

  it('a hung daemon is restarted the platform way', () => {
    expect(argvs(restartRemediations('linux'))).toEqual([['sudo', 'systemctl', 'restart', 'docker']]);
    expect(argvs(restartRemediations('wsl', WSL_ENV))).toEqual([null, ['sudo', 'service', 'docker', 'restart']]);
    expect(argvs(restartRemediations('darwin'))).toEqual([null]);
    expect(argvs(restartRemediations('win32'))).toEqual([null]);
  });
});

describe('a socket this user may not open', () => {
  it('Linux and WSL: the docker group (sudo usermod) or sudo', () => {
    for (const host of ['linux', 'wsl'] as const) {
      expect(argvs(permissionRemediations(host, 'docker', { USER: 'alice' }))).toEqual([['sudo', 'usermod', '-aG', 'docker', 'alice'], null]);
    }
  });

  it('Windows: the docker-users group by hand, never sudo; macOS: no Linux group advice', () => {
    const win = permissionRemediations('win32', 'docker', { USERNAME: 'alice' });
    expect(usesSudo(win)).toBe(false);
    expect(win[0]!.title).toContain('docker-users');
    const mac = permissionRemediations('darwin', 'docker', { USER: 'alice' });
    expect(mac.map((r) => r.title).join(' ')).not.toMatch(/usermod|sudo|docker-users/);
  });
});

describe('a failed docker pull', () => {
  const where = (platform: NodeJS.Platform, env: Record<string, string | undefined> = {}) => ({ platform, env });
  const title = (problem: Parameters<typeof pullRemediations>[0], w: ReturnType<typeof where>): string =>
    pullRemediations(problem, w, 'mcr.microsoft.com/mcr/hello-world:latest', 'mcr.microsoft.com', 'docker')
      .map((r) => r.title)
      .join(' | ');

  it("points at the credential helper's config file with the platform's path", () => {
    expect(title('credential-helper', where('win32', { USERPROFILE: 'C:\\Users\\alice' }))).toContain('C:\\Users\\alice\\.docker\\config.json');
    expect(title('credential-helper', where('linux', { HOME: '/home/alice' }))).toContain('/home/alice/.docker/config.json');
  });

  it('proxy, DNS and certificate advice names where the daemon is configured on each platform', () => {
    expect(title('proxy', where('linux', { HOME: '/h' }))).toMatch(/systemd/);
    // Editing the daemon's proxy settings alters the machine.
    expect(pullRemediations('proxy', where('linux', { HOME: '/h' }), 'i', 'mcr.microsoft.com', 'docker')[0]!.changes).toBe(true);
    expect(title('proxy', where('darwin', { HOME: '/h' }))).toMatch(/Docker Desktop/);
    expect(title('proxy', where('win32', { USERPROFILE: 'C:\\h' }))).not.toMatch(/systemd/);
    const wsl = title('proxy', where('linux', { ...WSL_ENV, HOME: '/h' }));
    expect(wsl).toMatch(/Docker Desktop on Windows/);
    expect(wsl).toMatch(/daemon\.json/);
    expect(title('dns', where('linux', { HOME: '/h' }))).toContain('/etc/docker/daemon.json');
    expect(title('dns', where('win32', { USERPROFILE: 'C:\\h' }))).toMatch(/Settings › Docker Engine/);
    expect(title('tls', where('linux', { HOME: '/h' }))).toContain('/etc/docker/certs.d/mcr.microsoft.com/ca.crt');
    expect(title('tls', where('win32', { USERPROFILE: 'C:\\h' }))).not.toContain('/etc/docker');
  });

  it('a name that does not resolve is looked up with nslookup, or Resolve-DnsName in PowerShell on Windows', () => {
    const lookup = (platform: NodeJS.Platform) =>
      pullRemediations('dns', where(platform, { HOME: '/h', USERPROFILE: 'C:\\h' }), 'myreg.azurecr.io:443/a:1', 'myreg.azurecr.io:443', 'docker').find((r) => r.id === 'lookup-name');
    expect(lookup('linux')).toMatchObject({ command: ['nslookup', 'myreg.azurecr.io'], changes: false });
    expect(lookup('win32')!.command).toEqual(['powershell', '-NoProfile', '-Command', 'Resolve-DnsName', '-Name', 'myreg.azurecr.io']);
  });

  it('signing in changes this machine’s stored credentials: changes true; docker login prompts, so it gets the terminal', () => {
    const acr = pullRemediations('unauthorized', where('linux', { HOME: '/h' }), 'myreg.azurecr.io/app:1', 'myreg.azurecr.io', 'docker');
    expect(acr).toMatchObject([{ command: ['az', 'acr', 'login', '--name', 'myreg'], changes: true }]);
    const other = pullRemediations('unauthorized', where('linux', { HOME: '/h' }), 'ghcr.io/x/y:1', 'ghcr.io', 'docker');
    expect(other).toMatchObject([{ command: ['docker', 'login', 'ghcr.io'], changes: true, interactive: true }]);
  });
});

describe('through the checks', () => {
  let bin: StandIns | undefined;
  afterEach(() => bin?.cleanup());

  it("WSL: Docker Desktop's placeholder docker says to turn on the WSL integration for this distribution", async () => {
    bin = new StandIns().add('docker', [
      [
        '*',
        {
          stdout: "\nThe command 'docker' could not be found in this WSL 2 distro.\nWe recommend to activate the WSL integration in Docker Desktop settings.",
          exit: 1,
        },
      ],
    ]);
    const r = await runEnvironment({ PATH: bin.dir, ...WSL_ENV });
    const c = r.byId('docker.command');
    expect(c).toMatchObject({ status: 'fail', code: 'DOCKER_COMMAND_ERROR', details: { wslIntegration: false } });
    expect(c.summary).toMatch(/WSL integration is off/);
    expect(c.remediations).toMatchObject([{ id: 'enable-wsl-integration', command: null }]);
    expect(c.remediations[0]!.title).toContain('Ubuntu-24.04');
  });

  it('WSL: a stopped daemon offers Docker Desktop and `sudo service docker start`, not systemctl', async () => {
    const client = '"Client":{"Version":"28.2.2","ApiVersion":"1.50","Os":"linux","Arch":"amd64","Context":"default"}';
    bin = new StandIns().add('docker', [
      ['--version', { stdout: 'Docker version 28.2.2, build e6534b4' }],
      ['version', { stdout: `{${client},"Server":null}`, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', exit: 1 }],
    ]);
    const d = (await runEnvironment({ PATH: bin.dir, ...WSL_ENV })).byId('docker.daemon');
    expect(d.code).toBe('DOCKER_DAEMON_ERROR');
    expect(argvs(d.remediations)).toEqual([null, ['sudo', 'service', 'docker', 'start']]);
  });

  it("WSL: Docker Desktop's integration socket not answering says so, and only Docker Desktop is offered", async () => {
    const client = '"Client":{"Version":"28.2.2","ApiVersion":"1.50","Os":"linux","Arch":"amd64","Context":"default"}';
    const sock = 'unix:///mnt/wsl/docker-desktop/shared-sockets/guest-services/docker.proxy.sock';
    bin = new StandIns().add('docker', [
      ['--version', { stdout: 'Docker version 28.2.2, build e6534b4' }],
      ['version', { stdout: `{${client},"Server":null}`, stderr: `Cannot connect to the Docker daemon at ${sock}. Is the docker daemon running?`, exit: 1 }],
    ]);
    const d = (await runEnvironment({ PATH: bin.dir, ...WSL_ENV })).byId('docker.daemon');
    expect(d.summary).toMatch(/not running on Windows, or its WSL integration is off/);
    expect(argvs(d.remediations)).toEqual([null]);
  });

  it('Windows: an invalid DOCKER_HOST is corrected with a named-pipe example', async () => {
    bin = new StandIns().add('docker', [
      ['--version', { stdout: 'Docker version 28.2.2, build e6534b4' }],
      ['version', { stderr: 'unable to parse docker host `tcp//oops`', exit: 1 }],
    ]);
    const d = (await runEnvironment({ PATH: bin.dir, DOCKER_HOST: 'tcp//oops' }, { platform: 'win32' })).byId('docker.daemon');
    expect(d.details).toMatchObject({ problem: 'host-invalid' });
    expect(d.remediations[0]!.title).toContain('npipe:////./pipe/docker_engine');
    expect(d.remediations[0]!.title).not.toContain('unix://');
  });
});
