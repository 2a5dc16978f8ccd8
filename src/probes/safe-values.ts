import { isIP } from 'node:net';

/**
 * Strict shapes for values that go into a remediation's argv. They come from places an attacker
 * or an accident may control (a registry's error body, token claims, `az` JSON, environment
 * variables), and a person may run the command: anything that does not look exactly like what it
 * claims to be gives null, and the caller offers a manual step instead.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);

/** An IPv4 or IPv6 address as node:net reads it (no zone id, no prefix, no spaces). */
export function safeIp(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 45 && isIP(value) !== 0 ? value : null;
}

export function safeGuid(value: unknown): string | null {
  return typeof value === 'string' && GUID.test(value) ? value : null;
}

/**
 * An AAD object or application id. Azure's are GUIDs; anything made of letters, digits and inner
 * hyphens is accepted too (it cannot be read as an option or carry a space).
 */
export function safeObjectId(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/.test(value) ? value : null;
}

/** A DNS name (letters, digits, hyphens inside labels), optionally with :port. Never starts with '-'. */
export function safeHostName(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 259) return null;
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m || m[1]!.length > 253 || !DNS_NAME.test(m[1]!)) return null;
  if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 65535)) return null;
  return value;
}

/** An AAD tenant: a GUID or a domain name. */
export function safeTenant(value: unknown): string | null {
  return safeGuid(value) ?? (typeof value === 'string' && !value.includes(':') ? safeHostName(value) : null);
}

/**
 * An ARM resource id: /subscriptions/GUID/resourceGroups/RG/providers/NAMESPACE/TYPE/NAME, optionally
 * limited to one provider type (e.g. 'Microsoft.ContainerRegistry/registries').
 */
export function safeResourceId(value: unknown, type?: string): string | null {
  if (typeof value !== 'string' || value.length > 1024) return null;
  const m =
    /^\/subscriptions\/([A-Za-z0-9][A-Za-z0-9-]{0,63})\/resourceGroups\/[A-Za-z0-9._()-]{1,90}\/providers\/([A-Za-z0-9.]{1,80}\/[A-Za-z0-9]{1,80})\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/i.exec(
      value,
    );
  if (!m) return null;
  if (type && m[2]!.toLowerCase() !== type.toLowerCase()) return null;
  return value;
}

/** A Key Vault (or managed HSM) key URL, with or without its version. */
export function safeKeyVaultKeyId(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 512) return null;
  const ok =
    /^https:\/\/[A-Za-z0-9-]{3,24}\.(?:vault\.azure\.net|vault\.azure\.cn|vault\.usgovcloudapi\.net|managedhsm\.azure\.net)(?::443)?\/keys\/[A-Za-z0-9-]{1,127}(?:\/[0-9A-Za-z]{1,64})?\/?$/.test(
      value,
    );
  return ok ? value : null;
}

/** An ACR scope-map token name (what --username is when it is not the admin user). */
export function safeAcrTokenName(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]{4,49}$/.test(value) ? value : null;
}

/** A value that cannot be read as an option and carries no whitespace or control characters. */
export function safePlainArg(value: unknown, max = 256): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= max && /^[A-Za-z0-9_.:@/+=,[\]][\x21-\x7e]*$/.test(value) ? value : null;
}
