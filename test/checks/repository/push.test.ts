import { describe, expect, it } from 'vitest';
import { createPushCheck, throughput } from '../../../src/checks/repository/push.js';
import type { AccessTokenData, CredentialData } from '../../../src/checks/data.js';
import { Secret } from '../../../src/probes/secret.js';
import type { HttpRequest } from '../../../src/probes/http-types.js';
import { errorBody, fakeAz, fakeHttp, makeCtx, sha, type Handler } from './helpers.js';

const access: AccessTokenData = {
  authorization: new Secret('Bearer push-token'),
  accessToken: new Secret('push-token'),
  scope: 'repository:hello-world:pull,push',
  granted: [{ type: 'repository', name: 'hello-world', actions: ['pull', 'push'] }],
};
const cred: CredentialData = {
  kind: 'aad',
  source: 'env',
  identity: { kind: 'service-principal', name: 'ci-app', objectId: 'oid-42', tenantId: 't', audience: null, expiresAt: null },
};
const deps = { 'auth.access-token': access, 'auth.credential': cred, 'registry.login-server': { baseUrl: 'https://myreg.azurecr.io' } };

/** A distribution upload endpoint; `patchFailures` PATCHes answer BLOB_UPLOAD_INVALID first. */
function uploads(patchFailures: number, extra: (req: HttpRequest) => ReturnType<Handler> | undefined = () => undefined) {
  let failures = patchFailures;
  let stored: Uint8Array | null = null;
  let n = 0;
  const handler: Handler = (req) => {
    const e = extra(req);
    if (e) return e;
    const u = new URL(req.url);
    if (req.method === 'POST' && u.pathname === '/v2/hello-world/blobs/uploads/') {
      n++;
      return { status: 202, headers: { location: `/v2/hello-world/blobs/uploads/u${n}?_state=opaque${n}` } };
    }
    if (req.method === 'PATCH') {
      if (failures > 0) {
        failures--;
        return { status: 404, body: errorBody('BLOB_UPLOAD_INVALID', 'blob upload invalid') };
      }
      stored = req.body as Uint8Array;
      return { status: 202, headers: { location: `${u.pathname}?_state=next` } };
    }
    if (req.method === 'PUT') {
      if (!stored || u.searchParams.get('digest') !== sha(stored)) return { status: 400, body: errorBody('DIGEST_INVALID', 'provided digest did not match uploaded content') };
      return { status: 201, headers: { location: `/v2/hello-world/blobs/${u.searchParams.get('digest')}` } };
    }
    if (req.method === 'HEAD') return { status: stored && u.pathname.endsWith(sha(stored)) ? 200 : 404 };
    return { status: 405 };
  };
  return handler;
}

describe('repository.push', () => {
  it('asks first and skips, pointing at --yes, when the answer is no', async () => {
    const http = fakeHttp(uploads(0));
    const ctx = makeCtx({ http, deps, options: { push: true }, confirm: async () => false });
    const out = await createPushCheck().run(ctx);
    expect(out.status).toBe('skip');
    expect(out.summary).toContain('--yes');
    expect(ctx.questions[0]).toContain('hello-world');
    expect(http.requests).toHaveLength(0);
  });

  it('uploads after the person agrees in the wizard', async () => {
    const http = fakeHttp(uploads(0));
    const ctx = makeCtx({ http, deps, options: { push: true, interactive: true }, confirm: async () => true });
    const out = await createPushCheck().run(ctx);
    expect(ctx.questions).toHaveLength(1);
    expect(out.status).toBe('pass');
  });

  it('uploads POST → PATCH → PUT ?digest= → HEAD and reports duration and throughput', async () => {
    const http = fakeHttp(uploads(0));
    const ctx = makeCtx({ http, deps, options: { push: true, yes: true } });
    const out = await createPushCheck().run(ctx);
    expect(out.status).toBe('pass');
    expect(http.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PUT', 'HEAD']);
    expect(http.requests.every((r) => r.headers?.authorization === 'Bearer push-token')).toBe(true);
    expect(out.details).toMatchObject({ bytes: 512, attempts: 1 });
    expect(typeof out.details?.durationMs).toBe('number');
    expect(typeof out.details?.throughputBytesPerSecond).toBe('number');
    expect(ctx.questions).toHaveLength(0);
  });

  it('restarts once after BLOB_UPLOAD_INVALID and warns that a transient failure was recovered', async () => {
    const http = fakeHttp(uploads(1));
    const out = await createPushCheck().run(makeCtx({ http, deps, options: { push: true, yes: true } }));
    expect(out).toMatchObject({ status: 'warn', code: 'BLOB_UPLOAD_INVALID' });
    expect(out.summary).toMatch(/recovered/);
    expect(http.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'POST', 'PATCH', 'PUT', 'HEAD']);
  });

  it('fails BLOB_UPLOAD_INVALID when the restarted upload breaks too, without a third try', async () => {
    const http = fakeHttp(uploads(5));
    const out = await createPushCheck().run(makeCtx({ http, deps, options: { push: true, yes: true } }));
    expect(out).toMatchObject({ status: 'fail', code: 'BLOB_UPLOAD_INVALID' });
    expect(http.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('reports a denied push as PERMISSION_DENIED naming AcrPush', async () => {
    const http = fakeHttp(uploads(0, (req) => (req.method === 'POST' ? { status: 401, body: errorBody('UNAUTHORIZED', 'authentication required, visit https://aka.ms/acr/authorization for more information.') } : undefined)));
    const runProcess = fakeAz({ 'acr show': { stdout: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myreg' } } });
    const out = await createPushCheck().run(makeCtx({ http, deps, runProcess, options: { push: true, yes: true } }));
    expect(out).toMatchObject({ status: 'fail', code: 'PERMISSION_DENIED' });
    expect(out.summary).toContain('AcrPush');
    expect(out.remediations?.[0]?.command).toEqual(expect.arrayContaining(['--assignee', 'oid-42', '--role', 'AcrPush']));
  });

  it('reports other answers as REPOSITORY_PUSH_ERROR with the stage', async () => {
    const http = fakeHttp(uploads(0, (req) => (req.method === 'PUT' ? { status: 400, body: errorBody('DIGEST_INVALID', 'digest did not match') } : undefined)));
    const out = await createPushCheck().run(makeCtx({ http, deps, options: { push: true, yes: true } }));
    expect(out).toMatchObject({ status: 'fail', code: 'REPOSITORY_PUSH_ERROR' });
    expect(out.details?.stage).toBe('commit');
    expect(out.summary).toContain('DIGEST_INVALID');
  });

  it('is only enabled with --repository and --push', () => {
    const c = createPushCheck();
    const o = makeCtx().options;
    expect(c.enabled?.({ ...o, push: true }, null)).toBe(true);
    expect(c.enabled?.({ ...o, push: false }, null)).toBe(false);
    expect(c.enabled?.({ ...o, push: true, repository: null }, null)).toBe(false);
    expect(throughput(1000, 500)).toBe(2000);
  });
});
