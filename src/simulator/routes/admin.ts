import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { World } from '../world.js';
import { readBody, sendJson } from '../http-util.js';
import { runAz } from '../az.js';
import type { Role } from '../types.js';

export const ADMIN_HEADER = 'x-sim-admin-token';

function tokenMatches(given: string | string[] | undefined, want: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * /_sim/...: the demo's stand-in commands and tests change the simulated registry here. Guarded by
 * the admin token so nothing else on the machine can flip it.
 */
export async function handleAdmin(
  w: World,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  adminToken: string,
  setScenario: (name: string) => void,
): Promise<void> {
  if (!tokenMatches(req.headers[ADMIN_HEADER], adminToken)) return sendJson(res, 401, { error: 'admin token required' });
  let body: Record<string, unknown> = {};
  if (req.method === 'POST') {
    try {
      const raw = (await readBody(req, 1024 * 1024)).toString('utf8');
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return sendJson(res, 400, { error: 'body must be JSON' });
    }
  }
  const route = `${req.method} ${url.pathname.replace(/^\/_sim/, '')}`;
  const enabled = body.enabled !== false;
  switch (route) {
    case 'GET /state':
      return sendJson(res, 200, { scenario: w.scenario.name, state: w.state, behaviour: w.behaviour });
    case 'POST /az': {
      const argv = Array.isArray(body.argv) ? body.argv.filter((a): a is string => typeof a === 'string') : [];
      return sendJson(res, 200, runAz(w, argv));
    }
    case 'POST /scenario':
      try {
        setScenario(String(body.name ?? ''));
      } catch (err) {
        return sendJson(res, 400, { error: (err as Error).message });
      }
      return sendJson(res, 200, { scenario: w.scenario.name });
    case 'POST /network-rule': {
      const ip = String(body.ip ?? '');
      if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(ip)) return sendJson(res, 400, { error: 'ip required' });
      if (!w.state.allowedIps.includes(ip)) w.state.allowedIps.push(ip);
      return sendJson(res, 200, { allowedIps: w.state.allowedIps });
    }
    case 'POST /arm-tokens':
      w.state.armTokensAllowed = enabled;
      return sendJson(res, 200, { armTokensAllowed: enabled });
    case 'POST /anonymous-pull':
      w.state.anonymousPull = enabled;
      return sendJson(res, 200, { anonymousPull: enabled });
    case 'POST /role': {
      const assignee = String(body.assignee ?? '');
      const role = body.role === 'AcrPush' ? 'AcrPush' : body.role === 'AcrPull' ? 'AcrPull' : null;
      if (!assignee || !role) return sendJson(res, 400, { error: 'assignee and role (AcrPull or AcrPush) required' });
      const roles: Role[] = (w.state.roles[assignee] ??= []);
      if (!roles.includes(role)) roles.push(role);
      return sendJson(res, 200, { roles: w.state.roles });
    }
    case 'POST /cmk-identity':
      w.state.cmkIdentityAssigned = enabled;
      return sendJson(res, 200, { cmkIdentityAssigned: enabled });
  }
  sendJson(res, 404, { error: `no admin route ${route}` });
}
