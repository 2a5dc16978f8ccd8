/** Manifest handling for the pull probe: which media types to ask for, and which blob to fetch. */

export const MEDIA = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
} as const;

export const MANIFEST_ACCEPT = [MEDIA.ociManifest, MEDIA.ociIndex, MEDIA.dockerManifest, MEDIA.dockerList].join(', ');

export interface Descriptor {
  mediaType: string | null;
  digest: string;
  size: number;
  platform?: { os?: string; architecture?: string; variant?: string } | null;
}

export type ParsedManifest =
  | { kind: 'index'; mediaType: string | null; manifests: Descriptor[] }
  | { kind: 'image'; mediaType: string | null; config: Descriptor | null; layers: Descriptor[] }
  | { kind: 'unknown'; mediaType: string | null };

const DIGEST = /^sha256:[a-f0-9]{64}$/;

function descriptor(v: unknown): Descriptor | null {
  if (typeof v !== 'object' || v === null) return null;
  const d = v as Record<string, unknown>;
  if (typeof d.digest !== 'string' || !DIGEST.test(d.digest)) return null;
  const size = typeof d.size === 'number' && Number.isFinite(d.size) ? d.size : -1;
  const platform = typeof d.platform === 'object' && d.platform !== null ? (d.platform as Descriptor['platform']) : null;
  return { mediaType: typeof d.mediaType === 'string' ? d.mediaType : null, digest: d.digest, size, platform };
}

export function parseManifest(body: string, contentType: string | null): ParsedManifest {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { kind: 'unknown', mediaType: contentType };
  }
  const mediaType = (typeof doc.mediaType === 'string' ? doc.mediaType : null) ?? contentType;
  if (Array.isArray(doc.manifests)) {
    return { kind: 'index', mediaType, manifests: doc.manifests.map(descriptor).filter((d): d is Descriptor => d !== null) };
  }
  if (doc.config !== undefined || Array.isArray(doc.layers)) {
    const layers = Array.isArray(doc.layers) ? doc.layers.map(descriptor).filter((d): d is Descriptor => d !== null) : [];
    return { kind: 'image', mediaType, config: descriptor(doc.config), layers };
  }
  return { kind: 'unknown', mediaType };
}

/** Node's process.arch in OCI terms. */
export function ociArch(nodeArch: string): string | null {
  const map: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x' };
  return map[nodeArch] ?? null;
}

/**
 * The index entry this machine would pull: linux on the current architecture, else linux/amd64,
 * else the first entry that names a real platform (attestations say unknown/unknown).
 */
export function pickPlatform(manifests: Descriptor[], nodeArch: string): Descriptor | null {
  const arch = ociArch(nodeArch);
  const real = manifests.filter((m) => m.platform?.os !== 'unknown' && m.platform?.architecture !== 'unknown');
  const on = (a: string | null) => (m: Descriptor) => m.platform?.os === 'linux' && m.platform?.architecture === a;
  return (arch ? real.find(on(arch)) : undefined) ?? real.find(on('amd64')) ?? real[0] ?? null;
}

/**
 * The blob to fetch: the config (small JSON, its digest can be checked from text), else the
 * smallest layer.
 */
export function pickBlob(m: Extract<ParsedManifest, { kind: 'image' }>): { blob: Descriptor; isConfig: boolean } | null {
  if (m.config) return { blob: m.config, isConfig: true };
  const sorted = [...m.layers].sort((a, b) => a.size - b.size);
  return sorted[0] ? { blob: sorted[0], isConfig: false } : null;
}
