import type { IncomingMessage, ServerResponse } from 'node:http';
import type { World } from '../world.js';

/** The regional data endpoint: serves blob bytes for a valid SAS URL, like Azure Storage. */
export function handleData(w: World, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const m = /^\/docker\/registry\/v2\/blobs\/sha256\/[a-f0-9]{2}\/([a-f0-9]{64})\/data$/.exec(url.pathname);
  const sig = url.searchParams.get('sig') ?? '';
  const grant = w.sas.get(sig);
  const digest = m ? `sha256:${m[1]}` : '';
  if (!m || !grant || grant.digest !== digest || grant.expires < Date.now() || url.searchParams.get('sp') !== 'r') {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. ' +
      'Make sure the value of Authorization header is formed correctly including the signature.</Message></Error>';
    res.writeHead(403, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(xml), 'x-ms-error-code': 'AuthenticationFailed' });
    res.end(req.method === 'HEAD' ? undefined : xml);
    return;
  }
  const bytes = w.image.blobs.get(digest)?.bytes ?? [...w.pushed.values()].map((s) => s.get(digest)).find(Boolean);
  if (!bytes) {
    res.writeHead(404, { 'Content-Type': 'application/xml', 'x-ms-error-code': 'BlobNotFound' });
    res.end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': bytes.length,
    'x-ms-blob-type': 'BlockBlob',
    ETag: `"0x${digest.slice(7, 23).toUpperCase()}"`,
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
