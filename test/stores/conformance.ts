/**
 * The store conformance suite: every Store implementation (memory, memory + IndexedDB, SQL on
 * PGlite and on PostgreSQL) must pass it. Runner-agnostic: pass node:test's or mocha's
 * describe/it, so the same cases run in Node and in the browser.
 */
import { demoCommunities } from '../../src/features/core/demo.js';
import type { Store } from '../../src/services/store.js';
import { DomainError, type Community } from '../../src/domain/index.js';
import type { Session, StaffAccount } from '../../src/features/core/auth-model.js';
import { wishConformance } from '../features/wishes/repos.conformance.js';
import { complaintConformance } from '../features/complaints/repos.conformance.js';
import { retentionConformance } from './retention.conformance.js';
import { capacityConformance } from './capacity.conformance.js';
import { bookingConformance } from '../features/booking/repos.conformance.js';
import {
  activityConformance,
  calendarConformance,
} from '../features/calendar/repos.conformance.js';
import { redblackConformance } from '../features/redblack/repos.conformance.js';
import { check, rejection, same, type Describe, type It } from './conformance-kit.js';

export interface StoreHarness {
  /** A store over empty data. */
  open(): Promise<Store>;
  /** Opens the same data again after `close()`, for stores that persist. */
  reopen?(): Promise<Store>;
}

const community = (id: string, extra: Partial<Community> = {}): Community => ({
  ...structuredClone(demoCommunities[0]!),
  id,
  ...extra,
});

const account = (id: string, extra: Partial<StaffAccount> = {}): StaffAccount => ({
  id,
  username: `user-${id}`.toLowerCase(),
  name: '王芳',
  role: 'staff',
  community: 'xingfuli',
  passwordHash: 'scrypt$test',
  createdAt: '2026-03-01T08:00:00.000Z',
  ...extra,
});

const session = (id: string, expiresAt: string, staffId = 's1'): Session => ({
  id,
  staffId,
  createdAt: '2026-03-01T08:00:00.000Z',
  expiresAt,
});

export function storeConformance(name: string, harness: StoreHarness, describe: Describe, it: It) {
  const withStore = (fn: (store: Store) => Promise<void>) => async () => {
    const store = await harness.open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  describe(`Store conformance: ${name}`, () => {
    it(
      'puts, gets and lists communities sorted by id',
      withStore(async (store) => {
        check((await store.communities.get('nope')) === undefined, 'unknown id is undefined');
        await store.communities.put(community('b'));
        await store.communities.put(community('a', { name: '甲社区' }));
        same(
          (await store.communities.list()).map((c) => c.id),
          ['a', 'b'],
          'sorted list',
        );
        same(await store.communities.get('a'), community('a', { name: '甲社区' }), 'round trip');
      }),
    );

    it(
      'replaces on put and returns copies, not live objects',
      withStore(async (store) => {
        await store.communities.put(community('a'));
        const got = (await store.communities.get('a'))!;
        got.name = 'changed outside';
        got.grids.length = 0;
        same((await store.communities.get('a'))!.name, demoCommunities[0]!.name, 'copy');
        await store.communities.put(community('a', { name: '新名字' }));
        same((await store.communities.get('a'))!.name, '新名字', 'replaced');
        same((await store.communities.list()).length, 1, 'still one');
      }),
    );

    it(
      'keeps nothing of a transaction that throws',
      withStore(async (store) => {
        await store.communities.put(community('a'));
        let thrown: unknown;
        try {
          await store.transaction(async (tx) => {
            await tx.communities.put(community('a', { name: '改了' }));
            await tx.communities.put(community('b'));
            throw new Error('boom');
          });
        } catch (error) {
          thrown = error;
        }
        check(thrown instanceof Error && thrown.message === 'boom', 'the error reaches the caller');
        same((await store.communities.get('a'))!.name, demoCommunities[0]!.name, 'a unchanged');
        check((await store.communities.get('b')) === undefined, 'b not created');
      }),
    );

    it(
      'sees its own writes inside a transaction, and joins nested ones',
      withStore(async (store) => {
        await store.transaction(async (tx) => {
          await tx.communities.put(community('a'));
          check((await tx.communities.get('a')) !== undefined, 'own write visible');
          await tx.transaction(async (inner) => inner.communities.put(community('b')));
        });
        same(
          (await store.communities.list()).map((c) => c.id),
          ['a', 'b'],
          'both committed',
        );
      }),
    );

    it(
      'loses no update when 20 transactions read (locking) and rewrite the same row at once',
      withStore(async (store) => {
        await store.staff.put(account('s1', { name: '' }));
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.transaction(async (tx) => {
              const current = (await tx.staff.get('s1', { lock: true }))!;
              // Yield between read and write, where another transaction could sneak in.
              await new Promise((resolve) => setTimeout(resolve, 1));
              current.name += String.fromCharCode(0x4e00 + i);
              await tx.staff.put(current);
            }),
          ),
        );
        same([...(await store.staff.get('s1'))!.name].length, 20, 'all 20 changes kept');
      }),
    );

    it(
      'a read without a lock never waits: a community is read while a transaction rewrites it',
      withStore(async (store) => {
        await store.communities.put(community('a'));
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        const writer = store.transaction(async (tx) => {
          await tx.communities.put(community('a', { name: '改名' }));
          await held;
        });
        // PGlite and the memory store run one transaction at a time: there the read waits anyway.
        const read = store.transaction((tx) => tx.communities.get('a'));
        const first = await Promise.race([
          read.then(() => 'read'),
          new Promise((resolve) => setTimeout(() => resolve('timeout'), 200)),
        ]);
        release();
        await writer;
        await read;
        check(first === 'read' || !name.includes('PostgreSQL'), `read waited (${first})`);
      }),
    );

    it(
      'stores staff accounts, finds them by username, lists a community sorted by username',
      withStore(async (store) => {
        check((await store.staff.get('nope')) === undefined, 'unknown staff is undefined');
        await store.staff.put(account('s2', { username: 'zhao' }));
        await store.staff.put(account('s1', { username: 'li', role: 'admin' }));
        await store.staff.put(account('s3', { username: 'qian', community: 'chunhui' }));
        same(
          await store.staff.get('s1'),
          account('s1', { username: 'li', role: 'admin' }),
          'round trip',
        );
        same((await store.staff.getByUsername('zhao'))?.id, 's2', 'by username');
        check((await store.staff.getByUsername('nobody')) === undefined, 'unknown username');
        same(
          (await store.staff.listByCommunity('xingfuli')).map((a) => a.username),
          ['li', 'zhao'],
          'one community, by username',
        );
        await store.staff.put(account('s2', { username: 'zhou', disabled: true }));
        same((await store.staff.get('s2'))?.username, 'zhou', 'renamed by put');
        check((await store.staff.getByUsername('zhao')) === undefined, 'old username freed');
        same((await store.staff.get('s2'))?.disabled, true, 'disabled kept');
      }),
    );

    it(
      'refuses a username another account has, even when two are created at once',
      withStore(async (store) => {
        await store.staff.put(account('s1', { username: 'wang' }));
        const error = await rejection(store.staff.put(account('s2', { username: 'wang' })));
        check(
          error instanceof DomainError && error.code === 'conflict',
          `conflict, got ${String(error)}`,
        );
        same(error.fields, [{ path: 'username', key: 'username.taken' }], 'field error');
        const results = await Promise.allSettled(
          ['a', 'b', 'c', 'd'].map((id) =>
            store.transaction(async (tx) => {
              await tx.staff.put(account(id, { username: 'same' }));
              await new Promise((resolve) => setTimeout(resolve, 1));
            }),
          ),
        );
        same(results.filter((r) => r.status === 'fulfilled').length, 1, 'exactly one wins');
        for (const result of results) {
          if (result.status === 'rejected') {
            check(
              result.reason instanceof DomainError && result.reason.code === 'conflict',
              `losers get conflict, got ${String(result.reason)}`,
            );
          }
        }
      }),
    );

    it(
      'stores, deletes and expires sessions',
      withStore(async (store) => {
        await store.sessions.put(session('t1', '2026-03-01T09:00:00.000Z'));
        await store.sessions.put(session('t2', '2026-03-01T10:00:00.000Z'));
        await store.sessions.put(session('t3', '2026-03-02T10:00:00.000Z'));
        same(
          await store.sessions.get('t1'),
          session('t1', '2026-03-01T09:00:00.000Z'),
          'round trip',
        );
        await store.sessions.delete('t1');
        await store.sessions.delete('never-existed');
        check((await store.sessions.get('t1')) === undefined, 'deleted');
        same(await store.sessions.deleteExpired('2026-03-01T10:00:00.000Z'), 1, 'one expired');
        check((await store.sessions.get('t2')) === undefined, 'expired gone');
        check((await store.sessions.get('t3')) !== undefined, 'live kept');
      }),
    );

    it(
      'finds nothing, without failing, for keys no store can hold (NUL, lone surrogates)',
      withStore(async (store) => {
        for (const key of ['a\u0000b', '\u0000', '\ud800', 'x\udfffy'.repeat(20)]) {
          check(
            (await store.communities.get(key)) === undefined,
            `community ${JSON.stringify(key)}`,
          );
          check((await store.staff.get(key)) === undefined, `staff ${JSON.stringify(key)}`);
          check(
            (await store.staff.getByUsername(key)) === undefined,
            `username ${JSON.stringify(key)}`,
          );
          check((await store.sessions.get(key)) === undefined, `session ${JSON.stringify(key)}`);
        }
      }),
    );

    wishConformance(withStore, it);
    complaintConformance(withStore, it);
    retentionConformance(withStore, it);
    capacityConformance(withStore, it);
    bookingConformance(withStore, it);
    calendarConformance(withStore, it);
    activityConformance(withStore, it);
    redblackConformance(withStore, it);

    if (harness.reopen) {
      const reopen = harness.reopen;
      it('keeps committed data across close and reopen', async () => {
        const store = await harness.open();
        await store.communities.put(community('kept'));
        await store
          .transaction(async (tx) => {
            await tx.communities.put(community('dropped'));
            throw new Error('rollback');
          })
          .catch(() => undefined);
        await store.close();
        const again = await reopen();
        try {
          same(
            (await again.communities.list()).map((c) => c.id),
            ['kept'],
            'after reopen',
          );
        } finally {
          await again.close();
        }
      });
    }
  });
}
