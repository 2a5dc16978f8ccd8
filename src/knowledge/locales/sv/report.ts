export const report: Record<string, string> = {
  'report.heading.target': 'acr-doctor: kontrollerar {target}',
  'report.heading.environment': 'acr-doctor: kontrollerar den här datorn (inget register angivet)',
  'report.group.environment': 'Miljö',
  'report.group.registry': 'Register',
  'report.group.auth': 'Autentisering',
  'report.group.repository': 'Lagringsplats',
  'report.counts': '{passed} godkända, {warnings} varningar, {failed} misslyckade, {skipped} överhoppade',
};
