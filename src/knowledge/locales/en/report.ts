export const report: Record<string, string> = {
  'report.heading.target': 'acr-doctor: checking {target}',
  'report.heading.environment': 'acr-doctor: checking this machine (no registry given)',
  'report.group.environment': 'Environment',
  'report.group.registry': 'Registry',
  'report.group.auth': 'Authentication',
  'report.group.repository': 'Repository',
  'report.counts': '{passed} passed, {warnings} warnings, {failed} failed, {skipped} skipped',
};
