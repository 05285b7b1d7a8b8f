import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where uploaded files go. Local disk by default; an S3-compatible one implements the same. */
export interface UploadStorage {
  put(id: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(id: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;
  delete(id: string): Promise<void>;
}

export const acceptedImageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof acceptedImageTypes)[number];

const EXTENSIONS: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

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

const SAFE_ID = /^[A-Za-z0-9]{10,64}$/;

/** Files in a directory, named `<id>.<ext>`; ids are ours (never a client's file name). */
export function localDiskStorage(dir: string): UploadStorage {
  const path = (id: string, type: ImageType) => join(dir, `${id}.${EXTENSIONS[type]}`);
  return {
    async put(id, bytes, contentType) {
      if (!SAFE_ID.test(id)) throw new Error('bad upload id');
      await mkdir(dir, { recursive: true });
      await writeFile(path(id, contentType as ImageType), bytes, { flag: 'wx', mode: 0o640 });
    },
    async get(id) {
      if (!SAFE_ID.test(id)) return undefined;
      for (const type of acceptedImageTypes) {
        try {
          return { bytes: new Uint8Array(await readFile(path(id, type))), contentType: type };
        } catch {
          // not this extension
        }
      }
      return undefined;
    },
    async delete(id) {
      if (!SAFE_ID.test(id)) return;
      for (const type of acceptedImageTypes) await rm(path(id, type), { force: true });
    },
  };
}

/** A storage in memory (tests). */
export function memoryStorage(): UploadStorage {
  const files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  return {
    async put(id, bytes, contentType) {
      files.set(id, { bytes: bytes.slice(), contentType });
    },
    async get(id) {
      return files.get(id);
    },
    async delete(id) {
      files.delete(id);
    },
  };
}

export interface UploadLimits {
  /** Per file (default 5 MiB: a phone photo; the element downsizes larger ones first). */
  maxBytes: number;
  /** Per request (default 6: a complaint's photos). */
  maxFiles: number;
}

export const defaultUploadLimits: UploadLimits = { maxBytes: 5 * 1024 * 1024, maxFiles: 6 };
