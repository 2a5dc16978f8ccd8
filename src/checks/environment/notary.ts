import type { CheckDefinition } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { parseNotaryVersion } from './parse-version.js';
import { docsFor, evidence, runTool, toolProblem } from './run-tool.js';
import { installRemediations } from './install.js';

interface NotaryData {
  version: string | null;
}

/** notary (Docker Content Trust) is legacy: only people who still sign with DCT need it. */
export const notaryCommand: CheckDefinition = {
  id: 'notary.command',
  group: 'environment',
  title: 'Notary command runs',
  dependsOn: [],
  codes: ['NOTARY_COMMAND_ERROR'],
  async run(ctx) {
    const r = await runTool(ctx, ['notary', 'version']);
    const problem = toolProblem(ctx, r, {
      program: 'notary',
      code: 'NOTARY_COMMAND_ERROR',
      install: installRemediations('notary', ctx.probes.platform, ctx.probes.env),
      missingNote: t('environment.notary.legacyNote'),
    });
    if (problem) return problem;
    const version = parseNotaryVersion(r.stdout);
    const data: NotaryData = { version };
    return {
      status: 'pass',
      summary: t('environment.notary.command.ok'),
      details: { ...evidence(r), version },
      data: { ...data },
    };
  },
};

export const notaryVersion: CheckDefinition = {
  id: 'notary.version',
  group: 'environment',
  title: 'Notary version',
  dependsOn: ['notary.command'],
  codes: ['NOTARY_VERSION_ERROR'],
  async run(ctx) {
    const version = ctx.dep<NotaryData>('notary.command')?.version ?? null;
    if (version) return { status: 'pass', summary: t('environment.notary.version.ok', { version }), details: { version } };
    return {
      status: 'warn',
      code: 'NOTARY_VERSION_ERROR',
      summary: t('environment.notary.version.unknown'),
      details: { version: null, command: ['notary', 'version'] },
      remediations: [
        { id: 'notary-release', title: t('environment.notary.version.fix.release'), command: null, changes: true, docs: docsFor('NOTARY_VERSION_ERROR') },
      ],
    };
  },
};
