/**
 * The outbox in Node: a process that exits with submissions undelivered says so, and a file
 * outbox keeps them across processes until a later run delivers them, exactly once.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fileOutboxStorage } from '../../src/node/index.js';
import { createClient } from '../../src/sdk/index.js';
import { PNG } from '../fixtures/images.js';
import { testDatabases } from '../server/db.js';
import { startTestServer, type TestServer } from '../server/harness.js';

const [db] = testDatabases();
const DEAD = 'http://127.0.0.1:9/api/v1';
const wish = (title: string) => ({
  community: 'xingfuli',
  category: 'company',
  title,
  story: '想请志愿者周末来陪老人聊聊天。',
  wisherName: '陈桂兰',
  phone: '13812341234',
  consent: true as const,
  publishConsent: true as const,
});

describe('the outbox in Node', () => {
  let dir: string;
  let t: TestServer;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sq-outbox-'));
    t = await startTestServer(db!, { listen: true });
  });
  after(async () => {
    await t.close();
    await db!.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('warns on exit when submissions are still undelivered in memory', async () => {
    const script = join(dir, 'exit.mts');
    const sdk = pathToFileURL(join(process.cwd(), 'src/sdk/index.ts')).href;
    await writeFile(
      script,
      `import { createClient } from ${JSON.stringify(sdk)};
const client = createClient({ baseUrl: ${JSON.stringify(DEAD)}, retry: { attempts: 1 } });
const delivery = await client.wishes.post(${JSON.stringify(wish('一台收音机'))});
console.log(delivery.state);
process.exit(0);
`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    assert.equal(run.stdout.trim(), 'queued', run.stderr);
    assert.match(run.stderr, /1 submission\(s\) in the outbox were not delivered/);
    assert.match(run.stderr, /fileOutboxStorage/);
  });

  it('keeps queued submissions in a file and delivers them exactly once on a later run', async () => {
    const file = join(dir, 'outbox.json');
    const offline = createClient({
      baseUrl: DEAD,
      retry: { attempts: 1 },
      outbox: fileOutboxStorage(file),
    });
    const queued = await offline.wishes.post(wish('一把结实的雨伞'), { idempotencyKey: 'file-1' });
    assert.equal(queued.state, 'queued');
    await offline.close();
    const stored = JSON.parse(await readFile(file, 'utf8')) as { key: string }[];
    assert.deepEqual(
      stored.map((e) => e.key),
      ['file-1'],
    );

    const online = createClient({ baseUrl: t.baseUrl, outbox: fileOutboxStorage(file) });
    const outbox = (await online.outbox())!;
    await outbox.flush();
    await outbox.flush();
    assert.deepEqual(await outbox.pending(), []);
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), []);
    const admin = await t.tokenFor('xfl-admin');
    const queue = (await (
      await fetch(`${t.baseUrl}/communities/xingfuli/wish-queue`, {
        headers: { Authorization: `Bearer ${admin}` },
      })
    ).json()) as { items: { title: string }[] };
    assert.equal(queue.items.filter((w) => w.title === '一把结实的雨伞').length, 1, 'once');
    await online.close();
  });

  it('keeps photos queued with a submission (Blobs) in the file', async () => {
    const storage = fileOutboxStorage(join(dir, 'photos.json'));
    await storage.put({
      key: 'p',
      name: 'submitComplaint',
      input: { $attachments: [new Blob([PNG], { type: 'image/png' })], description: 'x' },
      createdAt: 1,
      attempts: 0,
      nextAttemptAt: 0,
      state: 'pending',
    });
    const again = await fileOutboxStorage(join(dir, 'photos.json')).all();
    const blob = (again[0]!.input as { $attachments: Blob[] }).$attachments[0]!;
    assert.equal(blob.type, 'image/png');
    assert.deepEqual(new Uint8Array(await blob.arrayBuffer()), PNG);
  });
});
