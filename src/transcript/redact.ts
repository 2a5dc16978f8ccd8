import { REDACTED, registeredSecrets } from '../probes/secret.js';

/** Environment variables whose values are secrets wherever they show up. */
export const SECRET_ENV_VARS = ['AZURE_CLIENT_SECRET', 'ACR_DOCTOR_PASSWORD'] as const;

/** Values of known secret environment variables, scrubbed wherever they appear. */
export function secretValuesFromEnv(env: Record<string, string | undefined>): string[] {
  return SECRET_ENV_VARS.map((k) => env[k]).filter((v): v is string => !!v && v.length >= 4);
}

// Field names whose values are credentials, in JSON bodies (any case style) and in form/query bodies.
const SECRET_FIELDS =
  'access_?token|refresh_?token|id_?token|password|passwd|client_?secret|client_?assertion|assertion|secret|token|sig';

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const JSON_FIELD = new RegExp(`("(?:${SECRET_FIELDS})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)(")`, 'gi');
// Escaped JSON inside a JSON string: \"password\":\"...\"
const ESCAPED_JSON_FIELD = new RegExp(`(\\\\"(?:${SECRET_FIELDS})\\\\"\\s*:\\s*\\\\")((?:[^"\\\\]|\\\\[^"])*)(\\\\")`, 'gi');
// The lead also covers a command-line flag (--password=x) and %26/%3F: a URL-encoded query inside another URL.
const FORM_FIELD = new RegExp(`(^|[?&;\\s"'{,(-]|%26|%3[Ff])((?:${SECRET_FIELDS})(?:=|%3[Dd]))([^&\\s"',;)}]+)`, 'gim');
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@"']*:)([^@\s/"']+)(@)/gi;
const AUTH_HEADER =
  /(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(Bearer|Basic|Negotiate|NTLM|Digest|Token|SharedKey)(\s+))?([^\s"',;]+)/gi;
const SCHEME_TOKEN = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/-]+=*)/gi;

/** A word after Bearer/Basic that looks like a credential rather than prose ("Basic authentication"). */
function looksLikeCredential(token: string): boolean {
  if (token.length < 6) return false;
  if (/[0-9+/=._~-]/.test(token)) return true;
  return /[A-Z]/.test(token.slice(1)) && /[a-z]/.test(token);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms a known secret takes in text: as is, URL-encoded, JSON-escaped. */
function knownForms(known: string[]): string[] {
  const forms = new Set<string>();
  for (const v of known) {
    if (!v) continue;
    forms.add(v);
    forms.add(encodeURIComponent(v));
    forms.add(JSON.stringify(v).slice(1, -1));
  }
  // Longest first, so a secret that contains another is removed whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

let registeredForms: { version: number; forms: string[] } = { version: -1, forms: [] };

/** The text forms of every Secret value the process holds (cached until a new Secret appears). */
function registeredSecretForms(): string[] {
  const now = registeredSecrets();
  if (now.version !== registeredForms.version) registeredForms = { version: now.version, forms: knownForms([...now.values]) };
  return registeredForms.forms;
}

function scrubKnown(text: string, known: string[]): string {
  let out = text;
  const forms = [...new Set([...knownForms(known), ...registeredSecretForms()])].sort((a, b) => b.length - a.length);
  for (const form of forms) {
    if (form.length >= 3) out = out.split(form).join(REDACTED);
    // A one- or two-character "secret" would shred every word; remove it only where it stands alone.
    else out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9])`, 'g'), REDACTED);
  }
  return out;
}

/**
 * Scrubs secret shapes from text that is about to be shown, logged or written: JWTs,
 * Authorization credentials, token/password fields in JSON and form bodies, SAS signatures,
 * passwords in URLs, and any known secret value.
 */
export function redactText(text: string, known: string[] = []): string {
  let out = scrubKnown(text, known);
  out = out.replace(JWT, REDACTED);
  out = out.replace(AUTH_HEADER, (whole, head: string, scheme: string | undefined, space: string | undefined, value: string) => {
    if (value === REDACTED || value.startsWith('[REDACTED')) return whole;
    if (scheme) return `${head}${scheme}${space}${REDACTED}`;
    // Without a scheme only a credential-looking value is taken, not prose after "Authorization:".
    return looksLikeCredential(value) ? `${head}${REDACTED}` : whole;
  });
  out = out.replace(SCHEME_TOKEN, (whole, scheme: string, space: string, token: string, offset: number, all: string) => {
    const next = all[offset + whole.length];
    // An auth-param such as realm="..." in a WWW-Authenticate challenge is evidence, not a credential.
    if (/^[A-Za-z_]+=$/.test(token) && next === '"') return whole;
    if (!looksLikeCredential(token)) return whole;
    return `${scheme}${space}${REDACTED}`;
  });
  out = out.replace(JSON_FIELD, (_m, a: string, _v: string, c: string) => `${a}${REDACTED}${c}`);
  out = out.replace(ESCAPED_JSON_FIELD, (_m, a: string, _v: string, c: string) => `${a}${REDACTED}${c}`);
  out = out.replace(FORM_FIELD, (whole, lead: string, key: string, value: string) =>
    value === REDACTED || value.startsWith('[REDACTED') ? whole : `${lead}${key}${REDACTED}`,
  );
  out = out.replace(URL_USERINFO, (_m, a: string, _p: string, c: string) => `${a}${REDACTED}${c}`);
  return out;
}

// Object keys whose string value is a credential whatever it looks like.
const SECRET_KEY =
  /^(?:(?:proxy-)?authorization|(?:access|refresh|id)_?token|token|password|passwd|client_?secret|secret|client_?assertion|cookie|set-cookie|sig)$/i;

/**
 * The value as JSON would see it (toJSON honoured, so Secret becomes [REDACTED]; undefined and
 * functions dropped; bigint as text) without throwing on cycles.
 */
function toPlain(v: unknown, ancestors: Set<object>): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v !== 'object') return undefined;
  const withJson = v as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return toPlain(withJson.toJSON(), ancestors);
  if (ancestors.has(v)) return '[Circular]';
  ancestors.add(v);
  try {
    if (Array.isArray(v)) return v.map((x) => toPlain(x, ancestors) ?? null);
    const out: Record<string, unknown> = {};
    for (const [k, inner] of Object.entries(v)) {
      const p = toPlain(inner, ancestors);
      if (p !== undefined) out[k] = p;
    }
    return out;
  } finally {
    ancestors.delete(v);
  }
}

/**
 * Returns a deep copy of a JSON-like value with every string (keys included) scrubbed, and the
 * string value of a credential-named key (authorization, password, token, ...) replaced whole.
 */
export function redactDeep<T>(value: T, known: string[] = []): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, known);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v as Record<string, unknown>)) {
        out[redactText(k, known)] = typeof inner === 'string' && inner && SECRET_KEY.test(k) ? REDACTED : walk(inner);
      }
      return out;
    }
    return v;
  };
  return walk(toPlain(value, new Set())) as T;
}
