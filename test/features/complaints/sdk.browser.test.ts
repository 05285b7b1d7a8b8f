/**
 * 居民说事 in the page (embedded mode, IndexedDB): a case and its photo survive a reload, and
 * the photo comes back as the same bytes, for the community's staff only.
 */
import { expect } from '@open-wc/testing';
import { ApiError, createClient } from '../../../src/sdk/index.js';
import { indexedDbPersistence } from '../../../src/stores/idb.js';

import { PNG } from '../../fixtures/images.js';

describe('complaints in the page, kept in IndexedDB', () => {
  const name = `sq-complaints-${Math.random().toString(36).slice(2)}`;
  after(() => indexedDB.deleteDatabase(name));

  it('keeps a case and its photo (a Blob) across a reload', async () => {
    const resident = createClient({ embedded: { persistence: indexedDbPersistence(name) } });
    const delivery = await resident.complaints.submit(
      {
        community: 'xingfuli',
        category: 'environment',
        description: '楼下的垃圾桶满了三天，没人清理。',
        location: { community: 'xingfuli', grid: 'xfl-g1' },
        anonymous: true,
        consent: true,
      },
      { attachments: [new Blob([PNG], { type: 'image/png' })] },
    );
    expect(delivery.state).to.equal('delivered');
    if (delivery.state !== 'delivered') return;
    await resident.close();

    // A "reload": new clients on the same database.
    const staff = createClient({
      embedded: { persistence: indexedDbPersistence(name), actor: 'xfl-admin' },
    });
    const full = await staff.complaints.get(delivery.value.id);
    expect(full.photos.length).to.equal(1);
    const blob = await staff.uploads.get(full.photos[0]!);
    expect(blob.type).to.equal('image/png');
    expect(Array.from(new Uint8Array(await blob.arrayBuffer()))).to.deep.equal(Array.from(PNG));
    const ticket = await staff.complaints.list({ community: 'xingfuli' });
    expect(ticket.items.map((c) => c.id)).to.include(delivery.value.id);
    await staff.close();

    const other = createClient({
      embedded: { persistence: indexedDbPersistence(name), actor: 'ch-admin' },
    });
    const error = await other.uploads.get(full.photos[0]!).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).code).to.equal('not_found');
    const html = await other.uploads
      .create(new Blob(['<svg onload=alert(1)>'], { type: 'image/png' }))
      .catch((e: unknown) => e);
    expect((html as ApiError).code).to.equal('unsupported_media_type');
    await other.close();
  });
});
