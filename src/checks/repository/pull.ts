import { createHash } from 'node:crypto';
import type { CheckContext, CheckDefinition, CheckOutcome, Details } from '../../engine/types.js';
import type { AccessTokenData, LoginServerData, PullData } from '../data.js';
import type { HttpResponse } from '../../probes/http-types.js';
import { Secret } from '../../probes/secret.js';
import { t } from '../../knowledge/i18n.js';
import { MANIFEST_ACCEPT, parseManifest, pickBlob, pickPlatform, type Descriptor } from './manifest.js';
import { classifyRegistryAnswer, describeAnswer } from './registry-errors.js';
import { firewallOutcome, permissionOutcome, transportOutcome } from './outcomes.js';
import { BLOB_CAP, digestMatches, downloadRedirect, headerValue, isRedirect } from './blob.js';

export const PULL_CODES = ['REPOSITORY_PULL_ERROR', 'PERMISSION_DENIED', 'CONNECTIVITY_FORBIDDEN_ERROR', 'REPOSITORY_NOT_FOUND'];

export function registryBaseUrl(ctx: CheckContext): string {
  return ctx.dep<LoginServerData>('registry.login-server')?.baseUrl ?? `https://${ctx.target?.loginServer ?? 'localhost'}`;
}

type Step = { res: HttpResponse } | { outcome: CheckOutcome };

export interface PullOptions {
  /** process.arch, injectable for tests. */
  arch?: string;
}

export function createPullCheck(opts: PullOptions = {}): CheckDefinition {
  return {
    id: 'repository.pull',
    group: 'repository',
    title: 'Pull a manifest and its smallest blob',
    dependsOn: ['auth.access-token'],
    codes: PULL_CODES,
    enabled: (options) => options.repository !== null,
    run: (ctx) => runPull(ctx, opts.arch ?? process.arch),
  };
}

export const pullCheck = createPullCheck();

/** Leaves pull enough of its time limit to report: a data endpoint whose packets are dropped must not time out the whole check. */
const REPORT_MARGIN_MS = 1500;

async function runPull(ctx: CheckContext, arch: string): Promise<CheckOutcome> {
  const started = performance.now();
  const repo = ctx.options.repository;
  if (!repo) return { status: 'skip', summary: t('repository.noRepository') };
  const access = ctx.dep<AccessTokenData>('auth.access-token');
  const base = registryBaseUrl(ctx);
  const headers: Record<string, string> = access ? { authorization: access.authorization.reveal() } : {};
  const details: Details = { repository: repo.name, tag: repo.tag };
  const ref = `${repo.name}:${repo.tag}`;

  const send = async (url: string, accept: string | null, stage: string): Promise<Step> => {
    ctx.log(`repository.pull: GET ${url}`);
    try {
      const res = await ctx.probes.http.request({
        url,
        method: 'GET',
        headers: accept ? { ...headers, accept } : headers,
        signal: ctx.signal,
        maxBodyBytes: BLOB_CAP,
      });
      return { res };
    } catch (err) {
      return { outcome: transportOutcome('REPOSITORY_PULL_ERROR', url, err, { ...details, stage }) };
    }
  };

  const refused = async (res: HttpResponse, stage: string, what: string): Promise<CheckOutcome> => {
    const failure = classifyRegistryAnswer(res.status, res.body);
    const d = { ...details, stage };
    if (failure.kind === 'firewall') return firewallOutcome(ctx, res.status, failure, 'CONNECTIVITY_FORBIDDEN_ERROR', d);
    if (failure.kind === 'permission') return permissionOutcome(ctx, 'pull', repo.name, res.status, failure, d);
    if (failure.kind === 'not-found' && stage === 'manifest') {
      const name = ctx.target?.registryName ?? null;
      const repoMissing = failure.error.code === 'NAME_UNKNOWN';
      return {
        status: 'fail',
        code: 'REPOSITORY_NOT_FOUND',
        summary: t(repoMissing ? 'repository.pull.repoNotFound' : 'repository.pull.tagNotFound', {
          repository: repo.name,
          tag: repo.tag,
          answer: describeAnswer(res.status, failure.error),
        }),
        details: { ...d, status: res.status, error: failure.error },
        remediations: name
          ? [
              repoMissing
                ? { id: 'list-repositories', title: t('repository.pull.listRepos'), command: ['az', 'acr', 'repository', 'list', '--name', name, '--output', 'table'], changes: false }
                : {
                    id: 'list-tags',
                    title: t('repository.pull.listTags', { repository: repo.name }),
                    command: ['az', 'acr', 'repository', 'show-tags', '--name', name, '--repository', repo.name, '--output', 'table'],
                    changes: false,
                  },
            ]
          : [{ id: 'check-name', title: t('repository.pull.checkName', { ref }), command: null, changes: false }],
      };
    }
    return {
      status: 'fail',
      code: 'REPOSITORY_PULL_ERROR',
      summary: t('repository.pull.failed', { what, answer: describeAnswer(res.status, 'error' in failure ? failure.error : null) }),
      details: { ...d, status: res.status, error: 'error' in failure ? failure.error : null },
    };
  };

  // 1. The manifest named by the tag (an index leads to the platform's manifest).
  const manifestUrl = `${base}/v2/${repo.name}/manifests/${encodeURIComponent(repo.tag)}`;
  let step = await send(manifestUrl, MANIFEST_ACCEPT, 'manifest');
  if ('outcome' in step) return step.outcome;
  if (step.res.status !== 200) return refused(step.res, 'manifest', t('repository.pull.theManifest', { ref }));
  const topDigest = headerValue(step.res, 'docker-content-digest') ?? `sha256:${createHash('sha256').update(step.res.body, 'utf8').digest('hex')}`;
  details.manifestDigest = topDigest;
  let manifest = parseManifest(step.res.body, headerValue(step.res, 'content-type'));
  details.mediaType = manifest.mediaType;

  if (manifest.kind === 'index') {
    const chosen = pickPlatform(manifest.manifests, arch);
    if (!chosen) {
      return { status: 'fail', code: 'REPOSITORY_PULL_ERROR', summary: t('repository.pull.emptyIndex', { ref }), details };
    }
    details.platform = chosen.platform ? [chosen.platform.os, chosen.platform.architecture, chosen.platform.variant].filter(Boolean).join('/') : null;
    details.platformManifestDigest = chosen.digest;
    step = await send(`${base}/v2/${repo.name}/manifests/${chosen.digest}`, MANIFEST_ACCEPT, 'platform-manifest');
    if ('outcome' in step) return step.outcome;
    if (step.res.status !== 200) return refused(step.res, 'platform-manifest', t('repository.pull.theManifest', { ref: `${repo.name}@${chosen.digest}` }));
    manifest = parseManifest(step.res.body, headerValue(step.res, 'content-type'));
  }
  if (manifest.kind !== 'image') {
    return { status: 'fail', code: 'REPOSITORY_PULL_ERROR', summary: t('repository.pull.unknownManifest', { ref, mediaType: String(manifest.mediaType) }), details };
  }
  const picked = pickBlob(manifest);
  if (!picked) return { status: 'fail', code: 'REPOSITORY_PULL_ERROR', summary: t('repository.pull.noBlobs', { ref }), details };
  const blob: Descriptor = picked.blob;
  details.blobDigest = blob.digest;
  details.blobSize = blob.size;

  // 2. The blob: the login server answers with a redirect to the data endpoint, or serves it itself.
  const blobUrl = `${base}/v2/${repo.name}/blobs/${blob.digest}`;
  step = await send(blobUrl, null, 'blob');
  if ('outcome' in step) return step.outcome;
  const res = step.res;
  const location = headerValue(res, 'location');
  const data: PullData = { manifestDigest: topDigest, blobDigest: blob.digest, dataEndpointHost: null, redirectUrl: null, dataEndpoint: null };

  if (isRedirect(res.status) && location) {
    let target: URL;
    try {
      target = new URL(location, blobUrl);
    } catch {
      // A Location the server controls that is not even a URL: a finding, not a crash.
      return { status: 'fail', code: 'REPOSITORY_PULL_ERROR', summary: t('repository.pull.badRedirect'), details: { ...details, status: res.status } };
    }
    data.dataEndpointHost = target.hostname;
    data.redirectUrl = new Secret(target.toString());
    details.servedBy = 'data-endpoint';
    details.dataEndpointHost = target.hostname;
    ctx.log(`repository.pull: ${res.status} redirect to ${target.host}${target.pathname} (query withheld)`);
    const budget = Math.round(Math.max(1000, ctx.timeoutMs - (performance.now() - started) - REPORT_MARGIN_MS));
    const legTimeout = AbortSignal.timeout(budget);
    const obs = await downloadRedirect(ctx.probes.http, target.toString(), blob.digest, picked.isConfig, AbortSignal.any([ctx.signal, legTimeout]));
    if (obs.errorKind === 'aborted' && legTimeout.aborted && !ctx.signal.aborted) obs.errorKind = 'timeout';
    data.dataEndpoint = obs;
    return {
      status: 'pass',
      summary: t('repository.pull.passRedirect', { ref, host: target.hostname }),
      details,
      data: data as unknown as Record<string, unknown>,
    };
  }
  if (res.status !== 200) return refused(res, 'blob', t('repository.pull.theBlob', { digest: blob.digest }));

  const ok = digestMatches(res.body, res.truncated, blob.digest, picked.isConfig);
  details.servedBy = 'login-server';
  details.bytes = Buffer.byteLength(res.body, 'utf8');
  details.digestVerified = ok;
  if (ok === false) {
    return { status: 'fail', code: 'REPOSITORY_PULL_ERROR', summary: t('repository.pull.digestMismatch', { digest: blob.digest }), details };
  }
  // Only a complete text blob (the config) can be checked against its digest; say so rather than claim it.
  const key = ok === true ? 'repository.pull.passDirect' : 'repository.pull.passDirectUnchecked';
  return { status: 'pass', summary: t(key, { ref, bytes: details.bytes as number }), details, data: data as unknown as Record<string, unknown> };
}
