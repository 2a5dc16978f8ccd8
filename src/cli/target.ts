import { UsageError } from './usage-error.js';
import { isHost, parsePort } from './validate.js';
import { t } from '../knowledge/i18n.js';
import type { Cloud, Target } from '../engine/types.js';

export const CLOUD_SUFFIX: Record<Cloud, string> = {
  AzureCloud: 'azurecr.io',
  AzureChinaCloud: 'azurecr.cn',
  AzureUSGovernment: 'azurecr.us',
};

const ACR_NAME = /^[A-Za-z0-9]{5,50}$/;

export interface ParsedTarget {
  target: Target;
  /** Upper case was lowered: tell the person. */
  lowered: boolean;
}

/**
 * Turns what the person typed into a login server: a registry name, a login server,
 * host:port, or an https:// URL without a path. Anything else is a usage error.
 */
export function parseTarget(input: string, cloud: Cloud): ParsedTarget {
  let value = input.trim();
  if (value !== input || value === '') throw new UsageError(t('cli.error.registry', { value: input }));
  if (/[^\x21-\x7e]/.test(value)) throw new UsageError(t('cli.error.registryNonAscii', { value: input }));
  const url = /^([a-z]+):\/\/(.*)$/i.exec(value);
  if (url) {
    if (url[1]!.toLowerCase() !== 'https') throw new UsageError(t('cli.error.registryScheme', { value: input }));
    value = url[2]!.replace(/\/$/, '');
    if (value.includes('/') || value.includes('?') || value.includes('#') || value.includes('@')) {
      throw new UsageError(t('cli.error.registryPath', { value: input }));
    }
  }
  if (ACR_NAME.test(value)) {
    const name = value.toLowerCase();
    return {
      target: { input, registryName: name, loginServer: `${name}.${CLOUD_SUFFIX[cloud]}`, cloud },
      lowered: name !== value,
    };
  }
  // host or host:port; brackets for IPv6.
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d+))?$/.exec(value);
  if (!m || !isHost(m[1]!)) {
    if (/^[A-Za-z0-9]+$/.test(value)) throw new UsageError(t('cli.error.registryName', { value: input }));
    throw new UsageError(t('cli.error.registry', { value: input }));
  }
  const host = m[1]!.toLowerCase();
  if (!host.includes('.') && !host.startsWith('[') && host !== 'localhost') {
    throw new UsageError(t('cli.error.registryName', { value: input }));
  }
  const port = m[2] ? parsePort(m[2], 'registry') : 443;
  let registryName: string | null = null;
  let targetCloud = cloud;
  for (const [c, suffix] of Object.entries(CLOUD_SUFFIX) as [Cloud, string][]) {
    const first = host.slice(0, host.length - suffix.length - 1);
    if (host.endsWith(`.${suffix}`) && ACR_NAME.test(first)) {
      registryName = first;
      targetCloud = c;
    }
  }
  const loginServer = port === 443 ? host : `${host}:${port}`;
  return { target: { input, registryName, loginServer, cloud: targetCloud }, lowered: host !== (m[1] ?? host) };
}
