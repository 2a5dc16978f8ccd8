import type { CheckDefinition } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { compareVersions, parseHelmVersion, type SemVer } from './parse-version.js';
import { evidence, headLines, runTool, toolProblem } from './run-tool.js';
import { installRemediations, upgradeRemediations } from './install.js';

/** OCI registry support without the experimental flag arrived in Helm 3.8.0. */
export const HELM_MIN_OCI = { major: 3, minor: 8, patch: 0 } as const;

interface HelmData {
  version: SemVer | null;
  output: string[];
}

export const helmCommand: CheckDefinition = {
  id: 'helm.command',
  group: 'environment',
  title: 'Helm command runs',
  dependsOn: [],
  codes: ['HELM_COMMAND_ERROR'],
  async run(ctx) {
    const r = await runTool(ctx, ['helm', 'version', '--short']);
    const version = parseHelmVersion(r.stdout);
    // Helm 2 prints its client version and then fails to find Tiller: the client itself runs.
    const helm2NoTiller = r.exitCode !== 0 && version !== null && version.major < 3 && /Client:/i.test(r.stdout);
    if (!helm2NoTiller) {
      const problem = toolProblem(ctx, r, { program: 'helm', code: 'HELM_COMMAND_ERROR', install: installRemediations('helm', ctx.probes.platform, ctx.probes.env) });
      if (problem) return problem;
    }
    const data: HelmData = { version, output: version ? [] : headLines(r.stdout, 3) };
    return {
      status: 'pass',
      summary: version ? t('environment.helm.command.ok', { version: version.text }) : t('environment.helm.command.okNoVersion'),
      details: { ...evidence(r), version: version?.text ?? null },
      data: { ...data },
    };
  },
};

export const helmVersion: CheckDefinition = {
  id: 'helm.version',
  group: 'environment',
  title: 'Helm version supports OCI registries',
  dependsOn: ['helm.command'],
  codes: ['HELM_VERSION_ERROR'],
  async run(ctx) {
    const data = ctx.dep<HelmData>('helm.command');
    const version = data?.version ?? null;
    const minimum = `${HELM_MIN_OCI.major}.${HELM_MIN_OCI.minor}.${HELM_MIN_OCI.patch}`;
    const upgrade = upgradeRemediations('helm', ctx.probes.platform, ctx.probes.env);
    if (!version) {
      return {
        status: 'warn',
        code: 'HELM_VERSION_ERROR',
        summary: t('environment.helm.version.unreadable', { minimum }),
        details: { version: null, minimum, ...(data?.output.length ? { output: data.output } : {}) },
        remediations: upgrade,
      };
    }
    const details = { version: version.text, minimum };
    if (compareVersions(version, HELM_MIN_OCI) >= 0) {
      return { status: 'pass', summary: t('environment.helm.version.ok', { version: version.text, minimum }), details };
    }
    return {
      status: 'warn',
      code: 'HELM_VERSION_ERROR',
      summary:
        version.major < 3
          ? t('environment.helm.version.helm2', { version: version.text, minimum })
          : t('environment.helm.version.experimental', { version: version.text, minimum }),
      details,
      remediations: upgrade,
    };
  },
};
