import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkUploads,
  defaultUploadLimits,
  inspectImage,
} from '../../../src/features/complaints/uploads.js';
import {
  JPEG,
  PNG,
  WEBP,
  WEBP_EXTENDED,
  pngDeclaring,
  withTrailing,
} from '../../fixtures/images.js';

const html = '<html><script>alert(1)</script></html>';

describe('image structure (uploads are parsed, not just sniffed)', () => {
  it('reads the type and size of complete JPEG, PNG and WebP files', () => {
    assert.deepEqual(inspectImage(JPEG), { type: 'image/jpeg', width: 2, height: 2 });
    assert.deepEqual(inspectImage(PNG), { type: 'image/png', width: 2, height: 2 });
    assert.deepEqual(inspectImage(WEBP), { type: 'image/webp', width: 2, height: 2 });
    assert.deepEqual(inspectImage(WEBP_EXTENDED), { type: 'image/webp', width: 2, height: 2 });
  });

  it('refuses a valid header followed by something else, truncated files and trailing data', () => {
    const jpegThenHtml = withTrailing(JPEG.slice(0, 20), html);
    const webpThenHtml = withTrailing(WEBP.slice(0, 12), html);
    for (const [name, bytes] of [
      ['JPEG header + HTML', jpegThenHtml],
      ['RIFF/WEBP header + HTML', webpThenHtml],
      ['a 3-byte "JPEG"', new Uint8Array([0xff, 0xd8, 0xff])],
      ['JPEG + trailing HTML', withTrailing(JPEG, html)],
      ['PNG + trailing HTML', withTrailing(PNG, html)],
      ['WebP + trailing byte', withTrailing(WEBP, 'x')],
      ['truncated JPEG', JPEG.slice(0, JPEG.length - 2)],
      ['truncated PNG', PNG.slice(0, PNG.length - 4)],
      ['truncated WebP', WEBP.slice(0, WEBP.length - 1)],
    ] as const) {
      assert.equal(inspectImage(bytes), undefined, name);
    }
  });

  it('refuses images that declare more pixels than the limit, with a message that says so', () => {
    const huge = pngDeclaring(100_000, 100_000);
    assert.deepEqual(inspectImage(huge), { type: 'image/png', width: 100_000, height: 100_000 });
    assert.throws(
      () => checkUploads([{ size: huge.length, bytes: huge }], defaultUploadLimits),
      (e: { code: string; fields: { key: string }[] }) =>
        e.code === 'validation_failed' && e.fields[0]!.key === 'upload.tooManyPixels',
    );
    assert.throws(
      () => checkUploads([{ size: 10, bytes: withTrailing(JPEG, html) }], defaultUploadLimits),
      (e: { fields: { key: string }[] }) => e.fields[0]!.key === 'upload.invalid',
    );
    assert.deepEqual(
      checkUploads(
        [JPEG, PNG, WEBP].map((bytes) => ({ size: bytes.length, bytes })),
        defaultUploadLimits,
      ),
      ['image/jpeg', 'image/png', 'image/webp'],
    );
  });
});
