/**
 * Thousands of malformed requests to every route (public ones as the public, staff ones with an
 * admin's session): wrong types, huge strings, unicode edge cases, missing and extra fields,
 * broken JSON and bytes, odd content types and query strings. Nothing may answer 5xx, and every
 * 4xx must be problem+json with a known code. Seeded, so a failure replays.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorStatus } from '../../src/domain/index.js';
import { demoCommunities } from '../../src/features/core/demo.js';
import type { OperationDef } from '../../src/services/contract.js';
import { operations } from '../../src/server/operations.js';
import { testDatabases } from './db.js';
import { startTestServer, type TestServer } from './harness.js';
import { prng, type Rng } from './prng.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const UNICODE = [
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\u0000',
  '\ufeff', // BOM
  '\u202e', // right-to-left override
  '\u200b\u200c\u200d', // zero widths
  'e\u0301\u0301\u0301', // combining marks
  '👨‍👩‍👧‍👦', // ZWJ sequence
  '𠮷', // astral CJK
  '张\u0000三',
  '\r\n\t',
  '"><script>alert(1)</script>',
  "'; DROP TABLE communities; --",
  '../../etc/passwd',
  '%00%2e%2e%2f',
  '$where',
  '{{7*7}}',
  '13812341234',
];

function scalar(rng: Rng): unknown {
  switch (rng.int(12)) {
    case 0:
      return null;
    case 1:
      return rng.pick([true, false]);
    case 2:
      return rng.pick([0, -0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 1e-320]);
    case 3:
      return '';
    case 4:
      return 'x'.repeat(rng.pick([61, 65, 256, 10_000, 70_000]));
    case 5:
      return rng.pick(UNICODE);
    case 6:
      return rng.pick(UNICODE).repeat(rng.int(50) + 1);
    case 7:
      return String.fromCharCode(...Array.from({ length: rng.int(40) }, () => rng.int(0x10000)));
    case 8:
      return [];
    case 9:
      return {};
    case 10:
      return rng.pick(['xingfuli', 'chunhui', 'xfl-admin', 'staff', 'admin']);
    default:
      return rng.int(1000);
  }
}

function value(rng: Rng, depth = 0): unknown {
  if (depth > 3 || rng.next() < 0.55) return scalar(rng);
  if (rng.next() < 0.5) return Array.from({ length: rng.int(4) }, () => value(rng, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = rng.int(4); i > 0; i--)
    out[rng.pick(['id', 'name', 'units', 'x', '__proto__', 'constructor'])] = value(rng, depth + 1);
  return out;
}

/** A valid-looking body for the operation, to mutate. */
const baseline = (name: string): Record<string, unknown> => {
  switch (name) {
    case 'putCommunity':
      return structuredClone(demoCommunities[0]!) as unknown as Record<string, unknown>;
    case 'createStaff':
      return {
        username: 'fuzz.user',
        name: '测试',
        role: 'staff',
        password: 'long enough password',
      };
    case 'login':
      return { username: 'xfl-admin', password: 'wrong password' };
    default:
      return {};
  }
};

/** Mutates one field somewhere in the body: delete, retype, replace, add. */
function mutate(rng: Rng, body: Record<string, unknown>): unknown {
  const copy = structuredClone(body);
  const containers: Record<string, unknown>[] = [copy];
  const walk = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    containers.push(v as Record<string, unknown>);
    for (const child of Object.values(v as Record<string, unknown>)) walk(child, depth + 1);
  };
  walk(copy, 0);
  for (let i = rng.int(3) + 1; i > 0; i--) {
    const target = rng.pick(containers);
    const keys = Object.keys(target);
    const key =
      keys.length && rng.next() < 0.8
        ? rng.pick(keys)
        : rng.pick(['extra', '__proto__', 'constructor', 'id']);
    if (rng.next() < 0.3) delete target[key];
    else target[key] = value(rng);
  }
  return copy;
}

const BROKEN = [
  '{',
  '{"a":}',
  '[',
  'null',
  '"just a string"',
  '123',
  'true',
  '{"a":1,}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":1e999999}',
  '\u0000',
  '[]'.repeat(10),
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
];

function body(rng: Rng, name: string): { text: string | Uint8Array; type: string } {
  const roll = rng.next();
  if (roll < 0.15) return { text: rng.pick(BROKEN), type: 'application/json' };
  if (roll < 0.2) {
    return {
      text: new Uint8Array(Array.from({ length: rng.int(64) + 1 }, () => rng.int(256))),
      type: 'application/json',
    };
  }
  if (roll < 0.25)
    return {
      text: JSON.stringify(baseline(name)),
      type: rng.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        '',
        'application/json; charset=gbk',
        'multipart/form-data; boundary=x',
      ]),
    };
  if (roll < 0.35) return { text: JSON.stringify(value(rng)), type: 'application/json' };
  return { text: JSON.stringify(mutate(rng, baseline(name))), type: 'application/json' };
}

function pathFor(rng: Rng, def: OperationDef): string {
  return def.path.replace(/\{(\w+)\}/g, () =>
    rng.next() < 0.5
      ? rng.pick(['xingfuli', 'chunhui', 'nowhere'])
      : enc(String(scalar(rng))).slice(0, rng.pick([10, 100, 3000])) || '%20',
  );
}

function query(rng: Rng): string {
  if (rng.next() < 0.5) return '';
  const parts = Array.from(
    { length: rng.int(4) + 1 },
    () =>
      `${enc(rng.pick(['limit', 'cursor', 'id', '__proto__', 'x']))}=${enc(String(scalar(rng))).slice(0, 2000)}`,
  );
  return `?${parts.join('&')}${rng.next() < 0.1 ? '&%zz=%' : ''}`;
}

/** encodeURIComponent, but lone surrogates go out as the (invalid) UTF-8 bytes %ED%A0%80. */
const enc = (text: string) =>
  Array.from(text, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');

const knownCodes = new Set(Object.keys(errorStatus));

for (const db of databases) {
  describe(`fuzz on ${db.name}`, () => {
    let t: TestServer;
    let token: string;
    const errors: unknown[] = [];
    before(async () => {
      t = await startTestServer(db, {
        log: (r) => r.level === 'error' && r.msg !== 'request' && errors.push(r),
      });
      token = await t.tokenFor('xfl-admin');
    });
    after(() => t.close());

    const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 400);

    it(`sends ${ROUNDS} malformed requests to each route: no 5xx, every 4xx is problem+json`, async () => {
      const rng = prng(Number(process.env.FUZZ_SEED ?? 20260302));
      const counts = new Map<number, number>();
      let sent = 0;
      const routes = [
        ...Object.entries(operations).map(([name, def]) => ({ name, def: def as OperationDef })),
        {
          name: 'upload',
          def: { method: 'POST', path: '/uploads', access: 'public' } as OperationDef,
        },
      ];
      for (const { name, def } of routes) {
        for (let i = 0; i < ROUNDS; i++) {
          const headers: Record<string, string> = {};
          if (def.access !== 'public' && rng.next() < 0.8)
            headers.Authorization = `Bearer ${token}`;
          if (rng.next() < 0.3)
            headers['Idempotency-Key'] =
              rng.next() < 0.7
                ? `fuzz-${i}-${rng.int(1e9)}`
                : String(scalar(rng))
                    .replace(/[\r\n\0]/g, '')
                    .slice(0, 400) || 'k';
          const init: RequestInit = { method: def.method, headers };
          let url = `/api/v1${pathFor(rng, def)}`;
          if (def.method === 'GET') {
            url += query(rng);
          } else {
            const b = name === 'upload' && rng.next() < 0.5 ? uploadBody(rng) : body(rng, name);
            if (b.type) headers['Content-Type'] = b.type;
            init.body = b.text as BodyInit;
          }
          let res: Response;
          try {
            res = await t.fetch(url, init);
          } catch (error) {
            // A URL our own Request refuses is no request to the server.
            if (error instanceof TypeError) continue;
            throw error;
          }
          sent++;
          counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
          const text = await res.text();
          const sentBody =
            typeof init.body === 'string' ? JSON.stringify(init.body.slice(0, 200)) : '';
          const where = `${def.method} ${url.slice(0, 120)} ${sentBody} → ${res.status} ${text.slice(0, 300)}`;
          assert.ok(res.status < 500, `${where}\n${JSON.stringify(errors.at(-1))}`);
          if (res.status >= 400) {
            assert.equal(res.headers.get('content-type'), 'application/problem+json', where);
            const problem = JSON.parse(text) as { code: string; status: number };
            assert.ok(knownCodes.has(problem.code), where);
            assert.equal(problem.status, res.status, where);
          }
        }
      }
      assert.ok(sent >= ROUNDS * routes.length * 0.95, `sent ${sent}`);
      // Fuzzing that only ever hit 400 would prove little: several outcomes must show up.
      assert.ok(counts.size >= 5, JSON.stringify([...counts]));
    });

    it('left no trace of prototype pollution', () => {
      assert.equal(({} as Record<string, unknown>).admin, undefined);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  });
}

function uploadBody(rng: Rng): { text: string | Uint8Array; type: string } {
  const boundary = 'fuzzboundary';
  const parts = Array.from({ length: rng.int(3) + 1 }, () => {
    const bytes = String(scalar(rng));
    const name = rng.pick(['file', 'file', 'other', '']);
    return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${rng.pick(['a.jpg', '../x', '', 'x"y'])}"\r\nContent-Type: ${rng.pick(['image/jpeg', 'text/html', ''])}\r\n\r\n${bytes}\r\n`;
  });
  const text = parts.join('') + (rng.next() < 0.8 ? `--${boundary}--\r\n` : '');
  return {
    text,
    type: rng.next() < 0.9 ? `multipart/form-data; boundary=${boundary}` : 'multipart/form-data',
  };
}
