import type { CheckDefinition, Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { dockerProgram, type DockerCommandData } from './docker-program.js';
import { parseDockerDashVersion } from './parse-version.js';
import { evidence, runTool, toolProblem } from './run-tool.js';
import { installRemediations } from './install.js';

const CODE = 'DOCKER_COMMAND_ERROR';

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
    let install: Remediation[] = installRemediations('docker', ctx.probes.platform);
    if (fromEnv.dockerCommandEnv) {
      install = [
        { id: 'fix-docker-command', title: t('environment.docker.command.fixEnv', { program }), command: null, changes: false },
        ...install,
      ];
    }
    const problem = toolProblem(ctx, r, { program, code: CODE, install });
    if (problem) return { ...problem, details: { ...problem.details, ...fromEnv } };
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
