/**
 * Migrations stay compatible with databases in the field, and SQL predicates equal the
 * machines' status sets (never restated): on PGlite, and PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { complaintMachine, complaintStatuses } from '../../src/features/complaints/machine.js';
import { wishMachine, wishStatuses } from '../../src/features/wishes/machine.js';
import type { Complaint, Wish } from '../../src/domain/index.js';
import type { Store } from '../../src/services/store.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { migrate, migrations, SqlStore, type SqlDriver } from '../../src/stores/sql/index.js';
import { storeFeatures } from '../../src/stores/features.js';
import { sqlStoreFeatures } from '../../src/stores/sql/features.js';
import { migrationsAsShipped } from './fixtures/migrations-as-shipped.js';
import { endedComplaintStatuses } from '../../src/features/complaints/retention.js';
import { endedWishStatuses } from '../../src/features/wishes/retention.js';
import { DATABASE_URL, testDatabases } from '../server/db.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const U = (n: number) => String(n).padStart(26, '0');

/** Tables, columns, indexes and constraints of a schema, with the schema's name taken out. */
async function shapeOf(driver: SqlDriver, schema: string) {
  const rows = await driver.query<{ what: string }>(
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
              || ' ' || coalesce(column_default, '') AS what
       FROM information_schema.columns WHERE table_schema = $1
     UNION ALL
     SELECT indexdef FROM pg_indexes WHERE schemaname = $1
     UNION ALL
     SELECT conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1
     ORDER BY 1`,
    [schema],
  );
  return rows.map((r) => r.what.replaceAll(`"${schema}".`, '').replaceAll(`${schema}.`, ''));
}

/** The statuses a partial index's predicate names, as the database holds it. */
async function indexStatuses(driver: SqlDriver, schema: string, index: string) {
  const [row] = await driver.query<{ predicate: string }>(
    `SELECT pg_get_expr(i.indpred, i.indrelid) AS predicate FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, index],
  );
  assert.ok(row, index);
  return [...row.predicate.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]);
}

const complaintIn = (status: Complaint['status'], n: number): Complaint => ({
  id: U(n),
  ticket: `SQ-2026-${String(n).padStart(6, '0')}`,
  community: 'xingfuli',
  category: 'noise',
  description: '楼上每天半夜装修，吵得睡不着觉。',
  location: { community: 'xingfuli', text: '小区东门' },
  answers: {},
  photos: [],
  anonymous: true,
  publishConsent: false,
  status,
  receivedAt: '2026-03-02T01:00:00.000Z',
  dueDate: '2026-03-03',
  reopened: 0,
  queryCodeHash: `hash-${n}`,
  history: [],
});

const wishIn = (status: Wish['status'], n: number): Wish => ({
  id: U(n),
  community: 'xingfuli',
  category: 'daily',
  title: '收音机',
  story: '想要一台收音机，听听戏曲。',
  wisherName: '王秀英',
  phone: '13812341234',
  status,
  createdAt: '2026-03-02T01:00:00.000Z',
  codeHash: `code-${n}`,
  claim: {
    type: 'volunteer',
    name: '李建国',
    phone: '13912345678',
    at: '2026-03-02T02:00:00.000Z',
    holdUntil: '2026-03-05T00:00:00.000Z',
    codeHash: `claim-${n}`,
  },
  history: [],
});

/** What a store's status predicates select, one item per status: each must be the machine's set. */
async function assertPredicatesFollowTheMachine(store: Store, label: string) {
  for (const [i, status] of complaintStatuses.entries()) {
    await store.complaints.put(complaintIn(status, i + 1));
  }
  const overdue = await store.complaints.list({
    community: 'xingfuli',
    overdue: { value: true, today: '2026-03-10' },
    limit: 100,
  });
  assert.deepEqual(
    overdue.items.map((c) => c.status).sort(),
    [...complaintMachine.sets.open].sort(),
    `${label}: overdue = open and past due`,
  );
  for (const [i, status] of wishStatuses.entries()) await store.wishes.put(wishIn(status, i + 1));
  const expired = await store.wishes.listExpiredClaims('xingfuli', '2026-03-10T00:00:00.000Z');
  assert.deepEqual(
    expired.map((w) => w.status).sort(),
    wishMachine.from('release').sort(),
    `${label}: a hold runs out only where a claim can be released`,
  );
}

describe('store features', () => {
  it('one list: every feature has its SQL half, and repository names never overlap', () => {
    assert.deepEqual(Object.keys(sqlStoreFeatures).sort(), storeFeatures.map((f) => f.name).sort());
    const names = storeFeatures.flatMap((f) => Object.keys(f.memory(null as never)));
    assert.equal(new Set(names).size, names.length, names.join());
  });
  it('migrations keep their shipped versions and names, in order', () => {
    assert.deepEqual(
      migrations.slice(0, migrationsAsShipped.length).map((m) => [m.version, m.name]),
      migrationsAsShipped.map((m) => [m.version, m.name]),
    );
  });
  it('the memory store’s predicates are the machines’ sets', async () => {
    const store = createMemoryStore();
    await assertPredicatesFollowTheMachine(store, 'memory');
    await store.close();
  });
});

for (const db of databases) {
  describe(`migrations on ${db.name}`, () => {
    it('a database migrated by the shipped list migrates cleanly and ends like a new one', async () => {
      // Two fresh schemas: one as the old code left it, one made by today's list.
      const fresh = await db.open();
      const old = await db.open();
      const driver = fresh.driver;
      try {
        const schema = `${old.schema}_old`;
        assert.deepEqual(await migrate(driver, schema, migrationsAsShipped), [1, 2, 3, 4]);
        try {
          // A year's tickets numbered by the old counter row, and a case rated and answered.
          await driver.query(
            `INSERT INTO "${schema}".counters (name, value) VALUES ('complaint-ticket:2026', 41)`,
          );
          const answered: Complaint = {
            ...complaintIn('rated', 99),
            firstResponseAt: '2026-03-02T03:00:00.000Z',
            rating: { value: 'satisfied', at: '2026-03-04T00:00:00.000Z' },
          };
          // As the old code wrote it: no columns for the response and the rating yet.
          await driver.query(
            `INSERT INTO "${schema}".complaints
               (id, ticket, community, status, category, received_at, due_date, data)
             VALUES ($1, $2, 'xingfuli', 'rated', 'noise', $3::timestamptz, $4::date, $5::text::json)`,
            [
              answered.id,
              answered.ticket,
              answered.receivedAt,
              answered.dueDate,
              JSON.stringify(answered),
            ],
          );
          assert.deepEqual(
            await migrate(driver, schema, migrations),
            migrations.slice(migrationsAsShipped.length).map((m) => m.version),
            'only the migrations added since',
          );
          assert.deepEqual(await migrate(driver, schema, migrations), [], 'nothing left to do');
          const migrated = new SqlStore(driver, { schema, closeDriver: false });
          assert.equal(await migrated.counters.next('complaint-ticket:2026'), 42, 'numbers go on');
          // counter_next (migration 5's, redefined by 18 on counter_sequence) draws from the
          // same sequence, after the store's block of ten (42–51).
          const [direct] = await driver.query<{ value: number | string }>(
            `SELECT "${schema}".counter_next('complaint-ticket:2026') AS value`,
          );
          assert.equal(Number(direct?.value), 52, 'counter_next shares the sequence');
          const [tally] = await migrated.complaints.tally({
            community: 'xingfuli',
            from: '2026-03-01T16:00:00.000Z',
            to: '2026-03-02T16:00:00.000Z',
            today: '2026-03-10',
            firstDay: '2026-03-02',
            responseLateFrom: ['2026-03-04'],
          });
          assert.deepEqual(
            tally,
            {
              category: 'noise',
              total: 1,
              respondedInTime: 1,
              resolved: 1,
              rated: 1,
              satisfied: 1,
              overdue: 0,
            },
            'columns filled from the documents',
          );
          await driver.exec(`DELETE FROM "${schema}".complaints`);
          assert.deepEqual(await shapeOf(driver, schema), await shapeOf(driver, fresh.schema));
          const store = new SqlStore(driver, { schema, closeDriver: false });
          await assertPredicatesFollowTheMachine(store, `${db.name}, migrated by the old list`);
          // The partial indexes in the field select the machine's sets too.
          assert.deepEqual(
            await indexStatuses(driver, schema, 'complaints_open_due'),
            complaintMachine.sets.open,
          );
          assert.deepEqual(
            await indexStatuses(driver, schema, 'wishes_holds'),
            wishMachine.from('release'),
          );
          // What the retention job looks at: the statuses its rules derive from the machines.
          assert.deepEqual(
            await indexStatuses(driver, schema, 'complaints_to_anonymise'),
            endedComplaintStatuses,
          );
          assert.deepEqual(
            await indexStatuses(driver, schema, 'wishes_to_anonymise'),
            endedWishStatuses,
          );
        } finally {
          await driver.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        }
      } finally {
        await fresh.close();
        await old.close();
      }
    });

    it('the SQL store’s predicates are the machines’ sets', async () => {
      const store = await db.open();
      try {
        await assertPredicatesFollowTheMachine(store, db.name);
      } finally {
        await store.close();
      }
    });
  });
}

if (!DATABASE_URL) {
  it('PostgreSQL: not tested (DATABASE_URL is not set)', { skip: 'set DATABASE_URL' }, () => {});
}
