/**
 * Photos for complaints through the SDK, the same suite on the embedded transport (Blobs in
 * the memory store) and over HTTP against a real server: checked by content, attached to a
 * case, read back by that community's staff only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, type Client } from '../../../src/sdk/index.js';
import { demoStaffActor } from '../../../src/features/complaints/demo.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { testDatabases } from '../../server/db.js';
import { startTestServer } from '../../server/harness.js';
import { fails } from '../../sdk/fails.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

import { JPEG, PNG } from '../../fixtures/images.js';

interface Env {
  resident: Client;
  staff(username: 'xfl-admin' | 'ch-admin'): Promise<Client>;
  stop(): Promise<void>;
}

const targets: { name: string; start(): Promise<Env> }[] = [
  {
    name: 'embedded transport (Blobs in the memory store)',
    async start() {
      const store = createMemoryStore();
      const clients: Client[] = [];
      const make = (extra = {}) => {
        const c = createClient({ embedded: { persistence: false, store, ...extra } });
        clients.push(c);
        return c;
      };
      return {
        resident: make(),
        staff: async (username) => make({ actor: demoStaffActor(username) }),
        stop: async () => {
          for (const c of clients) await c.close();
        },
      };
    },
  },
  ...databases.map((db) => ({
    name: `http transport → server on ${db.name}`,
    async start(): Promise<Env> {
      const t = await startTestServer(db, { listen: true });
      const clients: Client[] = [];
      const make = () => {
        const c = createClient({ baseUrl: t.baseUrl, outbox: false, retry: { attempts: 1 } });
        clients.push(c);
        return c;
      };
      return {
        resident: make(),
        async staff(username) {
          const c = make();
          await c.auth.login({ username, password: t.login.password });
          return c;
        },
        async stop() {
          for (const c of clients) await c.close();
          await t.close();
        },
      };
    },
  })),
];

for (const target of targets) {
  describe(`complaint photos: ${target.name}`, () => {
    let env: Env;
    before(async () => {
      env = await target.start();
    });
    after(() => env.stop());

    it('uploads, attaches to a case, and lets only that community’s staff read it', async () => {
      const photo = await env.resident.uploads.create(new Blob([PNG], { type: 'image/jpeg' }));
      assert.equal(photo.type, 'image/png', 'by content, not by the claimed type');
      assert.equal(photo.size, PNG.length);
      const second = await env.resident.uploads.create(new Blob([JPEG]));
      assert.equal(second.type, 'image/jpeg');

      const admin = await env.staff('xfl-admin');
      const other = await env.staff('ch-admin');
      await fails(admin.uploads.get(photo.id), 'not_found', 404);

      const delivery = await env.resident.complaints.submit({
        community: 'xingfuli',
        category: 'environment',
        description: '小区门口的垃圾桶已经满出来三天了。',
        location: { community: 'xingfuli', grid: 'xfl-g1' },
        photos: [photo.id, second.id],
        anonymous: true,
        consent: true,
      });
      assert.equal(delivery.state, 'delivered');
      if (delivery.state !== 'delivered') return;
      const full = await admin.complaints.get(delivery.value.id);
      assert.deepEqual(full.photos, [photo.id, second.id]);
      const seen = await env.resident.complaints.track(
        delivery.value.ticket,
        delivery.value.queryCode,
      );
      assert.equal(seen.photoCount, 2);

      const blob = await admin.uploads.get(photo.id);
      assert.equal(blob.type, 'image/png');
      assert.deepEqual(new Uint8Array(await blob.arrayBuffer()), PNG);
      await fails(other.uploads.get(photo.id), 'not_found', 404);
      await fails(env.resident.uploads.get(photo.id), 'unauthorized', 401);
    });

    it('submits with photos still to upload (attachments), and checks the input first', async () => {
      const delivery = await env.resident.complaints.submit(
        {
          community: 'xingfuli',
          category: 'infrastructure',
          description: '路灯坏了一个星期，晚上出门看不见路。',
          location: { community: 'xingfuli', grid: 'xfl-g2' },
          anonymous: true,
          consent: true,
        },
        { attachments: [new Blob([PNG]), new Blob([JPEG])] },
      );
      assert.equal(delivery.state, 'delivered');
      if (delivery.state !== 'delivered') return;
      const admin = await env.staff('xfl-admin');
      const full = await admin.complaints.get(delivery.value.id);
      assert.equal(full.photos.length, 2);
      assert.equal((await admin.uploads.get(full.photos[1]!)).type, 'image/jpeg');
      const tooMany = await fails(
        env.resident.complaints.submit(
          {
            community: 'xingfuli',
            category: 'infrastructure',
            description: '路灯坏了一个星期，晚上出门看不见路。',
            location: { community: 'xingfuli' },
            anonymous: true,
            consent: true,
          },
          { attachments: Array.from({ length: 7 }, () => new Blob([PNG])) },
        ),
        'validation_failed',
        400,
      );
      assert.deepEqual(
        tooMany.fields.map((f) => f.key),
        ['photos.tooMany'],
      );
    });

    it('refuses what is not an image and what is too large, with field keys', async () => {
      const html = new Blob(['<html><script>alert(1)</script>'], { type: 'image/png' });
      const notImage = await fails(
        env.resident.uploads.create(html),
        'unsupported_media_type',
        415,
      );
      assert.deepEqual(notImage.fields, [{ path: 'file.0', key: 'upload.type' }]);
      const big = new Uint8Array(5 * 1024 * 1024 + 1);
      big.set(JPEG);
      const tooLarge = await fails(
        env.resident.uploads.create(new Blob([big])),
        'payload_too_large',
        413,
      );
      assert.equal(tooLarge.fields[0]?.key, 'upload.tooLarge');
    });

    if (target.name.startsWith('http')) {
      it('a retried upload with the same key stores the photo once', async () => {
        const a = await env.resident.uploads.create(new Blob([PNG]), { idempotencyKey: 'photo-1' });
        const b = await env.resident.uploads.create(new Blob([PNG]), { idempotencyKey: 'photo-1' });
        assert.equal(a.id, b.id);
      });
    }
  });
}
