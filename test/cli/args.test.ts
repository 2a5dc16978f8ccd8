import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { parseTarget } from '../../src/cli/target.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { parseIni } from '../../src/cli/azure-config.js';

const parse = (...argv: string[]) => parseCliArgs(argv, {});
const usage = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('command line parsing', () => {
  it('reads commands, the registry and every contract option', () => {
    const a = parse(
      'check', 'myreg', '--cloud', 'AzureChinaCloud', '--auth', 'basic', '-u', 'admin', '--repository', 'team/app:v1', '--push',
      '--connect-to', 'myreg.azurecr.cn:443:10.0.0.4:443', '-y', '--fail-fast', '--skip', 'docker.pull,helm.command', '--skip', 'repository',
      '--timeout', '5', '--json', '--verbose', '--lang', 'sv', '--no-color', '--pull-image', 'mcr.microsoft.com/mcr/hello-world:latest',
    );
    expect(a.command).toBe('check');
    expect(a.registry).toBe('myreg');
    expect(a.options).toMatchObject({
      cloud: 'AzureChinaCloud',
      auth: 'basic',
      username: 'admin',
      repository: { name: 'team/app', tag: 'v1' },
      push: true,
      yes: true,
      failFast: true,
      skip: ['docker.pull', 'helm.command', 'repository'],
      timeoutSeconds: 5,
      json: true,
      verbose: true,
      lang: 'sv',
      color: false,
      connectTo: [{ host: 'myreg.azurecr.cn', port: 443, toHost: '10.0.0.4', toPort: 443 }],
    });
  });

  it('treats --ignore-errors as the default and lets it cancel --fail-fast', () => {
    expect(parse('--ignore-errors').options.failFast).toBe(false);
    expect(parse('--fail-fast', '--ignore-errors').options.failFast).toBe(false);
  });

  it('takes the language from LANG when --lang is absent', () => {
    expect(parseCliArgs([], { LANG: 'sv_SE.UTF-8' }).options.lang).toBe('sv');
    expect(parseCliArgs([], { LANG: 'de_DE.UTF-8' }).options.lang).toBe('en');
  });

  it('honours NO_COLOR', () => {
    expect(parseCliArgs([], { NO_COLOR: '1' }).options.color).toBe(false);
    expect(parseCliArgs([], {}).options.color).toBe(true);
  });

  it.each([
    [['--bogus'], /no option '--bogus'/],
    [['--password', 'x'], /no --password option/],
    [['--cloud', 'Mars'], /unknown cloud 'Mars'/],
    [['--auth', 'magic'], /unknown authentication mode/],
    [['--timeout', 'abc'], /--timeout wants seconds/],
    [['--timeout', '0'], /--timeout wants seconds/],
    [['--skip', 'nope'], /--skip does not know 'nope'/],
    [['--push'], /--push needs --repository/],
    [['myreg', '--repository', 'Bad Name'], /is not a repository name/],
    [['--repository', 'app'], /needs a registry/],
    [['--connect-to', 'a:b'], /--connect-to wants/],
    [['--connect-to', 'myreg.azurecr.io:443:10.0.0.4:99999'], /is not a port number/],
    [['--export', 'out.txt'], /\.json or \.md/],
    [['--ca-file', '/nonexistent/ca.pem'], /does not exist/],
    [['--lang', 'fr'], /unknown language/],
    [['--auth', 'basic'], /needs --username/],
    [['--auth', 'az', '-u', 'x'], /only works with --auth basic/],
    [['one', 'two'], /unexpected argument 'two'/],
    [['myreg', '-n', 'other'], /not both/],
    [['--list'], /only works with demo/],
    [['replay'], /exactly one file/],
    [['--timeout'], /needs a value/],
    [['--pull-image', 'img; rm -rf /'], /is not an image reference/],
  ])('rejects %j with a clear sentence', (argv, message) => {
    expect(usage(() => parse(...(argv as string[])))).toMatch(message);
  });
});

describe('registry argument', () => {
  it.each([
    ['myreg01', 'myreg01', 'myreg01.azurecr.io', 'AzureCloud'],
    ['MyReg01', 'myreg01', 'myreg01.azurecr.io', 'AzureCloud'],
    ['myreg01.azurecr.io', 'myreg01', 'myreg01.azurecr.io', 'AzureCloud'],
    ['myreg01.azurecr.cn', 'myreg01', 'myreg01.azurecr.cn', 'AzureChinaCloud'],
    ['https://myreg01.azurecr.us/', 'myreg01', 'myreg01.azurecr.us', 'AzureUSGovernment'],
    ['localhost:5000', null, 'localhost:5000', 'AzureCloud'],
    ['127.0.0.1:5000', null, '127.0.0.1:5000', 'AzureCloud'],
    ['registry.example.com', null, 'registry.example.com', 'AzureCloud'],
    ['[::1]:5000', null, '[::1]:5000', 'AzureCloud'],
  ])('%s → %s at %s', (input, name, loginServer, cloud) => {
    const { target } = parseTarget(input, 'AzureCloud');
    expect(target).toMatchObject({ registryName: name, loginServer, cloud });
  });

  it('says when upper case was lowered', () => {
    expect(parseTarget('MyReg01', 'AzureCloud').lowered).toBe(true);
    expect(parseTarget('myreg01', 'AzureCloud').lowered).toBe(false);
  });

  it.each([
    ['my reg', /spaces or characters outside plain ASCII/],
    ['myrégistry', /outside plain ASCII/],
    ['reg', /5–50 letters and digits/],
    ['a'.repeat(51), /5–50 letters and digits/],
    ['my-reg', /not a valid registry name/],
    ['myreg;rm', /is not a registry/],
    ['$(whoami)', /is not a registry/],
    ['http://myreg.azurecr.io', /https:\/\/ only/],
    ['https://myreg.azurecr.io/v2/', /without a path/],
    ['../etc/passwd', /is not a registry/],
    ['myreg.azurecr.io:0', /port number/],
  ])('rejects %j', (input, message) => {
    expect(usage(() => parseTarget(input, 'AzureCloud'))).toMatch(message);
  });
});

describe('Azure CLI config', () => {
  it('reads the default registry and the cloud', () => {
    const ini = parseIni('[cloud]\nname = AzureChinaCloud\n\n[defaults]\nacr = myreg01\ngroup=rg\n');
    expect(ini.defaults?.acr).toBe('myreg01');
    expect(ini.cloud?.name).toBe('AzureChinaCloud');
  });
});

describe('the closing count line', () => {
  it('uses the singular for exactly one, in both languages', async () => {
    const { countLine } = await import('../../src/report/plain.js');
    const { setLang } = await import('../../src/knowledge/i18n.js');
    setLang('en');
    expect(countLine({ passed: 3, warnings: 1, failed: 1, skipped: 0 })).toBe('3 passed, 1 warning, 1 failed, 0 skipped');
    setLang('sv');
    expect(countLine({ passed: 1, warnings: 2, failed: 1, skipped: 2 })).toBe('1 godkänd, 2 varningar, 1 misslyckad, 2 överhoppade');
    setLang('en');
  });
});
