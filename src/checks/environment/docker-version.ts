import type { CheckDefinition } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import type { DockerDaemonData } from './docker-daemon.js';
import { docsFor } from './run-tool.js';

const CODE = 'DOCKER_VERSION_ERROR';

/** Client and server versions, read from docker.daemon's answer (no second `docker version`). */
export const dockerVersion: CheckDefinition = {
  id: 'docker.version',
  group: 'environment',
  title: 'Docker client and server versions',
  dependsOn: ['docker.daemon'],
  codes: [CODE],
  async run(ctx) {
    const data = ctx.dep<DockerDaemonData>('docker.daemon');
    const program = data?.program ?? 'docker';
    const client = data?.info?.client ?? null;
    const server = data?.info?.server ?? null;
    const daemonless = data?.info != null && server === null;
    const details = {
      command: data?.argv ?? null,
      client,
      server,
      ...(data && data.rawHead.length ? { output: data.rawHead } : {}),
    };
    if (client?.version && (server?.version || daemonless)) {
      return {
        status: 'pass',
        summary: daemonless
          ? t('environment.docker.version.okClientOnly', { program, client: client.version })
          : t('environment.docker.version.ok', { client: client.version, server: server!.version!, api: server!.apiVersion ?? '?' }),
        details,
      };
    }
    return {
      status: 'warn',
      code: CODE,
      summary: t('environment.docker.version.unreadable', { program }),
      details,
      remediations: [
        { id: 'show-docker-version', title: t('environment.docker.version.fix.show'), command: [program, 'version'], changes: false },
        { id: 'docker-version-docs', title: t('environment.docker.version.fix.docs'), command: null, changes: false, docs: docsFor(CODE) },
      ],
    };
  },
};
