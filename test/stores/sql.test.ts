import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_URL, testDatabases } from '../server/db.js';
import { migrate, migrations } from '../../src/stores/sql/index.js';
import { storeConformance } from './conformance.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

for (const db of databases) {
  storeConformance(
    `sql on ${db.name}`,
    { open: () => db.open(), reopen: () => db.reopen() },
    describe,
    it,
  );

  describe(`SQL store on ${db.name}`, () => {
    it('migrates once, also when several instances start at the same time', async () => {
      const store = await db.open();
      try {
        const again = await Promise.all(
          [1, 2, 3].map(() => migrate(store.driver, store.schema, migrations)),
        );
        assert.deepEqual(again, [[], [], []]);
        const rows = await store.driver.query<{ version: number }>(
          `SELECT version FROM "${store.schema}".schema_migrations ORDER BY version`,
        );
        assert.deepEqual(
          rows.map((r) => r.version),
          migrations.map((m) => m.version),
        );
      } finally {
        await store.close();
      }
    });

    it('keeps schemas apart', async () => {
      const a = await db.open();
      const b = await db.open();
      try {
        await a.communities.put({
          id: 'only-in-a',
          name: '甲',
          street: { name: '街道' },
          grids: [],
          categories: {},
          privacy: { controller: 'x', contact: 'y', retentionDays: 1 },
        });
        assert.equal((await b.communities.list()).length, 0);
        assert.equal((await a.communities.list()).length, 1);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
}

if (!DATABASE_URL) {
  it('PostgreSQL: not tested (DATABASE_URL is not set)', { skip: 'set DATABASE_URL' }, () => {});
}
