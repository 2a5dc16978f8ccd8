import type { CheckContext, CheckDefinition, Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { dockerProgram, type DockerCommandData } from './docker-program.js';
import { parseDockerVersionJson, type DockerVersionInfo } from './parse-version.js';
import { classifyDaemonError, type DaemonProblem } from './parse-docker-daemon.js';
import { docsFor, evidence, firstLine, headLines, runTool } from './run-tool.js';
import { hostKind, wslDistro, type HostKind } from './host.js';

const CODE = 'DOCKER_DAEMON_ERROR';

/** What docker.daemon hands on: the one `docker version` answer, so docker.version need not ask again. */
export interface DockerDaemonData {
  program: string;
  info: DockerVersionInfo | null;
  /** The first lines of stdout when it was not the expected JSON (for docker.version's evidence). */
  rawHead: string[];
  argv: string[];
}

/** Docker Desktop's own settings page for WSL, named in the WSL remediations. */
const WSL_DOCS = 'https://docs.docker.com/desktop/features/wsl/';

/** `service` works in WSL with or without systemd; `systemctl` only where systemd runs. */
function serviceCommand(host: HostKind, action: 'start' | 'restart' | 'status', service: string): string[] {
  if (host === 'wsl') return action === 'status' ? ['service', service, 'status'] : ['sudo', 'service', service, action];
  return action === 'status' ? ['systemctl', 'status', service, '--no-pager'] : ['sudo', 'systemctl', action, service];
}

/** How to start the daemon that is not running, per platform. Exported for tests. */
export function startDaemonRemediations(
  host: HostKind,
  p: Extract<DaemonProblem, { kind: 'not-running' }>,
  program: string,
  env: Record<string, string | undefined> = {},
): Remediation[] {
  if (host === 'darwin') {
    return [{ id: 'start-docker-desktop', title: t('environment.docker.daemon.fix.startDesktop'), command: ['open', '-a', 'Docker'], changes: true }];
  }
  if (host === 'win32') {
    return [{ id: 'start-docker-desktop', title: t('environment.docker.daemon.fix.startDesktop'), command: null, changes: true }];
  }
  if (host === 'other') {
    // FreeBSD, AIX, ...: no command that is right everywhere.
    return [{ id: 'start-docker', title: t('environment.docker.daemon.fix.start'), command: null, changes: true }];
  }
  const podman = /podman/.test(program);
  if (host === 'wsl' && !podman) {
    // Inside WSL the daemon is usually Docker Desktop's, reached through its WSL integration; a
    // daemon installed in the distribution itself is the other possibility.
    const distro = wslDistro(env) ?? t('environment.docker.daemon.thisDistro');
    const desktop: Remediation = { id: 'start-docker-desktop', title: t('environment.docker.daemon.fix.startDesktopWsl', { distro }), command: null, changes: true, docs: WSL_DOCS };
    if (p.desktop) return [desktop];
    return [
      desktop,
      { id: 'start-docker', title: t('environment.docker.daemon.fix.startInDistro'), command: serviceCommand(host, 'start', 'docker'), changes: true, interactive: true },
    ];
  }
  if (p.desktop) {
    // Docker Desktop for Linux runs as a user service.
    return [{ id: 'start-docker-desktop', title: t('environment.docker.daemon.fix.startDesktop'), command: ['systemctl', '--user', 'start', 'docker-desktop'], changes: true }];
  }
  if (p.rootless) {
    return [{ id: 'start-docker-rootless', title: t('environment.docker.daemon.fix.startRootless'), command: ['systemctl', '--user', 'start', 'docker'], changes: true }];
  }
  // podman's API socket is a systemd unit (no SysV script for `service`), in WSL as well.
  const service = podman ? 'podman.socket' : 'docker';
  const via: HostKind = podman ? 'linux' : host;
  return [
    { id: 'start-docker', title: t('environment.docker.daemon.fix.start'), command: serviceCommand(via, 'start', service), changes: true, interactive: true },
    { id: 'docker-status', title: t('environment.docker.daemon.fix.status'), command: serviceCommand(via, 'status', service), changes: false },
  ];
}

/** What to do about a socket this user may not open, per platform. Exported for tests. */
export function permissionRemediations(host: HostKind, program: string, env: Record<string, string | undefined>): Remediation[] {
  if (host === 'win32') {
    return [{ id: 'docker-desktop-users', title: t('environment.docker.daemon.fix.desktopUsersWindows'), command: null, changes: true, docs: 'https://docs.docker.com/desktop/setup/install/windows-permission-requirements/' }];
  }
  if (host === 'darwin') {
    return [{ id: 'restart-docker-desktop', title: t('environment.docker.daemon.fix.desktopPermissionMac'), command: null, changes: true }];
  }
  if (host === 'other') return [{ id: 'docker-group', title: t('environment.docker.daemon.fix.groupManual'), command: null, changes: true }];
  const user = env.USER || env.LOGNAME || '';
  const valid = /^[a-z_][a-z0-9_.-]*\$?$/i.test(user);
  return [
    valid
      ? { id: 'docker-group', title: t('environment.docker.daemon.fix.group', { user }), command: ['sudo', 'usermod', '-aG', 'docker', user], changes: true, interactive: true }
      : { id: 'docker-group', title: t('environment.docker.daemon.fix.groupManual'), command: null, changes: true },
    { id: 'use-sudo', title: t('environment.docker.daemon.fix.sudo', { program }), command: null, changes: false },
  ];
}

/** A daemon that accepted the connection but hangs: restart it, per platform. Exported for tests. */
export function restartRemediations(host: HostKind, env: Record<string, string | undefined> = {}): Remediation[] {
  if (host === 'linux') {
    return [{ id: 'restart-docker', title: t('environment.docker.daemon.fix.restart'), command: serviceCommand(host, 'restart', 'docker'), changes: true, interactive: true }];
  }
  if (host === 'wsl') {
    const distro = wslDistro(env) ?? t('environment.docker.daemon.thisDistro');
    return [
      { id: 'restart-docker-desktop', title: t('environment.docker.daemon.fix.restartDesktopWsl', { distro }), command: null, changes: true, docs: WSL_DOCS },
      { id: 'restart-docker', title: t('environment.docker.daemon.fix.restartInDistro'), command: serviceCommand(host, 'restart', 'docker'), changes: true, interactive: true },
    ];
  }
  if (host === 'other') return [{ id: 'restart-docker', title: t('environment.docker.daemon.fix.restart'), command: null, changes: true }];
  return [{ id: 'restart-docker-desktop', title: t('environment.docker.daemon.fix.restartDesktop'), command: null, changes: true }];
}

/** An example of a valid DOCKER_HOST for this platform's local daemon. */
function hostExample(host: HostKind): string {
  return host === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

function remediationsFor(ctx: CheckContext, p: DaemonProblem, program: string): Remediation[] {
  const env = ctx.probes.env;
  const host = hostKind(ctx.probes.platform, env);
  switch (p.kind) {
    case 'not-running':
      return startDaemonRemediations(host, p, program, env);
    case 'permission':
      return permissionRemediations(host, program, env);
    case 'host-unreachable':
      return [
        { id: 'check-docker-host', title: t('environment.docker.daemon.fix.host', { endpoint: p.endpoint }), command: null, changes: false },
        { id: 'list-contexts', title: t('environment.docker.daemon.fix.listContexts'), command: [program, 'context', 'ls'], changes: false },
      ];
    case 'host-invalid':
      return [{ id: 'fix-docker-host', title: t('environment.docker.daemon.fix.hostInvalid', { endpoint: p.endpoint, example: hostExample(host) }), command: null, changes: false }];
    case 'context-unreachable':
    case 'context-missing':
      // DOCKER_CONTEXT overrides `docker context use`, so switching contexts would not help then.
      if (env.DOCKER_CONTEXT?.trim()) {
        return [
          { id: 'unset-docker-context', title: t('environment.docker.daemon.fix.unsetContext', { context: p.context }), command: null, changes: false },
          { id: 'list-contexts', title: t('environment.docker.daemon.fix.listContexts'), command: [program, 'context', 'ls'], changes: false },
        ];
      }
      return [
        { id: 'use-default-context', title: t('environment.docker.daemon.fix.useDefault'), command: [program, 'context', 'use', 'default'], changes: true },
        { id: 'list-contexts', title: t('environment.docker.daemon.fix.listContexts'), command: [program, 'context', 'ls'], changes: false },
      ];
    case 'api-version':
      return [
        env.DOCKER_API_VERSION
          ? { id: 'unset-api-version', title: t('environment.docker.daemon.fix.unsetApiVersion', { value: env.DOCKER_API_VERSION }), command: null, changes: false }
          : { id: 'upgrade-docker', title: t('environment.docker.daemon.fix.upgradeClient', { program }), command: null, changes: true, docs: 'https://docs.docker.com/engine/install/' },
      ];
    case 'timeout':
      return restartRemediations(host, env);
    case 'unknown':
      return [{ id: 'docker-daemon-docs', title: t('environment.docker.daemon.fix.docs'), command: null, changes: false, docs: docsFor(CODE) }];
  }
}

function summaryFor(p: DaemonProblem, program: string, line: string, host: HostKind): string {
  switch (p.kind) {
    case 'not-running':
      if (p.desktop && host === 'wsl') return t('environment.docker.daemon.desktopNotRunningWsl');
      return p.desktop
        ? t('environment.docker.daemon.desktopNotRunning')
        : t('environment.docker.daemon.notRunning', { endpoint: p.endpoint ?? t('environment.docker.daemon.defaultSocket') });
    case 'permission':
      return t('environment.docker.daemon.permission', { endpoint: p.endpoint ?? t('environment.docker.daemon.defaultSocket') });
    case 'host-unreachable':
      return t('environment.docker.daemon.hostUnreachable', { endpoint: p.endpoint });
    case 'host-invalid':
      return t('environment.docker.daemon.hostInvalid', { endpoint: p.endpoint });
    case 'context-unreachable':
      return t('environment.docker.daemon.contextUnreachable', { context: p.context, endpoint: p.endpoint ?? '?' });
    case 'context-missing':
      return t('environment.docker.daemon.contextMissing', { context: p.context });
    case 'api-version':
      return t('environment.docker.daemon.apiVersion', { detail: p.detail });
    case 'timeout':
      return t('environment.docker.daemon.timeout', { program });
    case 'unknown':
      return line ? t('environment.docker.daemon.unknown', { program, line }) : t('environment.docker.daemon.unknownSilent', { program });
  }
}

/**
 * The daemon answers. One `docker version --format '{{json .}}'` serves this check and
 * docker.version: it prints the client part even when the daemon is down, and exits non-zero then.
 */
export const dockerDaemon: CheckDefinition = {
  id: 'docker.daemon',
  group: 'environment',
  title: 'Docker daemon answers',
  dependsOn: ['docker.command'],
  codes: [CODE],
  async run(ctx) {
    const env = ctx.probes.env;
    const program = ctx.dep<DockerCommandData>('docker.command')?.program ?? dockerProgram(env);
    const argv = [program, 'version', '--format', '{{json .}}'];
    const r = await runTool(ctx, argv);
    const info = parseDockerVersionJson(r.stdout);
    const dockerHost = env.DOCKER_HOST?.trim() || null;
    const dockerContext = env.DOCKER_CONTEXT?.trim() || null;
    const details = { ...evidence(r), dockerHost, dockerContext, context: info?.client?.context ?? null, clientVersion: info?.client?.version ?? null };

    if (r.exitCode === 0) {
      const data: DockerDaemonData = { program, info, rawHead: info ? [] : headLines(r.stdout), argv };
      if (info && info.server === null) {
        return { status: 'pass', summary: t('environment.docker.daemon.daemonless', { program }), details, data: { ...data } };
      }
      const where = dockerHost
        ? t('environment.docker.daemon.whereHost', { endpoint: dockerHost })
        : t('environment.docker.daemon.whereContext', { context: info?.client?.context ?? dockerContext ?? 'default' });
      return {
        status: 'pass',
        summary: info?.server?.version
          ? t('environment.docker.daemon.ok', { where, version: info.server.version })
          : t('environment.docker.daemon.okNoVersion', { where }),
        details: { ...details, serverVersion: info?.server?.version ?? null },
        data: { ...data },
      };
    }

    const problem = r.notFound
      ? ({ kind: 'unknown' } as const)
      : classifyDaemonError({ stderr: r.stderr, timedOut: r.timedOut || r.aborted, dockerHost, dockerContext, clientContext: info?.client?.context ?? null });
    return {
      status: 'fail',
      code: CODE,
      summary: summaryFor(problem, program, firstLine(r.stderr) || r.error || '', hostKind(ctx.probes.platform, env)),
      details: { ...details, problem: problem.kind, ...('endpoint' in problem && problem.endpoint ? { endpoint: problem.endpoint } : {}) },
      remediations: remediationsFor(ctx, problem, program),
    };
  },
};
