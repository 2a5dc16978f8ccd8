import type { CheckDefinition, Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { dockerProgram, type DockerCommandData } from './docker-program.js';
import { parseDockerDashVersion } from './parse-version.js';
import { evidence, runTool, toolProblem } from './run-tool.js';
import { installRemediations } from './install.js';
import { wslDistro } from './host.js';

const CODE = 'DOCKER_COMMAND_ERROR';
/** What Docker Desktop's WSL stand-in prints when the integration for the distribution is off. */
const WSL_STUB = /could not be found in this WSL 2 distro|activate the WSL integration/i;

/** The docker CLI (or DOCKER_COMMAND) runs. `--version` needs no daemon, so this is about the client alone. */
export const dockerCommand: CheckDefinition = {
  id: 'docker.command',
  group: 'environment',
  title: 'Docker command runs',
  dependsOn: [],
  codes: [CODE],
  async run(ctx) {
    const env = ctx.probes.env;
    const program = dockerProgram(env);
    const r = await runTool(ctx, [program, '--version']);
    const fromEnv = env.DOCKER_COMMAND?.trim() ? { dockerCommandEnv: program } : {};
    let install: Remediation[] = installRemediations('docker', ctx.probes.platform, env);
    if (fromEnv.dockerCommandEnv) {
      install = [
        { id: 'fix-docker-command', title: t('environment.docker.command.fixEnv', { program }), command: null, changes: false },
        ...install,
      ];
    }
    const problem = toolProblem(ctx, r, { program, code: CODE, install });
    if (problem) {
      // Docker Desktop leaves a stand-in `docker` in WSL distributions whose integration is off.
      if (problem.status === 'fail' && WSL_STUB.test(`${r.stdout}\n${r.stderr}`)) {
        const distro = wslDistro(env) ?? t('environment.docker.daemon.thisDistro');
        return {
          ...problem,
          summary: t('environment.docker.command.wslIntegrationOff', { distro }),
          details: { ...problem.details, ...fromEnv, wslIntegration: false },
          remediations: [
            { id: 'enable-wsl-integration', title: t('environment.docker.command.fixWslIntegration', { distro }), command: null, changes: true, docs: 'https://docs.docker.com/desktop/features/wsl/' },
          ],
        };
      }
      return { ...problem, details: { ...problem.details, ...fromEnv } };
    }
    const parsed = parseDockerDashVersion(r.stdout);
    const data: DockerCommandData = { program, version: parsed?.version ?? null };
    return {
      status: 'pass',
      summary: parsed
        ? t('environment.docker.command.ok', { program, version: parsed.version })
        : t('environment.docker.command.okNoVersion', { program }),
      details: { ...evidence(r), ...fromEnv, program, clientVersion: parsed?.version ?? null },
      data: { ...data },
    };
  },
};
