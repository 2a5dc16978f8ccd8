import { t } from '../knowledge/i18n.js';
import { VERSION } from '../version.js';

const OPTIONS: [string, string][] = [
  ['-n, --name REGISTRY', 'help.opt.name'],
  ['--cloud NAME', 'help.opt.cloud'],
  ['--auth MODE', 'help.opt.auth'],
  ['-u, --username USER', 'help.opt.username'],
  ['--password-stdin', 'help.opt.passwordStdin'],
  ['--repository REPO[:TAG]', 'help.opt.repository'],
  ['--push', 'help.opt.push'],
  ['--pull-image IMAGE', 'help.opt.pullImage'],
  ['--ca-file PEM', 'help.opt.caFile'],
  ['--connect-to H:P:ADDR:P2', 'help.opt.connectTo'],
  ['-y, --yes', 'help.opt.yes'],
  ['--fail-fast', 'help.opt.failFast'],
  ['--ignore-errors', 'help.opt.ignoreErrors'],
  ['--skip ID[,ID...]', 'help.opt.skip'],
  ['--timeout SECONDS', 'help.opt.timeout'],
  ['--export FILE', 'help.opt.export'],
  ['--json', 'help.opt.json'],
  ['--verbose', 'help.opt.verbose'],
  ['--lang en|sv', 'help.opt.lang'],
  ['--no-color', 'help.opt.noColor'],
  ['--list', 'help.opt.list'],
  ['-h, --help', 'help.opt.help'],
  ['-V, --version', 'help.opt.version'],
];

export function helpText(): string {
  const width = Math.max(...OPTIONS.map(([o]) => o.length)) + 2;
  const lines = [
    `acr-doctor ${VERSION} — ${t('help.tagline')}`,
    '',
    t('help.usage'),
    '  acr-doctor [REGISTRY] [options]          ' + t('help.cmd.default'),
    '  acr-doctor check [REGISTRY] [options]    ' + t('help.cmd.check'),
    '  acr-doctor explain [TEXT ...]            ' + t('help.cmd.explain'),
    '  acr-doctor replay FILE.json              ' + t('help.cmd.replay'),
    '  acr-doctor demo [SCENARIO] | --list      ' + t('help.cmd.demo'),
    '',
    t('help.registry'),
    '',
    t('help.options'),
    ...OPTIONS.map(([o, k]) => `  ${o.padEnd(width)}${t(k)}`),
    '',
    t('help.env'),
    '',
    t('help.exit'),
    '',
  ];
  return lines.join('\n');
}
