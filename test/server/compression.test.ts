/**
 * What is sent is compressed: JSON answers gzipped, static files brotli or gzip (encoded once
 * and kept), content-hashed chunks cached as immutable.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptedEncoding, isHashedAsset } from '../../src/server/compress.js';
import { createServer, type ShequServer } from '../../src/server/server.js';
import { seedDemoData } from '../../src/server/demo.js';
import { createMemoryStore } from '../../src/stores/memory.js';

const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('compression', () => {
  let root: string;
  let server: ShequServer;
  const chunk = `export const strings = ${JSON.stringify('社区'.repeat(4000))};\n`;
  const get = (path: string, encoding?: string) =>
    server.fetch(
      new Request(
        `http://test${path}`,
        encoding ? { headers: { 'Accept-Encoding': encoding } } : {},
      ),
    );

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sq-compress-'));
    await mkdir(join(root, 'demo'));
    await mkdir(join(root, 'dist', 'cdn', 'chunks'), { recursive: true });
    await writeFile(join(root, 'demo', 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(join(root, 'dist', 'cdn', 'shequ-kit.js'), chunk);
    await writeFile(join(root, 'dist', 'cdn', 'chunks', 'core-Bx8_k2aZ.js'), chunk);
    server = await createServer({ store: createMemoryStore(), staticRoot: root, log: false });
    await seedDemoData(server.store, server.credentials);
  });
  after(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('sends static files as brotli or gzip, whichever the client takes, and plain otherwise', async () => {
    const br = await get('/cdn/shequ-kit.js', 'gzip, deflate, br');
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    const brBytes = await bytesOf(br);
    assert.equal(brotliDecompressSync(brBytes).toString(), chunk);
    assert.ok(brBytes.length < Buffer.byteLength(chunk) / 10, `${brBytes.length} bytes`);
    const gz = await get('/cdn/shequ-kit.js', 'gzip');
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(await bytesOf(gz)).toString(), chunk);
    const plain = await get('/cdn/shequ-kit.js');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), chunk);
    const refusedBr = await get('/cdn/shequ-kit.js', 'br;q=0, gzip');
    assert.equal(refusedBr.headers.get('content-encoding'), 'gzip');
  });

  it('caches content-hashed chunks as immutable, other files for minutes', async () => {
    const hashed = await get('/cdn/chunks/core-Bx8_k2aZ.js', 'br');
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const entry = await get('/cdn/shequ-kit.js', 'br');
    assert.equal(entry.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(isHashedAsset('/x/chunks/wish-wall-a1B2c3D4.js'), true);
    assert.equal(isHashedAsset('/x/shequ-kit.js'), false);
    assert.equal(isHashedAsset('/x/community-picker.js'), false);
  });

  it('gzips JSON answers of 1 KiB and more', async () => {
    const res = await get('/api/v1/communities/xingfuli', 'gzip, br');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    const community = JSON.parse(gunzipSync(await bytesOf(res)).toString()) as { id: string };
    assert.equal(community.id, 'xingfuli');
    const small = await get('/healthz', 'gzip');
    assert.equal(small.headers.get('content-encoding'), null);
    const plain = await get('/api/v1/communities/xingfuli');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(((await plain.json()) as { id: string }).id, 'xingfuli');
  });

  it('reads Accept-Encoding with weights', () => {
    assert.equal(acceptedEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(acceptedEncoding('gzip'), 'gzip');
    assert.equal(acceptedEncoding('br;q=0, gzip;q=0.5'), 'gzip');
    assert.equal(acceptedEncoding('*'), 'br');
    assert.equal(acceptedEncoding('identity'), undefined);
    assert.equal(acceptedEncoding(undefined), undefined);
  });
});
