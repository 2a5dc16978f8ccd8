import type { Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { hostKind, type HostKind } from './host.js';

type Tool = 'docker' | 'helm' | 'notary' | 'az';

const DOCS: Record<Tool, string> = {
  docker: 'https://docs.docker.com/engine/install/',
  helm: 'https://helm.sh/docs/intro/install/',
  notary: 'https://aka.ms/acr/errors#notary_command_error',
  az: 'https://learn.microsoft.com/cli/azure/install-azure-cli',
};

const DESKTOP_DOCS = 'https://docs.docker.com/desktop/';
const WSL_DOCS = 'https://docs.docker.com/desktop/features/wsl/';

/**
 * Package-manager commands where one is the usual way. Linux (and WSL) distributions differ too
 * much (apt, dnf, zypper, snap, Microsoft's own repositories), so they get the docs instead.
 */
const PACKAGES: Partial<Record<HostKind, Partial<Record<Tool, string[]>>>> = {
  darwin: { helm: ['brew', 'install', 'helm'], az: ['brew', 'install', 'azure-cli'] },
  win32: {
    docker: ['winget', 'install', '--exact', '--id', 'Docker.DockerDesktop'],
    helm: ['winget', 'install', '--exact', '--id', 'Helm.Helm'],
    az: ['winget', 'install', '--exact', '--id', 'Microsoft.AzureCLI'],
  },
};

const UPGRADES: Partial<Record<HostKind, Partial<Record<Tool, string[]>>>> = {
  darwin: { helm: ['brew', 'upgrade', 'helm'] },
  win32: { helm: ['winget', 'upgrade', '--exact', '--id', 'Helm.Helm'] },
};

/** winget may ask to accept source agreements and shows an elevation prompt: it needs the terminal. */
function packageRemediation(id: string, titleKey: string, tool: Tool, command: string[]): Remediation {
  return { id, title: t(titleKey, { program: tool, manager: command[0]! }), command, changes: true, ...(command[0] === 'winget' ? { interactive: true } : {}) };
}

/** How to install a missing client here: a package-manager command where one is usual, else the docs. */
export function installRemediations(tool: Tool, platform: NodeJS.Platform, env: Record<string, string | undefined> = {}): Remediation[] {
  const host = hostKind(platform, env);
  const out: Remediation[] = [];
  const cmd = PACKAGES[host]?.[tool];
  if (cmd) out.push(packageRemediation(`install-${tool}`, 'environment.fix.installWith', tool, cmd));
  if (tool === 'docker' && (host === 'darwin' || host === 'win32')) {
    out.push({ id: 'install-docker-desktop', title: t('environment.fix.installDockerDesktop'), command: null, changes: true, docs: DESKTOP_DOCS });
  } else if (tool === 'docker' && host === 'wsl') {
    out.push({ id: 'install-docker', title: t('environment.fix.installDockerWsl'), command: null, changes: true, docs: WSL_DOCS });
  } else {
    const key = tool === 'notary' ? 'environment.fix.installNotary' : 'environment.fix.installDocs';
    out.push({ id: cmd ? `install-${tool}-docs` : `install-${tool}`, title: t(key, { program: tool }), command: null, changes: true, docs: DOCS[tool] });
  }
  return out;
}

export function upgradeRemediations(tool: Tool, platform: NodeJS.Platform, env: Record<string, string | undefined> = {}): Remediation[] {
  const host = hostKind(platform, env);
  const out: Remediation[] = [];
  const cmd = UPGRADES[host]?.[tool];
  if (cmd) out.push(packageRemediation(`upgrade-${tool}`, 'environment.fix.upgradeWith', tool, cmd));
  out.push({ id: cmd ? `upgrade-${tool}-docs` : `upgrade-${tool}`, title: t('environment.fix.upgradeDocs', { program: tool }), command: null, changes: true, docs: DOCS[tool] });
  return out;
}
