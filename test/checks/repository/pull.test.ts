import { describe, expect, it } from 'vitest';
import { createPullCheck } from '../../../src/checks/repository/pull.js';
import type { AccessTokenData, CredentialData, PullData } from '../../../src/checks/data.js';
import { Secret } from '../../../src/probes/secret.js';
import { HttpError, type HttpRequest } from '../../../src/probes/http-types.js';
import { MEDIA } from '../../../src/checks/repository/manifest.js';
import { errorBody, fakeAz, fakeHttp, json, makeCtx, sha, type Handler } from './helpers.js';

const CONFIG = JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } });
const CONFIG_DIGEST = sha(CONFIG);
const LAYER_DIGEST = sha('layer');
const IMAGE = JSON.stringify({
  schemaVersion: 2,
  mediaType: MEDIA.ociManifest,
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: CONFIG_DIGEST, size: CONFIG.length },
  layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: LAYER_DIGEST, size: 5000 }],
});
const ARM_IMAGE_DIGEST = sha('arm-image');
const INDEX = JSON.stringify({
  schemaVersion: 2,
  mediaType: MEDIA.ociIndex,
  manifests: [
    { mediaType: MEDIA.ociManifest, digest: ARM_IMAGE_DIGEST, size: 10, platform: { os: 'linux', architecture: 'arm64' } },
    { mediaType: MEDIA.ociManifest, digest: sha(IMAGE), size: IMAGE.length, platform: { os: 'linux', architecture: 'amd64' } },
    { mediaType: MEDIA.ociManifest, digest: sha('att'), size: 10, platform: { os: 'unknown', architecture: 'unknown' } },
  ],
});
const SIG = 'c2VjcmV0LXNhcy1zaWduYXR1cmU%3D';
const DATA_URL = `https://myreg.eastus.data.azurecr.io/blobs/${CONFIG_DIGEST}?se=2026-11-22T15%3A00%3A00Z&sp=r&sig=${SIG}`;

const access: AccessTokenData = {
  authorization: new Secret('Bearer registry-token-value'),
  accessToken: new Secret('registry-token-value'),
  scope: 'repository:hello-world:pull',
  granted: [{ type: 'repository', name: 'hello-world', actions: ['pull'] }],
};
const aadCred: CredentialData = {
  kind: 'aad',
  source: 'az',
  identity: { kind: 'user', name: 'ada@contoso.example', objectId: '11111111-2222-3333-4444-555555555555', tenantId: 't', audience: null, expiresAt: null },
};

/** A registry that serves INDEX → IMAGE → a 307 for the config, and a data endpoint behind it. */
function registry(overrides: (req: HttpRequest) => ReturnType<Handler> | undefined = () => undefined): Handler {
  return (req) => {
    const o = overrides(req);
    if (o) return o;
    const u = new URL(req.url);
    if (u.hostname === 'myreg.azurecr.io') {
      if (u.pathname === '/v2/hello-world/manifests/latest') return { status: 200, headers: { 'content-type': MEDIA.ociIndex, 'docker-content-digest': sha(INDEX) }, body: INDEX };
      if (u.pathname === `/v2/hello-world/manifests/${sha(IMAGE)}`) return { status: 200, headers: { 'content-type': MEDIA.ociManifest }, body: IMAGE };
      if (u.pathname === `/v2/hello-world/blobs/${CONFIG_DIGEST}`) return { status: 307, headers: { location: DATA_URL }, body: '' };
    }
    if (u.hostname === 'myreg.eastus.data.azurecr.io') return { status: 200, body: CONFIG };
    return { status: 404, body: errorBody('NAME_UNKNOWN', 'repository name not known to registry') };
  };
}

const deps = { 'auth.access-token': access, 'auth.credential': aadCred, 'registry.login-server': { baseUrl: 'https://myreg.azurecr.io' } };

describe('repository.pull', () => {
  it('walks index → platform manifest → config blob, following the redirect without sending the token there', async () => {
    const http = fakeHttp(registry());
    const ctx = makeCtx({ http, deps });
    const out = await createPullCheck({ arch: 'x64' }).run(ctx);
    expect(out.status).toBe('pass');
    expect(out.summary).toContain('myreg.eastus.data.azurecr.io');
    expect(out.details).toMatchObject({ platform: 'linux/amd64', blobDigest: CONFIG_DIGEST, servedBy: 'data-endpoint' });
    const data = out.data as unknown as PullData;
    expect(data.dataEndpointHost).toBe('myreg.eastus.data.azurecr.io');
    expect(data.dataEndpoint).toMatchObject({ status: 200, digestOk: true, bytes: CONFIG.length });
    expect(data.redirectUrl?.reveal()).toBe(DATA_URL);
    // The manifest request asks for OCI and Docker manifests and indexes.
    const accept = http.requests[0]!.headers!.accept!;
    for (const m of Object.values(MEDIA)) expect(accept).toContain(m);
    // The registry token goes to the login server only.
    const dataReq = http.requests.find((r) => r.url.startsWith('https://myreg.eastus'))!;
    expect(dataReq.headers?.authorization).toBeUndefined();
    expect(http.requests.filter((r) => r.url.startsWith('https://myreg.azurecr.io')).every((r) => r.headers?.authorization === 'Bearer registry-token-value')).toBe(true);
    // The SAS signature never reaches evidence or logs.
    expect(json(out)).not.toContain(SIG);
    expect(ctx.logs.join('\n')).not.toContain(SIG);
    expect(JSON.stringify(out.data)).not.toContain(SIG);
  });

  it('picks the arm64 image on an arm64 machine', async () => {
    const http = fakeHttp(registry((req) => (req.url.endsWith(ARM_IMAGE_DIGEST) ? { status: 200, body: IMAGE } : undefined)));
    const out = await createPullCheck({ arch: 'arm64' }).run(makeCtx({ http, deps }));
    expect(out.details?.platform).toBe('linux/arm64');
    expect(http.requests.some((r) => r.url.endsWith(`/manifests/${ARM_IMAGE_DIGEST}`))).toBe(true);
  });

  it('reports a denial as PERMISSION_DENIED with an az role assignment built from the object id and registry id', async () => {
    const http = fakeHttp(registry((req) => (req.url.includes('/manifests/latest') ? { status: 403, body: errorBody('DENIED', 'retrieving permissions failed') } : undefined)));
    const runProcess = fakeAz({ 'acr show': { stdout: { id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myreg', name: 'myreg' } } });
    const out = await createPullCheck().run(makeCtx({ http, deps, runProcess }));
    expect(out).toMatchObject({ status: 'fail', code: 'PERMISSION_DENIED' });
    expect(out.summary).toContain('AcrPull');
    expect(out.summary).toContain('retrieving permissions failed');
    expect(out.remediations?.[0]?.command).toEqual([
      'az', 'role', 'assignment', 'create', '--assignee', '11111111-2222-3333-4444-555555555555',
      '--scope', '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myreg', '--role', 'AcrPull',
    ]);
    expect(runProcess.calls[0]).toEqual(expect.arrayContaining(['az', 'acr', 'show', '--name', 'myreg', '--output', 'json']));
  });

  it('names the ABAC repository reader role when the registry uses ABAC permissions', async () => {
    const http = fakeHttp(registry((req) => (req.url.includes('/manifests/latest') ? { status: 401, body: errorBody('UNAUTHORIZED', 'authentication required') } : undefined)));
    const runProcess = fakeAz({ 'acr show': { stdout: { id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myreg', roleAssignmentMode: 'AbacRepositoryPermissions' } } });
    const out = await createPullCheck().run(makeCtx({ http, deps, runProcess }));
    expect(out.code).toBe('PERMISSION_DENIED');
    expect(out.remediations?.[0]?.command).toContain('Container Registry Repository Reader');
  });

  it('falls back to a manual step naming the values to fill when the Azure CLI is missing', async () => {
    const http = fakeHttp(registry((req) => (req.url.includes('/manifests/latest') ? { status: 403, body: errorBody('DENIED', 'retrieving permissions failed') } : undefined)));
    const out = await createPullCheck().run(makeCtx({ http, deps }));
    const r = out.remediations![0]!;
    expect(r.command).toBeNull();
    expect(r.title).toContain('11111111-2222-3333-4444-555555555555');
    expect(r.title).toContain('REGISTRY_ID');
    expect(r.title).toContain('az acr show --name myreg --query id');
  });

  it('tells a missing tag from a missing repository', async () => {
    const tagMissing = fakeHttp(registry((req) => (req.url.includes('/manifests/latest') ? { status: 404, body: errorBody('MANIFEST_UNKNOWN', 'manifest tagged by "latest" is not found') } : undefined)));
    const a = await createPullCheck().run(makeCtx({ http: tagMissing, deps }));
    expect(a).toMatchObject({ status: 'fail', code: 'REPOSITORY_NOT_FOUND' });
    expect(a.summary).toMatch(/hello-world.*latest/);
    expect(a.remediations?.[0]?.command).toEqual(['az', 'acr', 'repository', 'show-tags', '--name', 'myreg', '--repository', 'hello-world', '--output', 'table']);

    const repoMissing = fakeHttp(registry((req) => (req.url.includes('/manifests/latest') ? { status: 404, body: errorBody('NAME_UNKNOWN', 'repository name not known to registry') } : undefined)));
    const b = await createPullCheck().run(makeCtx({ http: repoMissing, deps }));
    expect(b.code).toBe('REPOSITORY_NOT_FOUND');
    expect(b.summary).toContain('does not exist');
  });

  it('reports the registry firewall as CONNECTIVITY_FORBIDDEN_ERROR with the client IP rule', async () => {
    const msg = "client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.";
    const http = fakeHttp(() => ({ status: 403, body: errorBody('DENIED', msg) }));
    const out = await createPullCheck().run(makeCtx({ http, deps }));
    expect(out.code).toBe('CONNECTIVITY_FORBIDDEN_ERROR');
    expect(out.remediations?.[0]?.command).toEqual(['az', 'acr', 'network-rule', 'add', '--name', 'myreg', '--ip-address', '203.0.113.7']);
  });

  it('fails with REPOSITORY_PULL_ERROR when the registry cannot be reached', async () => {
    const http = fakeHttp(() => {
      throw new HttpError('reset', 'socket hang up', 'UND_ERR_SOCKET', 'https://myreg.azurecr.io/v2/');
    });
    const out = await createPullCheck().run(makeCtx({ http, deps }));
    expect(out).toMatchObject({ status: 'fail', code: 'REPOSITORY_PULL_ERROR' });
    expect(out.details?.errorKind).toBe('reset');
    // The summary says what happened in words, not the internal kind.
    expect(out.summary).toContain('the connection was cut off');
    expect(out.summary).not.toMatch(/: reset \(/);
  });

  it('verifies the digest of a blob served directly and catches altered content', async () => {
    const direct = (body: string) =>
      fakeHttp(registry((req) => (req.url.includes('/blobs/') ? { status: 200, body } : undefined)));
    const good = await createPullCheck({ arch: 'x64' }).run(makeCtx({ http: direct(CONFIG), deps }));
    expect(good.status).toBe('pass');
    expect(good.details).toMatchObject({ servedBy: 'login-server', digestVerified: true });
    expect((good.data as unknown as PullData).dataEndpointHost).toBeNull();
    const bad = await createPullCheck({ arch: 'x64' }).run(makeCtx({ http: direct(CONFIG + ' '), deps }));
    expect(bad).toMatchObject({ status: 'fail', code: 'REPOSITORY_PULL_ERROR' });
  });

  it('says when a directly served blob could not be checked against its digest, instead of claiming it was', async () => {
    const LAYERS_ONLY = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociManifest, layers: [{ mediaType: 'application/octet-stream', digest: LAYER_DIGEST, size: 5 }] });
    const http = fakeHttp((req) => {
      const u = new URL(req.url);
      if (u.pathname === '/v2/hello-world/manifests/latest') return { status: 200, headers: { 'content-type': MEDIA.ociManifest }, body: LAYERS_ONLY };
      if (u.pathname === `/v2/hello-world/blobs/${LAYER_DIGEST}`) return { status: 200, body: 'layer' };
      return { status: 404, body: errorBody('NAME_UNKNOWN', 'repository name not known to registry') };
    });
    const out = await createPullCheck({ arch: 'x64' }).run(makeCtx({ http, deps }));
    expect(out.status).toBe('pass');
    expect(out.details).toMatchObject({ servedBy: 'login-server', digestVerified: null });
    expect(out.summary).toMatch(/could not be checked/);
    expect(out.summary).not.toMatch(/digest verified/);
  });

  it('records a failing redirect leg for the data-endpoint check instead of failing the permission check', async () => {
    const http = fakeHttp(
      registry((req) => {
        if (req.url.startsWith('https://myreg.eastus')) throw new HttpError('dns', `getaddrinfo ENOTFOUND myreg.eastus.data.azurecr.io (${req.url})`, 'ENOTFOUND', req.url);
        return undefined;
      }),
    );
    const out = await createPullCheck({ arch: 'x64' }).run(makeCtx({ http, deps }));
    expect(out.status).toBe('pass');
    expect((out.data as unknown as PullData).dataEndpoint).toMatchObject({ status: null, errorKind: 'dns', errorCode: 'ENOTFOUND' });
    expect(JSON.stringify(out.details)).not.toContain(SIG);
  });

  it('is part of a run only with --repository', () => {
    const check = createPullCheck();
    expect(check.enabled?.(makeCtx().options, null)).toBe(true);
    expect(check.enabled?.({ ...makeCtx().options, repository: null }, null)).toBe(false);
  });
});

describe('repository.pull with a data endpoint that never answers', () => {
  it('gives up on the redirect leg in time to report, leaving the verdict to data-endpoint', async () => {
    const http = fakeHttp(
      registry((req) => {
        if (!req.url.startsWith('https://myreg.eastus')) return undefined;
        return new Promise((_, reject) => {
          req.signal?.addEventListener('abort', () => reject(new HttpError('aborted', 'aborted', 'ABORT_ERR', req.url)), { once: true });
        });
      }),
    );
    const ctx = { ...makeCtx({ http, deps }), timeoutMs: 2000 };
    const t0 = Date.now();
    const out = await createPullCheck({ arch: 'x64' }).run(ctx);
    expect(Date.now() - t0).toBeLessThan(1900);
    expect(out.status).toBe('pass');
    expect((out.data as unknown as PullData).dataEndpoint).toMatchObject({ status: null, errorKind: 'timeout' });
  });
});
