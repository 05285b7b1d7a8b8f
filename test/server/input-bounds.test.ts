/**
 * Inputs that reach the database are checked by their schemas first (issue #10, point 1): a
 * crafted cursor or an unbounded period once answered 500 from ::timestamptz. The exact
 * payloads of the report, then thousands of generated cursors, on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeCursor, errorStatus, newId } from '../../src/domain/index.js';
import { testDatabases } from './db.js';
import { bearer, startTestServer, type TestServer } from './harness.js';
import { prng, type Rng } from './prng.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const LISTS = [
  { name: 'listWishes', path: '/communities/xingfuli/wishes', staff: false },
  { name: 'listWishQueue', path: '/communities/xingfuli/wish-queue', staff: true },
  { name: 'listComplaints', path: '/communities/xingfuli/complaints', staff: true },
];
const PERIODS = [
  { name: 'complaintMetrics', path: '/communities/xingfuli/complaint-metrics' },
  { name: 'wishCounts', path: '/communities/xingfuli/wish-counts' },
];

const ULID = '01KBX3C4M5N6P7Q8R9S0T1V2W3';
/** What the report sent, and its neighbours: each must be 400 with the field `cursor`. */
const BAD_CURSORS = [
  'WyIxIiwieCJd', // ["1","x"], verbatim from the report
  ...['1', '2026', '0', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z'].flatMap(
    (at) => [encodeCursor([at, 'x']), encodeCursor([at, ULID])],
  ),
  encodeCursor(['2026-03-02T01:00:00.000Z\u0000', ULID]),
  encodeCursor(['2026-03-02T01:00:00.000Z', `${ULID}\u0000`]),
  encodeCursor(['\u0000', '\u0000']),
  encodeCursor(['2026-03-02T01:00:00.000Z', 'x']), // an id we never make
  encodeCursor(['2026-02-30T01:00:00.000Z', ULID]), // no such day
  encodeCursor(['2026-03-02T01:00:00Z', ULID]), // not canonical
  encodeCursor(['1999-12-31T23:59:59.999Z', ULID]), // outside 2000–2100
  encodeCursor(['2026-03-02T01:00:00.000Z', ULID, 'extra']),
  encodeCursor({ at: '2026-03-02T01:00:00.000Z', id: ULID }),
  encodeCursor(null),
  'not base64!',
  '%00',
];

interface Problem {
  code: string;
  status: number;
  errors?: { path: string; key: string }[];
}

const knownCodes = new Set(Object.keys(errorStatus));

async function problemOf(res: Response, where: string): Promise<Problem> {
  const text = await res.text();
  assert.ok(res.status < 500, `${where} → ${res.status} ${text.slice(0, 300)}`);
  assert.equal(res.headers.get('content-type'), 'application/problem+json', where);
  const problem = JSON.parse(text) as Problem;
  assert.ok(knownCodes.has(problem.code), where);
  assert.equal(problem.status, res.status, where);
  return problem;
}

const B64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];

/** An instant-like string: right or slightly wrong, in or far out of range. */
function instant(rng: Rng): unknown {
  const year = rng.pick([2026, 2000, 2100, 1999, 2101, 1, 0, 9999, 275760, -271821, 1970]);
  const ms = Date.UTC(2000, 0, 1) + rng.int(1e12);
  const iso = new Date(ms).toISOString();
  switch (rng.int(9)) {
    case 0:
      return iso;
    case 1:
      return `${String(year).padStart(4, '0')}${iso.slice(4)}`;
    case 2:
      return iso.replace('.000Z', 'Z').replace(/\.\d{3}Z$/, 'Z');
    case 3:
      return iso.slice(0, rng.int(iso.length));
    case 4:
      return `${iso}\u0000`;
    case 5:
      return rng.pick(['1', '2026', '0', '', 'now', 'infinity', '-infinity', 'epoch']);
    case 6:
      return rng.pick<unknown>([0, 1, -1, 1e20, null, true, [], {}]);
    case 7:
      return iso.replace('T', ' ');
    default:
      return new Date(Date.UTC(year, rng.int(14), rng.int(33))).toString();
  }
}

function id(rng: Rng): unknown {
  switch (rng.int(6)) {
    case 0:
    case 1:
      return newId(Date.UTC(2026, 2, 1) + rng.int(1e10));
    case 2:
      return newId().slice(0, 25);
    case 3:
      return `${newId().slice(0, 25)}${rng.pick(['I', 'L', 'O', 'U', 'a', '\u0000', '😀'])}`;
    case 4:
      return rng.pick(['x', '', "'; DROP TABLE wishes; --", '8ZZZZZZZZZZZZZZZZZZZZZZZZZ']);
    default:
      return rng.int(1000);
  }
}

/** One generated cursor: well-formed or broken at any layer (base64, JSON, shape, values). */
function cursor(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.1) {
    return Array.from({ length: rng.int(80) + 1 }, () => rng.pick(B64)).join('');
  }
  if (roll < 0.15) return encodeCursor(rng.pick<unknown>([[], [1], 'x', 42, null, { a: 1 }]));
  if (roll < 0.4) {
    // Well-formed: any moment in range and any id we could have made, pages like a real one.
    const at = Date.UTC(2000, 0, 1) + rng.int(Date.UTC(2100, 11, 31) - Date.UTC(2000, 0, 1));
    return encodeCursor([new Date(at).toISOString(), newId(at)]);
  }
  const key: unknown[] = [instant(rng), id(rng)];
  if (rng.next() < 0.05) key.push(instant(rng));
  if (rng.next() < 0.05) key.reverse();
  const encoded = encodeCursor(key);
  if (rng.next() < 0.1) {
    // One character changed: what a truncated or hand-edited link does.
    const at = rng.int(encoded.length);
    return encoded.slice(0, at) + rng.pick(B64) + encoded.slice(at + 1);
  }
  return encoded;
}

for (const db of databases) {
  describe(`input bounds on ${db.name}`, () => {
    let t: TestServer;
    let token: string;
    const logged: unknown[] = [];
    before(async () => {
      t = await startTestServer(db, {
        log: (r) => r.level === 'error' && r.msg !== 'request' && logged.push(r),
      });
      token = await t.tokenFor('xfl-admin');
      // Two cases, so the staff list has a second page.
      for (const phone of ['13700001111', '13700002222']) {
        const res = await t.fetch('/api/v1/complaints', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            community: 'xingfuli',
            category: 'property',
            description: '电梯坏了三天，物业一直说在修。',
            location: { community: 'xingfuli', grid: 'xfl-g2', building: 'xfl-g2-b5' },
            contact: { name: '赵大爷', phone },
            consent: true,
          }),
        });
        assert.equal(res.status, 201, await res.text());
      }
    });
    after(() => t.close());

    const get = (path: string, staff: boolean) =>
      t.fetch(`/api/v1${path}`, staff ? { headers: bearer(token) } : {});

    it('refuses the reported cursors with 400 validation_failed on the field cursor', async () => {
      for (const list of LISTS) {
        for (const bad of BAD_CURSORS) {
          const where = `${list.name} cursor=${bad}`;
          const res = await get(`${list.path}?cursor=${encodeURIComponent(bad)}`, list.staff);
          assert.equal(res.status, 400, where);
          const problem = await problemOf(res, where);
          assert.equal(problem.code, 'validation_failed', where);
          assert.deepEqual(
            problem.errors?.map((e) => e.path),
            ['cursor'],
            where,
          );
        }
      }
      assert.deepEqual(logged, [], 'nothing reached the error log');
    });

    it('still pages with the cursors it hands out', async () => {
      for (const list of LISTS) {
        const first = await get(`${list.path}?limit=1`, list.staff);
        assert.equal(first.status, 200, list.name);
        const page = (await first.json()) as { items: { id: string }[]; nextCursor?: string };
        assert.ok(page.nextCursor, `${list.name}: the demo street has more than one item`);
        const next = await get(
          `${list.path}?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`,
          list.staff,
        );
        assert.equal(next.status, 200, list.name);
        const second = (await next.json()) as { items: { id: string }[] };
        assert.notEqual(second.items[0]?.id, page.items[0]?.id, list.name);
      }
    });

    it('bounds report periods: years 2000–2100, to not before from, at most five years', async () => {
      for (const period of PERIODS) {
        const ask = async (query: string) => get(`${period.path}?${query}`, true);
        const huge = await ask('from=0001-01-01&to=9999-12-31');
        assert.equal(huge.status, 400, period.name);
        const problem = await problemOf(huge, period.name);
        assert.deepEqual(
          problem.errors?.map((e) => `${e.path} ${e.key}`),
          ['from date.invalid', 'to date.invalid'],
          period.name,
        );
        for (const [query, field] of [
          ['from=1999-12-31&to=2000-01-31', 'from date.invalid'],
          ['from=2100-12-01&to=2101-01-01', 'to date.invalid'],
          ['from=2026-03-02&to=2026-03-01', 'to date.range'],
          ['from=2020-01-01&to=2025-01-01', 'to date.tooLong'],
          ['from=+275760-01-01&to=2026-01-01', 'from date.invalid'],
        ] as const) {
          const res = await ask(query);
          assert.equal(res.status, 400, `${period.name} ${query}`);
          const p = await problemOf(res, `${period.name} ${query}`);
          assert.deepEqual(
            p.errors?.map((e) => `${e.path} ${e.key}`),
            [field],
            `${period.name} ${query}`,
          );
        }
        for (const query of [
          'from=2020-01-01&to=2024-12-31',
          'from=2026-03-01&to=2026-03-01',
          'from=2000-01-01&to=2000-12-31',
          'from=2100-01-01&to=2100-12-31',
        ]) {
          assert.equal((await ask(query)).status, 200, `${period.name} ${query}`);
        }
      }
      assert.deepEqual(logged, [], 'nothing reached the error log');
    });

    const ROUNDS = Number(process.env.CURSOR_FUZZ_ROUNDS ?? 1000);
    it(`answers ${ROUNDS} generated cursors per list without a 5xx, every error problem+json`, async () => {
      const rng = prng(Number(process.env.FUZZ_SEED ?? 20261204));
      const counts = new Map<number, number>();
      for (const list of LISTS) {
        for (let i = 0; i < ROUNDS; i++) {
          const c = cursor(rng);
          const res = await get(`${list.path}?limit=2&cursor=${encodeURIComponent(c)}`, list.staff);
          counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
          const where = `${list.name} cursor=${c}`;
          if (res.status >= 400) {
            const problem = await problemOf(res, where);
            assert.equal(problem.code, 'validation_failed', where);
          } else {
            assert.equal(res.status, 200, where);
            await res.body?.cancel();
          }
        }
      }
      // Both outcomes show up: well-formed cursors page, the rest are refused.
      assert.ok((counts.get(200) ?? 0) > ROUNDS * 0.1, JSON.stringify([...counts]));
      assert.ok((counts.get(400) ?? 0) > ROUNDS, JSON.stringify([...counts]));
      assert.deepEqual([...counts.keys()].sort(), [200, 400]);
      assert.deepEqual(logged, [], 'nothing reached the error log');
    });
  });
}
