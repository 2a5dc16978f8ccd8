import { REDACTED } from '../probes/secret.js';

const PATTERNS: RegExp[] = [
  // JWTs (header.payload.signature, base64url)
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
];

/** Values of known secret environment variables, scrubbed wherever they appear. */
export function secretValuesFromEnv(env: Record<string, string | undefined>): string[] {
  return ['AZURE_CLIENT_SECRET', 'ACR_DOCTOR_PASSWORD'].map((k) => env[k]).filter((v): v is string => !!v && v.length >= 4);
}

/**
 * Scrubs secret shapes from text that is about to be shown, logged or written: JWTs,
 * Authorization credentials, token/password fields in JSON and form bodies, SAS signatures,
 * and any known secret value.
 */
export function redactText(text: string, known: string[] = []): string {
  let out = text;
  for (const value of known) {
    if (value) out = out.split(value).join(REDACTED);
  }
  for (const re of PATTERNS) out = out.replace(re, REDACTED);
  out = out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, (_m, scheme: string) => `${scheme} ${REDACTED}`);
  out = out.replace(
    /("(?:access_token|refresh_token|accessToken|refreshToken|password|client_secret|id_token|token)"\s*:\s*")((?:[^"\\]|\\.)*)(")/gi,
    (_m, a: string, _v: string, c: string) => `${a}${REDACTED}${c}`,
  );
  out = out.replace(
    /\b(access_token|refresh_token|password|client_secret|id_token|sig)=([^&\s"']+)/gi,
    (_m, k: string) => `${k}=${REDACTED}`,
  );
  return out;
}
