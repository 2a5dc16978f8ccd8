import type { CheckDefinition, CheckOutcome, Cloud, Target } from '../../engine/types.js';
import type { LoginServerData } from '../data.js';
import { t } from '../../knowledge/i18n.js';
import { readAzureCliConfig } from '../../cli/azure-config.js';
import { CLOUD_SUFFIX } from '../../cli/target.js';

export type CloudSource = 'option' | 'azureCli' | 'suffix' | 'default';

/** Splits a Target's login server (host, host:port, [v6]:port) into host and port. */
export function splitLoginServer(loginServer: string): { host: string; port: number } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]/]+)(?::(\d{1,5}))?$/.exec(loginServer);
  if (!m) return null;
  const port = m[2] ? Number(m[2]) : 443;
  if (port < 1 || port > 65535) return null;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

/** Where the target's cloud came from, for the evidence. */
export function cloudSource(target: Target, optionsCloud: Cloud, cloudExplicit: boolean, azCliCloud: string | null): CloudSource {
  const suffix = CLOUD_SUFFIX[target.cloud];
  const typedLoginServer = target.registryName !== null && target.input.toLowerCase().replace(/^https:\/\//, '').replace(/\/$/, '').endsWith(`.${suffix}`);
  if (typedLoginServer && (!cloudExplicit || target.cloud !== optionsCloud)) return 'suffix';
  if (cloudExplicit) return 'option';
  if (azCliCloud && azCliCloud === target.cloud) return 'azureCli';
  return 'default';
}

export const loginServerCheck: CheckDefinition = {
  id: 'registry.login-server',
  group: 'registry',
  title: 'Registry login server',
  dependsOn: [],
  codes: ['LOGIN_SERVER_ERROR'],
  async run(ctx): Promise<CheckOutcome> {
    const target = ctx.target;
    const fixes = [
      { id: 'name-registry', title: t('registry.loginServer.fix.name'), command: null, changes: false },
      { id: 'default-registry', title: t('registry.loginServer.fix.default'), command: null, changes: true },
    ];
    if (!target) {
      return { status: 'fail', code: 'LOGIN_SERVER_ERROR', summary: t('registry.loginServer.none'), details: { input: null }, remediations: fixes };
    }
    const parts = splitLoginServer(target.loginServer);
    if (!parts) {
      return {
        status: 'fail',
        code: 'LOGIN_SERVER_ERROR',
        summary: t('registry.loginServer.invalid', { input: target.input }),
        details: { input: target.input, loginServer: target.loginServer },
        remediations: fixes,
      };
    }
    const data: LoginServerData = {
      loginServer: target.loginServer,
      host: parts.host,
      port: parts.port,
      registryName: target.registryName,
      baseUrl: `https://${target.loginServer}`,
    };
    const isAcr = target.registryName !== null;
    const source = cloudSource(target, ctx.options.cloud, ctx.options.cloudExplicit, readAzureCliConfig(ctx.probes.env).cloud);
    const summary = isAcr
      ? t('registry.loginServer.passAcr', {
          name: target.registryName!,
          loginServer: target.loginServer,
          cloud: target.cloud,
          source: t(`registry.loginServer.source.${source}`),
        })
      : t('registry.loginServer.passOther', { loginServer: target.loginServer });
    return {
      status: 'pass',
      summary,
      details: {
        input: target.input,
        loginServer: target.loginServer,
        registryName: target.registryName,
        azureContainerRegistry: isAcr,
        cloud: isAcr ? target.cloud : null,
        cloudSource: isAcr ? source : null,
      },
      data: data as unknown as Record<string, unknown>,
    };
  },
};
