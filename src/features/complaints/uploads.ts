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
 * converts HEIC for `<input type=file accept="image/*">`), some PNG or WebP. Only a first look:
 * `inspectImage` reads the whole structure.
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

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => (u16be(b, i) * 0x10000 + u16be(b, i + 2)) >>> 0;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | (b[i + 2]! << 16);
const u32le = (b: Uint8Array, i: number) => (u24le(b, i) + b[i + 3]! * 0x1000000) >>> 0;
const tag = (b: Uint8Array, i: number) =>
  String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);
const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/** PNG: IHDR first, chunks that fit, IEND exactly at the end. */
function inspectPng(b: Uint8Array): ImageInfo | undefined {
  let i = 8;
  let size: { width: number; height: number } | undefined;
  while (i + 12 <= b.length) {
    const length = u32be(b, i);
    const type = tag(b, i + 4);
    const next = i + 12 + length;
    if (next > b.length) return undefined;
    if (i === 8) {
      if (type !== 'IHDR' || length !== 13) return undefined;
      size = { width: u32be(b, i + 8), height: u32be(b, i + 12) };
    }
    if (type === 'IEND') {
      return next === b.length && size ? { type: 'image/png', ...size } : undefined;
    }
    i = next;
  }
  return undefined;
}

/** JPEG: marker segments that fit, a frame header (SOFn) before the scan, EOI at the very end. */
function inspectJpeg(b: Uint8Array): ImageInfo | undefined {
  let i = 2;
  let size: { width: number; height: number } | undefined;
  while (i + 2 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // a fill byte
      continue;
    }
    if (marker === 0xd9) {
      return i + 2 === b.length && size ? { type: 'image/jpeg', ...size } : undefined;
    }
    if (isRestart(marker) || marker === 0x01) {
      i += 2;
      continue;
    }
    if (i + 4 > b.length) return undefined;
    const length = u16be(b, i + 2);
    if (length < 2 || i + 2 + length > b.length) return undefined;
    // SOF0–SOF15 give the frame's size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8) return undefined;
      size = { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + length;
    if (marker === 0xda) {
      if (!size) return undefined;
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0 && !isRestart(b[i + 1]!))) {
        i++;
      }
    }
  }
  return undefined;
}

/** WebP: the RIFF size is the file's, chunks fit, and the image chunk gives the canvas size. */
function inspectWebp(b: Uint8Array): ImageInfo | undefined {
  if (b.length < 20 || u32le(b, 4) + 8 !== b.length) return undefined;
  let i = 12;
  let size: { width: number; height: number } | undefined;
  while (i + 8 <= b.length) {
    const type = tag(b, i);
    const length = u32le(b, i + 4);
    const data = i + 8;
    const next = data + length + (length % 2);
    if (next > b.length) return undefined;
    if (i === 12) {
      if (type === 'VP8X' && length >= 10) {
        size = { width: u24le(b, data + 4) + 1, height: u24le(b, data + 7) + 1 };
      } else if (type === 'VP8 ' && length >= 10 && startsWith(b, [0x9d, 0x01, 0x2a], data + 3)) {
        size = { width: u16le(b, data + 6) & 0x3fff, height: u16le(b, data + 8) & 0x3fff };
      } else if (type === 'VP8L' && length >= 5 && b[data] === 0x2f) {
        const bits = u32le(b, data + 1);
        size = { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      } else {
        return undefined;
      }
    }
    i = next;
  }
  return i === b.length && size ? { type: 'image/webp', ...size } : undefined;
}

const inspectors = {
  'image/png': inspectPng,
  'image/jpeg': inspectJpeg,
  'image/webp': inspectWebp,
};

/**
 * The image's type and size from its whole structure, or undefined when it is not a complete
 * JPEG, PNG or WebP: a valid header followed by HTML, a truncated file or data after the
 * image's end are all refused, so what is stored and served back is an image and nothing else.
 */
export function inspectImage(bytes: Uint8Array): ImageInfo | undefined {
  const type = sniffImageType(bytes);
  const info = type && inspectors[type](bytes);
  return info && info.width > 0 && info.height > 0 ? info : undefined;
}

export interface UploadLimits {
  /** Per file (default 5 MiB: a phone photo; the element downsizes larger ones first). */
  maxBytes: number;
  /** Per request (default 6: a complaint's photos). */
  maxFiles: number;
  /**
   * Declared width × height (default 40 million: a 50-megapixel camera's photo is larger, the
   * form downsizes before sending). A small file can declare a huge image that would take
   * gigabytes to decode wherever it is shown.
   */
  maxPixels?: number;
}

export const defaultUploadLimits: UploadLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxFiles: 6,
  maxPixels: 40_000_000,
};

/**
 * Checks one request's files: count, size, type and structure by content, declared pixels.
 * Throws the DomainError the resident sees (field keys `upload.required`, `upload.tooMany`,
 * `upload.tooLarge`, `upload.type`, `upload.invalid`, `upload.tooManyPixels`, paths `file` /
 * `file.<i>`); returns each file's type. `bytes` may be absent for a file over the size cap.
 */
export function checkUploads(
  files: { size: number; bytes?: Uint8Array | undefined }[],
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
    const bytes = file.bytes ?? new Uint8Array();
    if (!sniffImageType(bytes)) {
      throw new DomainError('unsupported_media_type', 'not an accepted image', [
        { path: `file.${i}`, key: 'upload.type' },
      ]);
    }
    const image = inspectImage(bytes);
    if (!image) {
      throw new DomainError('validation_failed', 'not a complete image', [
        { path: `file.${i}`, key: 'upload.invalid' },
      ]);
    }
    const maxPixels = limits.maxPixels ?? defaultUploadLimits.maxPixels!;
    if (image.width * image.height > maxPixels) {
      throw new DomainError('validation_failed', 'too many pixels', [
        { path: `file.${i}`, key: 'upload.tooManyPixels', params: { max: maxPixels } },
      ]);
    }
    return image.type;
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
  // A file over the size cap is refused unread.
  const read = await Promise.all(
    files.map(async (file) => ({
      size: file.size,
      bytes: file.size <= limits.maxBytes ? new Uint8Array(await file.arrayBuffer()) : undefined,
    })),
  );
  const types = checkUploads(read, limits);
  const createdAt = ctx.clock.now().toISOString();
  const saved: SavedUpload[] = [];
  for (const [i, file] of files.entries()) {
    const type = types[i]!;
    const bytes = read[i]!.bytes!;
    const id = newId(ctx.clock.now().getTime());
    if (options.storage) {
      await options.storage.put(id, bytes, type);
      await ctx.store.uploads.put({ id, type, size: file.size, createdAt });
    } else {
      // A Blob of our own type, whatever the caller's claimed.
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
      await ctx.store.uploads.put({ id, type, size: file.size, createdAt, blob });
    }
    saved.push({ id, type, size: file.size });
  }
  return saved;
}

/**
 * Staff read an uploaded photo only when it belongs to a case or a 红黑榜 entry (its evidence)
 * of their own community; anything else reads as not found (it says nothing about other
 * communities' files).
 */
export async function assertCanReadUpload(ctx: ServiceContext, uploadId: string): Promise<void> {
  if (ctx.actor.kind !== 'staff') throw new DomainError('unauthorized');
  const { community } = ctx.actor;
  if (await ctx.store.complaints.hasPhoto(community, uploadId)) return;
  // 红黑榜 evidence: the reviewer looks at each photo before clearing it for the board.
  const entries = await ctx.store.redblackEntries.list(community);
  if (!entries.some((e) => e.photos.some((p) => p.id === uploadId))) {
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
