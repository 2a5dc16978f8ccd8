import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small response and body helpers shared by the simulator's routes. */

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** A distribution-style error body: {"errors":[{"code","message"}]}. */
export function sendRegistryError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { errors: [{ code, message }] }, { 'Docker-Distribution-Api-Version': 'registry/2.0', ...headers });
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': 0, ...headers });
  res.end();
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(res.req.method === 'HEAD' ? undefined : html);
}

/** The request body, up to `max` bytes (more is refused with an error). */
export function readBody(req: IncomingMessage, max = 16 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** application/x-www-form-urlencoded fields; repeated fields (scope) are kept in order. */
export function parseForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}

export interface BasicCredentials {
  username: string;
  password: string;
}

export function parseAuthorization(header: string | undefined): { bearer?: string; basic?: BasicCredentials } {
  if (!header) return {};
  const m = /^\s*(\w+)\s+(.+?)\s*$/.exec(header);
  if (!m) return {};
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'bearer') return { bearer: m[2]! };
  if (scheme === 'basic') {
    const text = Buffer.from(m[2]!, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon < 0) return {};
    return { basic: { username: text.slice(0, colon), password: text.slice(colon + 1) } };
  }
  return {};
}
