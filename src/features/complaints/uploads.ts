import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { ServiceContext } from '../../services/context.js';

/**
 * Uploaded photos, the same rules on the server (bytes on disk or S3) and in embedded mode
 * (bytes as a Blob in the memory store, kept in IndexedDB): type by content, size and count
 * capped, and staff read a photo only through a case of their own community.
 */

export const acceptedImageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof acceptedImageTypes)[number];

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/**
 * The image type by content (magic bytes), whatever the client claimed; undefined for anything
 * else (an HTML page or SVG with script named photo.jpg is refused). Phones send JPEG (iOS
 * converts HEIC for `<input type=file accept="image/*">`), some PNG or WebP.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (
    startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
    startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
  ) {
    return 'image/webp';
  }
  return undefined;
}

export interface UploadLimits {
  /** Per file (default 5 MiB: a phone photo; the element downsizes larger ones first). */
  maxBytes: number;
  /** Per request (default 6: a complaint's photos). */
  maxFiles: number;
}

export const defaultUploadLimits: UploadLimits = { maxBytes: 5 * 1024 * 1024, maxFiles: 6 };

/** Only the first bytes are needed to tell the type. */
export const SNIFF_BYTES = 16;

/**
 * Checks one request's files: count, size, type by content. Throws the DomainError the
 * resident sees (field keys `upload.required`, `upload.tooMany`, `upload.tooLarge`,
 * `upload.type`, paths `file` / `file.<i>`); returns each file's type.
 */
export function checkUploads(
  files: { size: number; head: Uint8Array }[],
  limits: UploadLimits,
): ImageType[] {
  if (files.length === 0) {
    throw new DomainError('validation_failed', 'invalid input', [
      { path: 'file', key: 'upload.required' },
    ]);
  }
  if (files.length > limits.maxFiles) {
    throw new DomainError('validation_failed', 'too many files', [
      { path: 'file', key: 'upload.tooMany', params: { max: limits.maxFiles } },
    ]);
  }
  return files.map((file, i) => {
    if (file.size > limits.maxBytes) {
      throw new DomainError('payload_too_large', 'file too large', [
        { path: `file.${i}`, key: 'upload.tooLarge', params: { max: limits.maxBytes } },
      ]);
    }
    const type = sniffImageType(file.head);
    if (!type) {
      throw new DomainError('unsupported_media_type', 'not an accepted image', [
        { path: `file.${i}`, key: 'upload.type' },
      ]);
    }
    return type;
  });
}

/** Where the bytes go when the store does not keep them (the server's UploadStorage). */
export interface UploadBytes {
  put(id: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(id: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;
}

export interface SavedUpload {
  id: string;
  type: ImageType;
  size: number;
}

/**
 * Checks and saves uploaded files (anyone may upload: residents attach photos before they
 * submit). With `storage` the bytes go there and the store keeps a record; without, the store
 * keeps the Blob itself (embedded mode).
 */
export async function saveUploads(
  ctx: ServiceContext,
  files: Blob[],
  options: { limits?: UploadLimits; storage?: UploadBytes | undefined } = {},
): Promise<SavedUpload[]> {
  const limits = options.limits ?? defaultUploadLimits;
  const heads = await Promise.all(
    files.map(async (file) => ({
      size: file.size,
      head: new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()),
    })),
  );
  const types = checkUploads(heads, limits);
  const createdAt = ctx.clock.now().toISOString();
  const saved: SavedUpload[] = [];
  for (const [i, file] of files.entries()) {
    const type = types[i]!;
    const id = newId(ctx.clock.now().getTime());
    if (options.storage) {
      await options.storage.put(id, new Uint8Array(await file.arrayBuffer()), type);
      await ctx.store.uploads.put({ id, type, size: file.size, createdAt });
    } else {
      // A Blob of our own type, whatever the caller's claimed.
      const blob = new Blob([await file.arrayBuffer()], { type });
      await ctx.store.uploads.put({ id, type, size: file.size, createdAt, blob });
    }
    saved.push({ id, type, size: file.size });
  }
  return saved;
}

/**
 * Staff read an uploaded photo only when it belongs to a case of their own community; anything
 * else reads as not found (it says nothing about other communities' files).
 */
export async function assertCanReadUpload(ctx: ServiceContext, uploadId: string): Promise<void> {
  if (ctx.actor.kind !== 'staff') throw new DomainError('unauthorized');
  if (!(await ctx.store.complaints.hasPhoto(ctx.actor.community, uploadId))) {
    throw new DomainError('not_found', 'no such file');
  }
}

/** A photo for staff of the community whose case it belongs to (else 401 / 404). */
export async function readUpload(
  ctx: ServiceContext,
  id: string,
  storage?: UploadBytes,
): Promise<Blob> {
  await assertCanReadUpload(ctx, id);
  if (storage) {
    const file = await storage.get(id);
    if (!file) throw new DomainError('not_found', 'no such file');
    return new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.contentType });
  }
  const record = await ctx.store.uploads.get(id);
  if (!record?.blob) throw new DomainError('not_found', 'no such file');
  return record.blob;
}
