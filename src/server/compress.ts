import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type Encoding = 'br' | 'gzip';

/** Whether the client takes `encoding` (q > 0, by name or by `*`). */
export function accepts(header: string | undefined, encoding: Encoding): boolean {
  if (!header) return false;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  return (q.get(encoding) ?? q.get('*') ?? 0) > 0;
}

/** The best encoding the client accepts (q > 0) of those we make: br, then gzip. */
export function acceptedEncoding(header: string | undefined): Encoding | undefined {
  return accepts(header, 'br') ? 'br' : accepts(header, 'gzip') ? 'gzip' : undefined;
}

/**
 * Static files compressed once and kept (the drop-in's chunks, the demo page): brotli at its
 * best setting for browsers that take it, gzip for the rest. Encoded off the event loop, keyed
 * by file and its modification time, so a rebuilt file is encoded again.
 */
export function staticEncoder(maxEntries = 200) {
  const cache = new Map<string, Promise<Uint8Array>>();
  return (key: string, bytes: Uint8Array, encoding: Encoding): Promise<Uint8Array> => {
    const id = `${encoding}:${key}`;
    let encoded = cache.get(id);
    if (!encoded) {
      encoded = (
        encoding === 'br'
          ? brotli(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            })
          : gzipAsync(bytes, { level: 9 })
      ).then((buffer) => new Uint8Array(buffer));
      encoded.catch(() => cache.delete(id));
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
      cache.set(id, encoded);
    }
    return encoded;
  };
}

/** Content-hashed file names (`chunks/core-BVx8_k2a.js`): their content never changes. */
export const isHashedAsset = (path: string) => /-[A-Za-z0-9_-]{8,}\.(?:js|css)$/.test(path);
