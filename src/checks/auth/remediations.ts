import type { Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { ACR_SCOPE } from './authority.js';
import { installRemediations } from '../environment/install.js';
import { hostKind } from '../environment/host.js';
import { safeAcrTokenName, safeTenant } from '../../probes/safe-values.js';

const AUTH_DOCS = 'https://aka.ms/acr/authorization';

/**
 * `az login` (optionally for one tenant): it opens a browser or device-code prompt, so it needs the
 * terminal. It only refreshes this machine's sign-in cache, so it counts as not changing anything
 * (the same value everywhere acr-doctor offers it).
 */
export function azLogin(rawTenant?: string | null): Remediation {
  // The tenant comes from token claims, az output or AZURE_TENANT_ID: only a GUID or domain goes on the command line.
  const tenant = safeTenant(rawTenant);
  return {
    id: 'az-login',
    title: tenant ? t('auth.fix.azLoginTenant', { tenant }) : t('auth.fix.azLogin'),
    command: tenant ? ['az', 'login', '--tenant', tenant] : ['az', 'login'],
    // It changes this machine's sign-in (the Azure CLI's token cache), not the registry.
    changes: true,
    interactive: true,
    docs: AUTH_DOCS,
  };
}

/** Sign in asking AAD for a registry-audience token directly. */
export function azLoginAcrScope(): Remediation {
  return {
    id: 'az-login-acr-scope',
    title: t('auth.fix.azLoginAcrScope'),
    command: ['az', 'login', '--scope', ACR_SCOPE],
    changes: true,
    interactive: true,
    docs: AUTH_DOCS,
  };
}

/** Installing the Azure CLI the way this platform does it, or picking another credential. */
export function installAz(platform: NodeJS.Platform, env: Record<string, string | undefined>): Remediation[] {
  return [...installRemediations('az', platform, env), manual('other-auth', 'auth.fix.installAz')];
}

/** A step done by hand. `changes` is true when doing it alters the registry, roles or an app registration. */
export function manual(id: string, titleKey: string, params: Record<string, string | number> = {}, docs?: string, changes = false): Remediation {
  return { id, title: t(titleKey, params), command: null, changes, ...(docs ? { docs } : {}) };
}

export function armShow(registry: string): Remediation {
  return {
    id: 'show-authentication-as-arm',
    title: t('auth.fix.armShow'),
    command: ['az', 'acr', 'config', 'authentication-as-arm', 'show', '--registry', registry],
    changes: false,
    docs: 'https://aka.ms/acr/errors#arm_token_disallowed',
  };
}

export function armEnable(registry: string): Remediation {
  return {
    id: 'enable-authentication-as-arm',
    title: t('auth.fix.armEnable'),
    command: ['az', 'acr', 'config', 'authentication-as-arm', 'update', '--registry', registry, '--status', 'enabled'],
    changes: true,
    docs: 'https://aka.ms/acr/errors#arm_token_disallowed',
  };
}

export function anonymousPullEnable(registry: string): Remediation {
  return {
    id: 'enable-anonymous-pull',
    title: t('auth.fix.anonymousEnable'),
    command: ['az', 'acr', 'update', '--name', registry, '--anonymous-pull-enabled', 'true'],
    changes: true,
    docs: AUTH_DOCS,
  };
}

export function adminUserShow(registry: string): Remediation {
  return {
    id: 'show-admin-user',
    title: t('auth.fix.adminShow'),
    command: ['az', 'acr', 'show', '--name', registry, '--query', 'adminUserEnabled'],
    changes: false,
    docs: AUTH_DOCS,
  };
}

export function adminUserEnable(registry: string): Remediation {
  return {
    id: 'enable-admin-user',
    title: t('auth.fix.adminEnable'),
    command: ['az', 'acr', 'update', '--name', registry, '--admin-enabled', 'true'],
    changes: true,
    docs: AUTH_DOCS,
  };
}

export function tokenShow(registry: string, username: string): Remediation {
  if (!safeAcrTokenName(username)) return manual('show-scoped-token', 'auth.fix.tokenShow', { name: username }, AUTH_DOCS);
  return {
    id: 'show-scoped-token',
    title: t('auth.fix.tokenShow', { name: username }),
    command: ['az', 'acr', 'token', 'show', '--name', username, '--registry', registry],
    changes: false,
    docs: AUTH_DOCS,
  };
}

export function registryId(registry: string): Remediation {
  return {
    id: 'show-registry-id',
    title: t('auth.fix.registryId'),
    command: ['az', 'acr', 'show', '--name', registry, '--query', 'id', '--output', 'tsv'],
    changes: false,
    docs: 'https://aka.ms/acr/authorization',
  };
}

/**
 * Setting the clock right, per platform. Only Linux has one command that is right everywhere;
 * elsewhere the settings page is the dependable way.
 */
export function syncClock(platform: NodeJS.Platform, env: Record<string, string | undefined>): Remediation {
  const host = hostKind(platform, env);
  if (host === 'linux') {
    return { id: 'sync-clock', title: t('auth.fix.syncClockLinux'), command: ['sudo', 'timedatectl', 'set-ntp', 'true'], changes: true, interactive: true };
  }
  const key = host === 'wsl' ? 'auth.fix.syncClockWsl' : host === 'darwin' ? 'auth.fix.syncClockMac' : host === 'win32' ? 'auth.fix.syncClockWindows' : 'auth.fix.syncClock';
  return { id: 'sync-clock', title: t(key), command: null, changes: true };
}
