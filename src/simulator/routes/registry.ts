import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { World } from '../world.js';
import { DATA_HOST, LOGIN_SERVER } from '../fixtures.js';
import { ACR, PROXY_PAGE } from '../messages.js';
import { accepts, MEDIA, sha256 } from '../image.js';
import { parseAuthorization, readBody, sendEmpty, sendHtml, sendJson, sendRegistryError } from '../http-util.js';
import { authenticated, authorize, bearerChallenge, readAccessToken } from './auth-guard.js';

const API = { 'Docker-Distribution-Api-Version': 'registry/2.0' };
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

/** GET /v2/: the challenge, shaped by the scenario. */
export function handleBase(w: World, req: IncomingMessage, res: ServerResponse): void {
  switch (w.behaviour.challenge) {
    case 'reset':
      req.socket.destroy();
      return;
    case 'html':
      sendHtml(res, 200, PROXY_PAGE);
      return;
    case 'throttled':
      sendRegistryError(res, 429, 'TOOMANYREQUESTS', ACR.tooManyRequests, { 'Retry-After': '10' });
      return;
    case 'none':
      sendJson(res, 200, {}, API);
      return;
    case 'basic':
      if (authenticated(w, req)) sendJson(res, 200, {}, API);
      else sendRegistryError(res, 401, 'UNAUTHORIZED', ACR.authRequired, { 'WWW-Authenticate': `Basic realm="${LOGIN_SERVER}"` });
      return;
    case 'bad':
      sendRegistryError(res, 401, 'UNAUTHORIZED', ACR.authRequired, { 'WWW-Authenticate': 'Bearer error="invalid_request"' });
      return;
    case 'bearer':
      if (authenticated(w, req)) sendJson(res, 200, {}, API);
      else sendRegistryError(res, 401, 'UNAUTHORIZED', ACR.authRequired, { 'WWW-Authenticate': bearerChallenge() });
  }
}

export function handleCatalog(w: World, req: IncomingMessage, res: ServerResponse): void {
  const a = parseAuthorization(req.headers.authorization);
  const tok = a.bearer ? readAccessToken(w, a.bearer) : null;
  const ok = tok?.access.some((x) => x.type === 'registry' && x.name === 'catalog' && x.actions.includes('*'));
  if (!ok) {
    sendRegistryError(res, 401, 'UNAUTHORIZED', ACR.authRequired, { 'WWW-Authenticate': bearerChallenge('registry:catalog:*') });
    return;
  }
  sendJson(res, 200, { repositories: w.repositories() }, API);
}

/** /v2/<repo>/(manifests|blobs|tags)/... */
export async function handleRepository(w: World, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const m = /^\/v2\/(.+?)\/(manifests|blobs\/uploads|blobs|tags)\/?(.*)$/.exec(url.pathname);
  if (!m) return false;
  const [, repo, kind, rest] = m as unknown as [string, string, string, string];
  const method = req.method ?? 'GET';
  if (kind === 'manifests') {
    if (method !== 'GET' && method !== 'HEAD') return unsupported(res);
    if (!authorize(w, req, res, repo, 'pull')) return true;
    manifest(w, req, res, repo, rest);
    return true;
  }
  if (kind === 'tags' && rest === 'list') {
    if (!authorize(w, req, res, repo, 'pull')) return true;
    if (repo !== w.fixtures.repository) sendRegistryError(res, 404, 'NAME_UNKNOWN', ACR.nameUnknown);
    else sendJson(res, 200, { name: repo, tags: [w.fixtures.tag] }, API);
    return true;
  }
  if (kind === 'blobs') {
    if (method !== 'GET' && method !== 'HEAD') return unsupported(res);
    if (!authorize(w, req, res, repo, 'pull')) return true;
    blob(w, req, res, repo, rest);
    return true;
  }
  if (kind === 'blobs/uploads') {
    if (!authorize(w, req, res, repo, 'push')) return true;
    await upload(w, req, res, url, repo, rest);
    return true;
  }
  return false;
}

function unsupported(res: ServerResponse): true {
  sendRegistryError(res, 405, 'UNSUPPORTED', ACR.unsupported);
  return true;
}

function manifest(w: World, req: IncomingMessage, res: ServerResponse, repo: string, ref: string): void {
  if (repo !== w.fixtures.repository) return sendRegistryError(res, 404, 'NAME_UNKNOWN', ACR.nameUnknown);
  const digest = ref === w.fixtures.tag ? w.image.indexDigest : ref;
  const found = DIGEST_RE.test(digest) ? w.image.manifests.get(digest) : undefined;
  if (!found) return sendRegistryError(res, 404, 'MANIFEST_UNKNOWN', ACR.manifestUnknown(ref));
  const accept = req.headers.accept;
  if (found.mediaType === MEDIA.ociIndex && !accepts(accept, MEDIA.ociIndex)) {
    return sendRegistryError(res, 404, 'MANIFEST_UNKNOWN', ACR.indexNotAccepted);
  }
  res.writeHead(200, {
    ...API,
    'Content-Type': found.mediaType,
    'Content-Length': found.bytes.length,
    'Docker-Content-Digest': found.digest,
    ETag: `"${found.digest}"`,
  });
  res.end(req.method === 'HEAD' ? undefined : found.bytes);
}

function blob(w: World, req: IncomingMessage, res: ServerResponse, repo: string, digest: string): void {
  const bytes = DIGEST_RE.test(digest) ? w.blobIn(repo, digest) : undefined;
  if (!bytes) {
    if (req.method === 'HEAD') return sendEmpty(res, 404, API);
    return sendRegistryError(res, 404, 'BLOB_UNKNOWN', ACR.blobUnknown);
  }
  if (req.method === 'HEAD') {
    return sendEmpty(res, 200, { ...API, 'Content-Length': String(bytes.length), 'Docker-Content-Digest': digest, 'Content-Type': 'application/octet-stream' });
  }
  // Like ACR: content comes from the regional data endpoint through a short-lived SAS URL.
  const sig = randomBytes(24).toString('base64');
  const expires = Date.now() + 20 * 60 * 1000;
  w.sas.set(sig, { digest, expires });
  const hex = digest.slice('sha256:'.length);
  const q = new URLSearchParams({
    se: new Date(expires).toISOString().replace(/\.\d+Z$/, 'Z'),
    sig,
    sp: 'r',
    spr: 'https',
    sr: 'b',
    sv: '2018-03-28',
  });
  const location = `https://${DATA_HOST}/docker/registry/v2/blobs/sha256/${hex.slice(0, 2)}/${hex}/data?${q.toString()}`;
  res.writeHead(307, { ...API, Location: location, 'Content-Length': 0, 'Docker-Content-Digest': digest });
  res.end();
}

async function upload(w: World, req: IncomingMessage, res: ServerResponse, url: URL, repo: string, id: string): Promise<void> {
  const method = req.method ?? 'GET';
  const location = (uuid: string): string => `/v2/${repo}/blobs/uploads/${uuid}?_nouploadcache=false&_state=${randomBytes(12).toString('base64url')}`;
  if (id === '') {
    if (method !== 'POST') return void unsupported(res);
    const body = await readBody(req);
    const digest = url.searchParams.get('digest');
    if (digest) return finish(w, res, repo, digest, [body]);
    const uuid = randomUUID();
    let doomed = false;
    if (w.state.uploadFailuresLeft !== 0) {
      doomed = true;
      if (w.state.uploadFailuresLeft > 0) w.state.uploadFailuresLeft -= 1;
    }
    w.uploads.set(uuid, { repo, chunks: [], doomed });
    return sendEmpty(res, 202, { ...API, Location: location(uuid), 'Docker-Upload-UUID': uuid, Range: '0-0' });
  }
  const session = w.uploads.get(id);
  if (!session || session.repo !== repo) {
    await readBody(req).catch(() => Buffer.alloc(0));
    return sendRegistryError(res, 404, 'BLOB_UPLOAD_UNKNOWN', ACR.uploadUnknown);
  }
  const size = (): number => session.chunks.reduce((n, c) => n + c.length, 0);
  switch (method) {
    case 'GET':
      return sendEmpty(res, 204, { ...API, Location: location(id), 'Docker-Upload-UUID': id, Range: `0-${Math.max(0, size() - 1)}` });
    case 'DELETE':
      w.uploads.delete(id);
      return sendEmpty(res, 204, API);
    case 'PATCH':
    case 'PUT': {
      const body = await readBody(req);
      if (session.doomed) {
        w.uploads.delete(id);
        return sendRegistryError(res, 404, 'BLOB_UPLOAD_INVALID', ACR.uploadInvalid);
      }
      session.chunks.push(body);
      if (method === 'PATCH') {
        return sendEmpty(res, 202, { ...API, Location: location(id), 'Docker-Upload-UUID': id, Range: `0-${Math.max(0, size() - 1)}` });
      }
      w.uploads.delete(id);
      return finish(w, res, repo, url.searchParams.get('digest') ?? '', session.chunks);
    }
    default:
      unsupported(res);
  }
}

function finish(w: World, res: ServerResponse, repo: string, digest: string, chunks: Buffer[]): void {
  const bytes = Buffer.concat(chunks);
  if (!DIGEST_RE.test(digest) || sha256(bytes) !== digest) {
    return sendRegistryError(res, 400, 'DIGEST_INVALID', ACR.digestInvalid);
  }
  let store = w.pushed.get(repo);
  if (!store) w.pushed.set(repo, (store = new Map()));
  store.set(digest, bytes);
  sendEmpty(res, 201, { ...API, Location: `/v2/${repo}/blobs/${digest}`, 'Docker-Content-Digest': digest });
}
