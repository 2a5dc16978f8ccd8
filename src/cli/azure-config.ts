import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AzureCliConfig {
  defaultRegistry: string | null;
  cloud: string | null;
}

/** Minimal INI reading of the Azure CLI's config file; a missing or unreadable file means no settings. */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const s = /^\[(.+)\]$/.exec(line);
    if (s) {
      section = s[1]!.trim().toLowerCase();
      out[section] ??= {};
      continue;
    }
    const kv = /^([^=:]+)[=:](.*)$/.exec(line);
    if (kv && section) out[section]![kv[1]!.trim().toLowerCase()] = kv[2]!.trim();
  }
  return out;
}

export function azureConfigDir(env: Record<string, string | undefined>): string {
  return env.AZURE_CONFIG_DIR || join(homedir(), '.azure');
}

export function readAzureCliConfig(env: Record<string, string | undefined>): AzureCliConfig {
  let text = '';
  try {
    text = readFileSync(join(azureConfigDir(env), 'config'), 'utf8');
  } catch {
    return { defaultRegistry: null, cloud: null };
  }
  const ini = parseIni(text);
  return { defaultRegistry: ini.defaults?.acr || null, cloud: ini.cloud?.name || null };
}
