import { createHash } from 'node:crypto';

/** A small multi-platform image with real content-addressed blobs. */

export interface Blob {
  digest: string;
  mediaType: string;
  bytes: Buffer;
}

export interface ImageContent {
  /** All manifests by digest (the index and the per-platform image manifests). */
  manifests: Map<string, Blob>;
  /** The tag's target: the OCI image index. */
  indexDigest: string;
  /** Config and layer blobs by digest. */
  blobs: Map<string, Blob>;
}

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

export const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function blob(mediaType: string, bytes: Buffer): Blob {
  return { digest: sha256(bytes), mediaType, bytes };
}

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));

function platformImage(arch: string, manifests: Map<string, Blob>, blobs: Map<string, Blob>): Blob {
  // Deterministic, distinct layer bytes per architecture (the content does not matter, its digest does).
  const layer = blob(MEDIA.ociLayer, Buffer.from(`hello from the acr-doctor simulator on linux/${arch}\n`.repeat(64)));
  const config = blob(
    MEDIA.ociConfig,
    json({
      architecture: arch,
      os: 'linux',
      config: { Cmd: ['/hello'] },
      rootfs: { type: 'layers', diff_ids: [layer.digest] },
      created: '2026-01-01T00:00:00Z',
    }),
  );
  blobs.set(layer.digest, layer);
  blobs.set(config.digest, config);
  const manifest = blob(
    MEDIA.ociManifest,
    json({
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: { mediaType: MEDIA.ociConfig, digest: config.digest, size: config.bytes.length },
      layers: [{ mediaType: MEDIA.ociLayer, digest: layer.digest, size: layer.bytes.length }],
    }),
  );
  manifests.set(manifest.digest, manifest);
  return manifest;
}

export function buildImage(): ImageContent {
  const manifests = new Map<string, Blob>();
  const blobs = new Map<string, Blob>();
  const platforms = ['amd64', 'arm64'].map((arch) => ({ arch, m: platformImage(arch, manifests, blobs) }));
  const index = blob(
    MEDIA.ociIndex,
    json({
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: platforms.map(({ arch, m }) => ({
        mediaType: MEDIA.ociManifest,
        digest: m.digest,
        size: m.bytes.length,
        platform: { architecture: arch, os: 'linux' },
      })),
    }),
  );
  manifests.set(index.digest, index);
  return { manifests, indexDigest: index.digest, blobs };
}

/** Whether an Accept header admits the media type (absent Accept or a wildcard admits everything). */
export function accepts(accept: string | undefined, mediaType: string): boolean {
  if (!accept) return true;
  const types = accept.split(',').map((s) => s.split(';')[0]!.trim().toLowerCase());
  return types.some((t) => t === mediaType || t === '*/*' || t === 'application/*');
}
