import type { CheckDefinition, Cloud, Remediation, SessionOptions } from '../../engine/types.js';
import { t } from '../../knowledge/i18n.js';
import { dockerProgram, type DockerCommandData } from './docker-program.js';
import type { DockerDaemonData } from './docker-daemon.js';
import { acrNameOf, classifyPullError, parseImageRef, pulledDigest, type PullProblem } from './parse-docker-pull.js';
import { docsFor, evidence, firstLine, runTool } from './run-tool.js';
import { dockerConfigFile, hostKind, type HostKind } from './host.js';
import { lookupRemedy } from '../registry/remedies.js';

const CODE = 'DOCKER_PULL_ERROR';

/**
 * The test image per cloud. AzureUSGovernment uses the public MCR image like AzureCloud: MCR is a
 * global public endpoint that Government machines reach as well, and Microsoft publishes no
 * separate Government mirror of it. AzureChinaCloud uses the China mirror of MCR.
 */
export const DEFAULT_PULL_IMAGE: Record<Cloud, string> = {
  AzureCloud: 'mcr.microsoft.com/mcr/hello-world:latest',
  AzureUSGovernment: 'mcr.microsoft.com/mcr/hello-world:latest',
  AzureChinaCloud: 'mcr.azk8s.cn/mcr/hello-world:latest',
};

/** A pull downloads layers: it gets 120 s, or the --timeout if that is longer. */
export const PULL_TIMEOUT_SECONDS = 120;

export function pullImageFor(options: SessionOptions): string {
  return options.pullImage ?? DEFAULT_PULL_IMAGE[options.cloud];
}

/** Which flavour of a platform-dependent text applies: a native Linux daemon, Docker Desktop, or WSL (either). */
function flavour(host: HostKind): 'Linux' | 'Desktop' | 'Wsl' {
  return host === 'linux' ? 'Linux' : host === 'wsl' ? 'Wsl' : 'Desktop';
}

/** What to do about a failed pull, per problem and platform. Exported for tests. */
export function pullRemediations(
  problem: PullProblem,
  where: { platform: NodeJS.Platform; env: Record<string, string | undefined> },
  image: string,
  host: string,
  program: string,
): Remediation[] {
  const kind = flavour(hostKind(where.platform, where.env));
  const configFile = dockerConfigFile(where.platform, where.env);
  // `changes`: editing the daemon's configuration, docker's config file or the trusted certificates
  // alters this machine; checking names and waiting does not.
  const manual = (id: string, key: string, docs?: string, changes = false): Remediation => ({
    id,
    title: t(key, { image, host, program, configFile }),
    command: null,
    changes,
    ...(docs ? { docs } : {}),
  });
  switch (problem) {
    case 'platform':
      return [manual('pick-platform-image', 'environment.pull.fix.platform')];
    case 'credential-helper':
      return [manual('fix-credential-helper', 'environment.pull.fix.credentialHelper', undefined, true)];
    case 'dns': {
      // nslookup, or Resolve-DnsName in PowerShell on Windows; only for a plain DNS name, since
      // PowerShell reads its -Command arguments as script.
      const name = host.replace(/:\d+$/, '');
      return [
        manual('check-dns', 'environment.pull.fix.dns'),
        ...(/^[A-Za-z0-9.-]+$/.test(name) ? [lookupRemedy(name, where.platform)] : []),
        manual('daemon-dns', `environment.pull.fix.daemonDns${kind}`, 'https://docs.docker.com/engine/daemon/', true),
      ];
    }
    case 'proxy':
      return [manual('daemon-proxy', `environment.pull.fix.proxy${kind}`, 'https://docs.docker.com/engine/daemon/proxy/', true)];
    case 'tls':
      return [manual('trust-registry-ca', `environment.pull.fix.tls${kind}`, 'https://docs.docker.com/engine/security/certificates/', true)];
    case 'unauthorized': {
      // Both only write this machine's docker credentials, like `az login` its sign-in cache: no change elsewhere.
      const acr = acrNameOf(host);
      return acr
        ? [{ id: 'acr-login', title: t('environment.pull.fix.acrLogin', { name: acr }), command: ['az', 'acr', 'login', '--name', acr], changes: true }]
        : [{ id: 'docker-login', title: t('environment.pull.fix.dockerLogin', { host }), command: [program, 'login', host], changes: true, interactive: true }];
    }
    case 'timeout':
      return [manual('check-firewall', 'environment.pull.fix.timeout')];
    case 'not-found':
      return [manual('check-image', 'environment.pull.fix.notFound')];
    case 'refused':
      return [manual('check-port', 'environment.pull.fix.refused')];
    case 'reference':
      return [manual('fix-image-name', 'environment.pull.fix.reference')];
    case 'throttled':
      return [manual('wait-and-retry', 'environment.pull.fix.throttled')];
    case 'disk':
      return [
        { id: 'docker-disk-usage', title: t('environment.pull.fix.diskUsage'), command: [program, 'system', 'df'], changes: false },
        { id: 'prune-images', title: t('environment.pull.fix.prune'), command: [program, 'image', 'prune'], changes: true, interactive: true },
      ];
    case 'daemon':
      return [manual('rerun-daemon-check', 'environment.pull.fix.daemon')];
    case 'unknown':
      return [manual('docker-pull-docs', 'environment.pull.fix.docs', docsFor(CODE))];
  }
}

/** `docker pull` of a small public image: proves the daemon can reach a registry. Changes the local image store, so it asks first. */
export const dockerPull: CheckDefinition = {
  id: 'docker.pull',
  group: 'environment',
  title: 'Docker can pull an image',
  dependsOn: ['docker.daemon'],
  codes: [CODE],
  timeoutMs: (options) => Math.max(options.timeoutSeconds, PULL_TIMEOUT_SECONDS) * 1000,
  async run(ctx) {
    const image = pullImageFor(ctx.options);
    const program =
      ctx.dep<DockerDaemonData>('docker.daemon')?.program ?? ctx.dep<DockerCommandData>('docker.command')?.program ?? dockerProgram(ctx.probes.env);
    const host = parseImageRef(image).host;
    const allowed = await ctx.confirm(t('environment.pull.confirm', { program, image }));
    if (!allowed) {
      return {
        status: 'skip',
        summary: t(ctx.options.interactive ? 'environment.pull.declined' : 'environment.pull.notAllowed', { image }),
        details: { image },
        remediations: [{ id: 'allow-pull', title: t(ctx.options.interactive ? 'environment.pull.fix.askAgain' : 'environment.pull.fix.allow'), command: null, changes: false }],
      };
    }
    ctx.progress(t('progress.pull', { image }));
    const r = await runTool(ctx, [program, 'pull', image]);
    const details = { ...evidence(r), image, registry: host };
    if (r.exitCode === 0) {
      return {
        status: 'pass',
        summary: t('environment.pull.ok', { image, seconds: (r.durationMs / 1000).toFixed(1) }),
        details: { ...details, digest: pulledDigest(r.stdout) },
      };
    }
    const problem = r.notFound ? 'unknown' : classifyPullError(r.stderr || r.error || '', r.timedOut || r.aborted);
    const line = firstLine(r.stderr) || r.error || '';
    const seconds = Math.round(ctx.timeoutMs / 1000);
    return {
      // The registry answered with a manifest for another platform: pulling works, the image just does not fit.
      status: problem === 'platform' ? 'warn' : 'fail',
      code: CODE,
      summary: t(`environment.pull.problem.${problem}`, { image, host, seconds, line }),
      details: { ...details, problem },
      remediations: pullRemediations(problem, { platform: ctx.probes.platform, env: ctx.probes.env }, image, host, program),
    };
  },
};
