import type { Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';

type Tool = 'docker' | 'helm' | 'notary' | 'az';

const DOCS: Record<Tool, string> = {
  docker: 'https://docs.docker.com/engine/install/',
  helm: 'https://helm.sh/docs/intro/install/',
  notary: 'https://aka.ms/acr/errors#notary_command_error',
  az: 'https://learn.microsoft.com/cli/azure/install-azure-cli',
};

const PACKAGES: Partial<Record<NodeJS.Platform, Partial<Record<Tool, string[]>>>> = {
  darwin: { helm: ['brew', 'install', 'helm'], az: ['brew', 'install', 'azure-cli'] },
  win32: {
    helm: ['winget', 'install', '--exact', '--id', 'Helm.Helm'],
    az: ['winget', 'install', '--exact', '--id', 'Microsoft.AzureCLI'],
  },
};

const UPGRADES: Partial<Record<NodeJS.Platform, Partial<Record<Tool, string[]>>>> = {
  darwin: { helm: ['brew', 'upgrade', 'helm'] },
  win32: { helm: ['winget', 'upgrade', '--exact', '--id', 'Helm.Helm'] },
};

/** How to install a missing client on this platform: a package-manager command where one is usual, else the docs. */
export function installRemediations(tool: Tool, platform: NodeJS.Platform): Remediation[] {
  const out: Remediation[] = [];
  const cmd = PACKAGES[platform]?.[tool];
  if (cmd) out.push({ id: `install-${tool}`, title: t('environment.fix.installWith', { program: tool }), command: cmd, changes: true });
  if (tool === 'docker' && (platform === 'darwin' || platform === 'win32')) {
    out.push({ id: 'install-docker-desktop', title: t('environment.fix.installDockerDesktop'), command: null, changes: true, docs: 'https://docs.docker.com/desktop/' });
  } else {
    const key = tool === 'notary' ? 'environment.fix.installNotary' : 'environment.fix.installDocs';
    out.push({ id: cmd ? `install-${tool}-docs` : `install-${tool}`, title: t(key, { program: tool }), command: null, changes: true, docs: DOCS[tool] });
  }
  return out;
}

export function upgradeRemediations(tool: Tool, platform: NodeJS.Platform): Remediation[] {
  const out: Remediation[] = [];
  const cmd = UPGRADES[platform]?.[tool];
  if (cmd) out.push({ id: `upgrade-${tool}`, title: t('environment.fix.upgradeWith', { program: tool }), command: cmd, changes: true });
  out.push({ id: cmd ? `upgrade-${tool}-docs` : `upgrade-${tool}`, title: t('environment.fix.upgradeDocs', { program: tool }), command: null, changes: true, docs: DOCS[tool] });
  return out;
}
