import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { acceptedImageTypes, type ImageType } from '../features/complaints/uploads.js';

/** Where uploaded files go. Local disk by default; an S3-compatible one implements the same. */
export interface UploadStorage {
  put(id: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(id: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;
  delete(id: string): Promise<void>;
}

// The checks live in src/features/complaints/uploads.ts (the embedded transport applies them too).
export {
  acceptedImageTypes,
  defaultUploadLimits,
  sniffImageType,
  type ImageType,
  type UploadLimits,
} from '../features/complaints/uploads.js';

const EXTENSIONS: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

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
