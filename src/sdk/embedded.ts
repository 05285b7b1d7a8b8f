import { systemClock, type Clock } from '../domain/time.js';
import { createContext, type Actor } from '../services/context.js';
import { runOperationFrom } from '../services/run.js';
import type { Store } from '../services/store.js';
import { indexedDbPersistence } from '../stores/idb.js';
import { createMemoryStore, type Persistence } from '../stores/memory.js';
import { storeFeatures } from '../stores/features.js';
import { ApiError } from './errors.js';
import { registeredOperations, uploadsFeature } from './operations.js';
import type { Transport } from './transport.js';

/** Photos are kept by the feature that checks who may read them (the complaints feature). */
const uploads = () => {
  const load = uploadsFeature()?.uploads;
  if (!load) throw new TypeError('shequ-kit: no photos here');
  return load();
};

export interface EmbeddedOptions {
  /**
   * Where data lives between page loads. Default: IndexedDB (database `shequ-kit-embedded`)
   * when the page has it, else nothing (memory only). `false` keeps memory only.
   */
  persistence?: Persistence | false;
  /** Seed the demo street into an empty store (default true): demos and trials need data. */
  seed?: boolean;
  clock?: Clock;
  /**
   * Who calls: the public by default. Embedded mode has no login; a staff page (the complaint
   * desk in Storybook, a trial) acts as a staff member: an Actor, or the username of a demo
   * account (`'xfl-admin'`, `'xfl-grid'`, `'ch-admin'`; see src/features/complaints/demo.ts).
   */
  actor?: Actor | string;
  /** Use this store instead of making one (tests). */
  store?: Store;
}

/**
 * The services and a memory store, running in this page: loaded with a dynamic import, so
 * pages that talk HTTP never download it. This chunk holds the core (communities, staff) and
 * the store; each feature's services load on its first call (see docs/size.md).
 */
export async function createEmbeddedTransport(options: EmbeddedOptions = {}): Promise<Transport> {
  const persistence =
    options.persistence === false
      ? undefined
      : (options.persistence ??
        (typeof indexedDB === 'undefined'
          ? undefined
          : indexedDbPersistence('shequ-kit-embedded')));
  const store = options.store ?? createMemoryStore(persistence);
  // The demo street is a chunk of its own: loaded only to seed an empty store, or to act as
  // one of its staff.
  const demo = () =>
    Promise.all([import('../features/core/demo.js'), import('../features/complaints/demo.js')]);
  if (options.seed !== false && (await store.communities.list()).length === 0) {
    const [{ seedDemo }, { seedDemoStaff }] = await demo();
    await seedDemo(store);
    await seedDemoStaff(store);
  }
  const clock = options.clock ?? systemClock;
  const actor =
    typeof options.actor === 'string'
      ? (await demo())[1].demoStaffActor(options.actor)
      : options.actor;
  const context = () => createContext(store, actor ? { clock, actor } : { clock });
  // Retention (and photos nobody attached), as the server does it: now, then at most daily,
  // checked on each call (no timer). A chunk of its own; it never throws.
  let kept: Promise<unknown> | undefined;
  let keptAt = -Infinity;
  const keep = () => {
    const now = +clock.now();
    if (now - keptAt < 864e5) return;
    keptAt = now;
    kept = import('../services/retention.js')
      .then((r) => r.maintainEmbedded(store, new Date(now), storeFeatures))
      .catch(() => undefined);
  };
  keep();
  // A feature's demo data (its manifest's `demo`), seeded once before its first call, so the
  // demo street's board shows entries with no server. A demo that fails is only not there.
  const seeding = new Map<unknown, Promise<unknown>>();
  const seedFeature = async (name: string) => {
    const feature = await registeredOperations.feature(name as never);
    if (!feature.demo) return;
    if (!seeding.has(feature)) {
      seeding.set(
        feature,
        feature
          .demo()
          .then((seed) => seed(store, clock))
          .catch(() => undefined),
      );
    }
    await seeding.get(feature);
  };
  return {
    kind: 'embedded',
    // Photos are kept as Blobs in the store (IndexedDB), under the same checks as the server's.
    async upload(file) {
      try {
        const [saved] = await (await uploads()).saveUploads(context(), [file]);
        return saved!;
      } catch (error) {
        throw ApiError.from(error);
      }
    },
    async download(id) {
      try {
        return await (await uploads()).readUpload(context(), id);
      } catch (error) {
        throw ApiError.from(error);
      }
    },
    async call(name, input) {
      keep();
      try {
        if (options.seed !== false) await seedFeature(name);
        return await runOperationFrom(registeredOperations, name, context(), input);
      } catch (error) {
        throw ApiError.from(error);
      }
    },
    close: async () => {
      await kept;
      await store.close();
    },
  };
}
