import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  PrefillError,
  prefillUrl,
} from '../../../../src/features/complaints/elements/complaint-qr/prefill.js';
import {
  encodeQr,
  QUIET_ZONE,
} from '../../../../src/features/complaints/elements/complaint-qr/qr.js';

const BASE = 'https://example.org/shuoshi';

const rejects = (fn: () => unknown, field: string, reason = 'invalid') =>
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof PrefillError);
    assert.equal(e.field, field);
    assert.equal(e.reason, reason);
    return true;
  });

describe('说事二维码 prefill links', () => {
  it('puts the place and category in the query, coarse to fine, as the complaint form reads them', () => {
    assert.equal(
      prefillUrl(BASE, {
        community: 'xingfuli',
        grid: 'xfl-g1',
        building: 'xfl-g1-b2',
        unit: 'xfl-g1-b2-u3',
        category: 'noise',
      }),
      `${BASE}?community=xingfuli&grid=xfl-g1&building=xfl-g1-b2&unit=xfl-g1-b2-u3&category=noise`,
    );
    assert.equal(prefillUrl(BASE, { community: 'xingfuli' }), `${BASE}?community=xingfuli`);
    const url = new URL(
      prefillUrl(BASE, { community: 'chunhui', grid: 'ch-g2', building: 'ch-g2-b5' }),
    );
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      community: 'chunhui',
      grid: 'ch-g2',
      building: 'ch-g2-b5',
    });
  });

  it('keeps the base’s other parameters and fragment, and replaces stale prefill keys', () => {
    assert.equal(
      prefillUrl(`${BASE}?from=poster&unit=old-u1&community=old#form`, {
        community: 'xingfuli',
        grid: 'xfl-g2',
      }),
      `${BASE}?from=poster&community=xingfuli&grid=xfl-g2#form`,
    );
    assert.equal(
      prefillUrl(new URL('https://example.org/a/b.html'), { community: 'x' }),
      'https://example.org/a/b.html?community=x',
    );
  });

  it('encodes the base properly: non-ASCII hosts, paths and parameters', () => {
    assert.equal(
      prefillUrl('https://例子.中国/说事?来源=海报 一', { community: 'xingfuli' }),
      'https://xn--fsqu00a.xn--fiqs8s/%E8%AF%B4%E4%BA%8B?%E6%9D%A5%E6%BA%90=%E6%B5%B7%E6%8A%A5+%E4%B8%80&community=xingfuli',
    );
  });

  it('rejects ids that are not ids, so nothing odd reaches the query', () => {
    for (const bad of ['', 'a b', 'x&grid=evil', 'a/b', '楼栋', 'a'.repeat(65), '../x', 'x#y']) {
      rejects(() => prefillUrl(BASE, { community: 'xingfuli', grid: bad || ' ' }), 'grid');
    }
    rejects(() => prefillUrl(BASE, { community: '' }), 'community');
    rejects(() => prefillUrl(BASE, { community: 'a?b' }), 'community');
    rejects(() => prefillUrl(BASE, { community: 'x', category: '<script>' }), 'category');
    rejects(
      () => prefillUrl(BASE, { community: 'x', grid: 'g', building: 'b', unit: 'u%20' }),
      'unit',
    );
    // Not a string at all (from untyped JavaScript).
    rejects(() => prefillUrl(BASE, { community: 42 as unknown as string }), 'community');
  });

  it('rejects a level without the one above it', () => {
    rejects(() => prefillUrl(BASE, { community: 'x', building: 'b' }), 'building', 'parentMissing');
    rejects(
      () => prefillUrl(BASE, { community: 'x', grid: 'g', unit: 'u' }),
      'unit',
      'parentMissing',
    );
  });

  it('takes only absolute http(s) bases', () => {
    for (const base of [
      '/shuoshi',
      'shuoshi.html',
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://example.org/',
    ]) {
      rejects(() => prefillUrl(base, { community: 'x' }), 'base');
    }
    assert.equal(
      prefillUrl('http://127.0.0.1:8080/', { community: 'x' }),
      'http://127.0.0.1:8080/?community=x',
    );
  });
});

describe('说事二维码 codes', () => {
  // Byte-mode capacity at level M (ISO/IEC 18004 table 7): versions 1–10.
  const capacityM = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];
  const versionFor = (length: number) => capacityM.findIndex((c) => length <= c) + 1;

  it('has 4v + 17 modules a side for the smallest version that holds the link at level M', () => {
    for (const place of [
      { community: 'x' },
      { community: 'xingfuli', grid: 'xfl-g1' },
      { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b2', unit: 'xfl-g1-b2-u3' },
      {
        community: 'xingfuli',
        grid: 'xfl-g1',
        building: 'xfl-g1-b2',
        unit: 'xfl-g1-b2-u3',
        category: 'fire-safety',
      },
    ]) {
      const url = prefillUrl('https://sq.example.org/s', place);
      const version = versionFor(new TextEncoder().encode(url).length);
      assert.ok(version > 0, url);
      const code = encodeQr(url);
      assert.equal(code.size, 4 * version + 17, `${url} (${url.length} bytes)`);
    }
  });

  it('draws finder patterns in three corners and gives path data in module units', () => {
    const code = encodeQr(prefillUrl(BASE, { community: 'xingfuli' }));
    const n = code.size;
    for (const [x, y] of [
      [0, 0],
      [n - 7, 0],
      [0, n - 7],
    ] as const) {
      // A finder: dark 7×7 ring, light ring, dark 3×3 centre.
      assert.equal(code.get(x, y), true);
      assert.equal(code.get(x + 6, y + 6), true);
      assert.equal(code.get(x + 1, y + 1), false);
      assert.equal(code.get(x + 3, y + 3), true);
    }
    assert.match(code.path, /^M[\d ML Z]+$/);
    const coords = code.path.match(/\d+/g)!.map(Number);
    assert.equal(Math.max(...coords), n);
    assert.equal(Math.min(...coords), 0);
    assert.equal(QUIET_ZONE, 4);
  });
});
