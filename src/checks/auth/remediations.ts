import type { Remediation } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { ACR_SCOPE } from './authority.js';

const AUTH_DOCS = 'https://aka.ms/acr/authorization';

/**
 * `az login` (optionally for one tenant): it opens a browser or device-code prompt, so it needs the
 * terminal. It changes this machine's sign-in state, hence `changes`.
 */
export function azLogin(tenant?: string | null): Remediation {
  return {
    id: 'az-login',
    title: tenant ? t('auth.fix.azLoginTenant', { tenant }) : t('auth.fix.azLogin'),
    command: tenant ? ['az', 'login', '--tenant', tenant] : ['az', 'login'],
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

export function installAz(): Remediation {
  return {
    id: 'install-az',
    title: t('auth.fix.installAz'),
    command: null,
    changes: true,
    docs: 'https://learn.microsoft.com/cli/azure/install-azure-cli',
  };
}

export function manual(id: string, titleKey: string, params: Record<string, string | number> = {}, docs?: string): Remediation {
  return { id, title: t(titleKey, params), command: null, changes: false, ...(docs ? { docs } : {}) };
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

export function syncClock(): Remediation {
  return manual('sync-clock', 'auth.fix.syncClock');
}
