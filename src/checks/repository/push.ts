import { randomBytes } from 'node:crypto';
import type { CheckContext, CheckDefinition, CheckOutcome, Details } from '../../engine/types.js';
import type { AccessTokenData } from '../data.js';
import { t } from '../../knowledge/i18n.js';
import { classifyRegistryAnswer, describeAnswer } from './registry-errors.js';
import { firewallOutcome, permissionOutcome, transportOutcome } from './outcomes.js';
import { registryBaseUrl } from './pull.js';
import { sha256Digest, uploadBlob, type UploadAttempt } from './upload.js';

export const PROBE_BYTES = 512;

function isUploadInvalid(a: UploadAttempt): boolean {
  return !a.ok && a.res !== null && classifyRegistryAnswer(a.res.status, a.res.body).kind === 'upload-invalid';
}

export function throughput(bytes: number, ms: number): number {
  return Math.round((bytes * 1000) / Math.max(1, ms));
}

async function failureOutcome(ctx: CheckContext, repository: string, a: Extract<UploadAttempt, { ok: false }>, details: Details): Promise<CheckOutcome> {
  const d = { ...details, stage: a.stage };
  if (!a.res) return transportOutcome('REPOSITORY_PUSH_ERROR', a.url, a.error, d);
  const failure = classifyRegistryAnswer(a.res.status, a.res.body);
  if (failure.kind === 'permission') return permissionOutcome(ctx, 'push', repository, a.res.status, failure, d);
  if (failure.kind === 'firewall') return firewallOutcome(ctx, a.res.status, failure, 'REPOSITORY_PUSH_ERROR', d);
  const error = 'error' in failure ? failure.error : null;
  return {
    status: 'fail',
    code: failure.kind === 'upload-invalid' ? 'BLOB_UPLOAD_INVALID' : 'REPOSITORY_PUSH_ERROR',
    summary: t(failure.kind === 'upload-invalid' ? 'repository.push.invalidTwice' : 'repository.push.failed', {
      stage: t(`repository.push.stage.${a.stage}`),
      answer: describeAnswer(a.res.status, error),
    }),
    details: { ...d, status: a.res.status, error },
    remediations:
      failure.kind === 'upload-invalid'
        ? [{ id: 'retry-upload', title: t('repository.push.fix.retry'), command: null, changes: false, docs: 'https://aka.ms/acr/errors#blob_upload_invalid' }]
        : [],
  };
}

export function createPushCheck(opts: { bytes?: number } = {}): CheckDefinition {
  return {
    id: 'repository.push',
    group: 'repository',
    title: 'Push a tiny test blob',
    dependsOn: ['auth.access-token'],
    codes: ['REPOSITORY_PUSH_ERROR', 'BLOB_UPLOAD_INVALID', 'PERMISSION_DENIED'],
    enabled: (options) => options.repository !== null && options.push,
    run: async (ctx): Promise<CheckOutcome> => {
      const repo = ctx.options.repository;
      if (!repo) return { status: 'skip', summary: t('repository.noRepository') };
      const server = ctx.target?.loginServer ?? '';
      const agreed = ctx.options.yes || (await ctx.confirm(t('repository.push.confirm', { repository: repo.name, server })));
      if (!agreed) {
        const key = ctx.options.interactive ? 'repository.push.declined' : 'repository.push.notConfirmed';
        return { status: 'skip', summary: t(key), satisfiesDependents: false };
      }

      const access = ctx.dep<AccessTokenData>('auth.access-token');
      const base = registryBaseUrl(ctx);
      const bytes = new Uint8Array(randomBytes(opts.bytes ?? PROBE_BYTES));
      const digest = sha256Digest(bytes);
      const details: Details = { repository: repo.name, digest, bytes: bytes.length };
      const upload = (): Promise<UploadAttempt> =>
        uploadBlob(ctx.probes.http, base, repo.name, access?.authorization.reveal() ?? null, bytes, ctx.signal, ctx.log);

      const first = await upload();
      let done: UploadAttempt = first;
      let recovered = false;
      if (isUploadInvalid(first)) {
        // What the SDK guides advise: a broken upload session is started again from the beginning.
        ctx.log('repository.push: BLOB_UPLOAD_INVALID, restarting the upload once');
        done = await upload();
        recovered = done.ok;
        details.attempts = 2;
        details.firstAttemptStage = first.ok ? null : first.stage;
      } else {
        details.attempts = 1;
      }
      if (!done.ok) return failureOutcome(ctx, repo.name, done, details);

      details.durationMs = done.durationMs;
      details.throughputBytesPerSecond = throughput(bytes.length, done.durationMs);
      const params = { repository: repo.name, bytes: bytes.length, ms: done.durationMs, rate: details.throughputBytesPerSecond as number };
      if (recovered) {
        return {
          status: 'warn',
          code: 'BLOB_UPLOAD_INVALID',
          summary: t('repository.push.recovered', params),
          details,
          remediations: [{ id: 'retry-upload', title: t('repository.push.fix.retry'), command: null, changes: false, docs: 'https://aka.ms/acr/errors#blob_upload_invalid' }],
        };
      }
      return { status: 'pass', summary: t('repository.push.pass', params), details };
    },
  };
}

export const pushCheck = createPushCheck();
