/** The contract's check ids (../shared/CONTRACT.md), in display order. */
export const CHECK_IDS = [
  'docker.command',
  'docker.daemon',
  'docker.version',
  'docker.pull',
  'helm.command',
  'helm.version',
  'notary.command',
  'notary.version',
  'az.version',
  'registry.login-server',
  'registry.dns',
  'registry.tls',
  'registry.challenge',
  'registry.cmk',
  'registry.private-endpoint',
  'auth.credential',
  'auth.refresh-token',
  'auth.access-token',
  'repository.pull',
  'repository.data-endpoint',
  'repository.push',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
