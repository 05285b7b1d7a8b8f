import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { summarize } from '../../src/domain/index.js';
import { demoCommunities } from '../../src/features/core/demo.js';
import { ApiError, createClient, type Client } from '../../src/sdk/index.js';
import { FaultServer } from './fault-server.js';

describe('createClient() without baseUrl: the embedded transport', () => {
  let client: Client;
  before(() => {
    client = createClient({ embedded: { persistence: false } });
  });
  after(() => client.close());

  it('is embedded, has no outbox', async () => {
    assert.equal(client.mode, 'embedded');
    assert.equal(await client.outbox(), undefined);
  });

  it('lists the 2 demo communities and gets one', async () => {
    const list = await client.communities.list();
    assert.equal(list.length, 2);
    assert.deepEqual(
      [...list].sort((a, b) => a.id.localeCompare(b.id)),
      demoCommunities.map(summarize).sort((a, b) => a.id.localeCompare(b.id)),
    );
    const one = await client.communities.get('xingfuli');
    assert.equal(one.name, '幸福里社区');
    assert.ok(one.grids.length > 0);
    assert.deepEqual(await client.call('getCommunity', { id: 'chunhui' }), demoCommunities[1]);
  });

  it('peeks at a community only once this client holds it', async () => {
    const local = createClient({ embedded: { persistence: false } });
    assert.equal(local.communities.peek('xingfuli'), undefined, 'nothing asked yet');
    assert.equal(local.communities.peek(), undefined);
    const pending = local.communities.get('xingfuli');
    assert.equal(local.communities.peek('xingfuli'), undefined, 'not while it loads');
    const tree = await pending;
    assert.equal(local.communities.peek('xingfuli'), tree, 'the same answer, at once');
    assert.equal(local.communities.peek('chunhui'), undefined, 'another community is not held');
    const list = await local.communities.list();
    assert.equal(local.communities.peek(), list);
  });

  it('asks for a community once a minute per client, again after an admin changes it', async () => {
    const store = (await import('../../src/stores/memory.js')).createMemoryStore();
    const asked: string[] = [];
    const counting = new Proxy(store, {
      get(target, prop) {
        const repo = Reflect.get(target, prop) as object;
        if (prop !== 'communities') return repo;
        return new Proxy(repo, {
          get(r, method) {
            const fn = Reflect.get(r, method) as (...a: unknown[]) => unknown;
            return (...args: unknown[]) => {
              asked.push(String(method));
              return fn.apply(r, args);
            };
          },
        });
      },
    });
    const local = createClient({
      embedded: { persistence: false, store: counting, actor: 'xfl-admin' },
    });
    try {
      await local.communities.get('xingfuli');
      const before = asked.filter((m) => m === 'get').length;
      const [a, b] = await Promise.all([
        local.communities.get('xingfuli'),
        local.communities.get('xingfuli'),
      ]);
      assert.equal(a, b);
      assert.equal(asked.filter((m) => m === 'get').length, before, 'no new reads');
      await (
        await import('../../src/sdk/index.js')
      ).createClient; // every feature registered
      await local.admin.putCommunity({ ...a, name: '幸福里社区（新）' });
      assert.equal((await local.communities.get('xingfuli')).name, '幸福里社区（新）');
    } finally {
      await local.close();
    }
  });

  it('reports an unknown id as ApiError not_found (404)', async () => {
    await assert.rejects(client.communities.get('nowhere'), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'not_found');
      assert.equal(e.status, 404);
      assert.equal(e.retryable, false);
      return true;
    });
  });

  it('reports a malformed id as ApiError validation_failed with fields', async () => {
    await assert.rejects(client.communities.get('not an id!'), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'validation_failed');
      assert.equal(e.status, 400);
      assert.deepEqual(e.fields, [{ path: 'id', key: 'id.invalid' }]);
      return true;
    });
  });

  it('refuses to submit a GET', async () => {
    await assert.rejects(client.submit('listCommunities', {}), ApiError);
  });
});

describe('createClient({ baseUrl }): the http transport', () => {
  const server = new FaultServer();
  let client: Client;
  before(async () => {
    await server.listen();
    client = createClient({ baseUrl: server.baseUrl });
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  it('is http, with an outbox in memory (Node)', async () => {
    assert.equal(client.mode, 'http');
    assert.ok(await client.outbox());
    assert.deepEqual(await (await client.outbox())!.pending(), []);
  });

  it('lists and gets communities from the server, errors as ApiError', async () => {
    assert.deepEqual(await client.communities.list(), demoCommunities.map(summarize));
    assert.deepEqual(await client.communities.get('xingfuli'), demoCommunities[0]);
    await assert.rejects(
      client.communities.get('nowhere'),
      (e: unknown) => e instanceof ApiError && e.code === 'not_found' && e.status === 404,
    );
  });
});
