import type { CheckDefinition } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { parseAzVersion } from './parse-version.js';
import { docsFor, evidence, headLines, runTool, toolProblem } from './run-tool.js';
import { installRemediations } from './install.js';

const CODE = 'AZ_CLI_ERROR';

/** The Azure CLI runs and reports its version. It starts slowly (1–2 s); the other checks run meanwhile. */
export const azVersion: CheckDefinition = {
  id: 'az.version',
  group: 'environment',
  title: 'Azure CLI version',
  dependsOn: [],
  codes: [CODE],
  async run(ctx) {
    const r = await runTool(ctx, ['az', 'version', '--output', 'json']);
    const problem = toolProblem(ctx, r, { program: 'az', code: CODE, install: installRemediations('az', ctx.probes.platform, ctx.probes.env) });
    if (problem) return problem;
    const info = parseAzVersion(r.stdout);
    if (!info) {
      return {
        status: 'warn',
        code: CODE,
        summary: t('environment.az.unreadable'),
        details: { ...evidence(r), output: headLines(r.stdout, 3) },
        remediations: [{ id: 'az-docs', title: t('environment.az.fix.docs'), command: null, changes: false, docs: docsFor(CODE) }],
      };
    }
    return {
      status: 'pass',
      summary: t('environment.az.ok', { version: info.azureCli }),
      details: { ...evidence(r), azureCli: info.azureCli, azureCliCore: info.azureCliCore, extensions: info.extensions },
      data: { version: info.azureCli },
    };
  },
};
