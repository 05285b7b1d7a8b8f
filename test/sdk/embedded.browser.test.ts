import { expect } from '@open-wc/testing';
import { createClient } from '../../src/sdk/index.js';
import { ApiError } from '../../src/sdk/errors.js';
import { indexedDbPersistence } from '../../src/stores/idb.js';
import { demoCommunities } from '../../src/features/core/demo.js';

describe('embedded client in the browser', () => {
  const name = `sq-embedded-${Math.random().toString(36).slice(2)}`;
  after(() => indexedDB.deleteDatabase(name));

  it('seeds the demo street into IndexedDB once and serves it after a reload', async () => {
    const first = createClient({ embedded: { persistence: indexedDbPersistence(name) } });
    expect(first.mode).to.equal('embedded');
    expect((await first.communities.list()).map((c) => c.id)).to.deep.equal([
      'chunhui',
      'xingfuli',
    ]);
    await first.close();

    // A "reload": new client, same database, seeding must not duplicate or overwrite.
    const again = createClient({
      embedded: { persistence: indexedDbPersistence(name), seed: true },
    });
    const community = await again.communities.get('xingfuli');
    expect(community.grids.length).to.equal(demoCommunities[0]!.grids.length);
    expect((await again.communities.list()).length).to.equal(2);
    await again.close();
  });

  it('throws ApiError with the domain codes', async () => {
    const client = createClient({ embedded: { persistence: false } });
    const error = await client.communities.get('no-such').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).code).to.equal('not_found');
    expect((error as ApiError).status).to.equal(404);
    const invalid = await client.communities.get('not an id!').catch((e: unknown) => e);
    expect((invalid as ApiError).code).to.equal('validation_failed');
    expect((invalid as ApiError).fields[0]).to.deep.include({ path: 'id', key: 'id.invalid' });
  });
});
