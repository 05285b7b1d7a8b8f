import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Client } from '../../src/sdk/client.js';
import { ApiError } from '../../src/sdk/errors.js';
import { ActionController } from '../../src/ui/action.js';
import { StaffSessionController, type Staff } from '../../src/ui/staff-session.js';

/** A promise resolved or rejected from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const fakeClient = (auth: Partial<Client['auth']> = {}) => ({ auth }) as unknown as Client;

function host(client: Client) {
  const controllers: { hostConnected?(): void; hostUpdate?(): void }[] = [];
  return {
    client,
    updates: 0,
    requestUpdate() {
      this.updates++;
    },
    addController(c: (typeof controllers)[number]) {
      controllers.push(c);
    },
    /** Connects and runs the update Lit runs after connecting (asked for by the controller). */
    connect() {
      for (const c of controllers) c.hostConnected?.();
      for (const c of controllers) c.hostUpdate?.();
    },
    update() {
      for (const c of controllers) c.hostUpdate?.();
    },
  };
}

describe('ActionController', () => {
  it('keeps one key per intent across retries, a new key for a new intent and after success', async () => {
    const h = host(fakeClient());
    const action = new ActionController(h);
    const keys: string[] = [];
    let fail = true;
    const send = async (_: Client, key: string) => {
      keys.push(key);
      if (fail) throw new ApiError('network');
      return 'ok';
    };
    assert.deepEqual(await action.run('withdraw', 'CODE', send), { error: action.error });
    assert.equal(action.phase, 'failed');
    assert.equal(action.message, 'errors.network');
    await action.run('withdraw', 'CODE', send); // The same intent, retried.
    await action.run('thank', { code: 'CODE' }, send); // Another intent.
    fail = false;
    assert.deepEqual(await action.run('withdraw', 'CODE', send), { value: 'ok' });
    assert.equal(action.phase, 'done');
    await action.run('withdraw', 'CODE', send); // After success: a new intent.
    assert.equal(keys[1], keys[0]);
    assert.notEqual(keys[2], keys[0]);
    assert.equal(keys[3], keys[0]);
    assert.notEqual(keys[4], keys[0]);
    assert.notEqual(keys[4], keys[2]);
  });

  it('forgets the key of a refused intent (the server stored that answer)', async () => {
    const action = new ActionController(host(fakeClient()));
    const keys: string[] = [];
    const refuse = async (_: Client, key: string) => {
      keys.push(key);
      throw new ApiError('invalid_transition');
    };
    await action.run('withdraw', 'CODE', refuse);
    await action.run('withdraw', 'CODE', refuse);
    assert.notEqual(keys[1], keys[0]);
  });

  it('ignores an answer for a run superseded by reset() or by another client', async () => {
    const h = host(fakeClient());
    const action = new ActionController(h);
    const first = deferred<string>();
    const running = action.run('claim', 1, () => first.promise);
    assert.equal(action.busy, true);
    action.reset();
    assert.equal(action.phase, 'idle');
    first.resolve('late');
    assert.equal(await running, undefined);
    assert.equal(action.phase, 'idle');

    const second = deferred<string>();
    const again = action.run('claim', 2, () => second.promise);
    h.client = fakeClient();
    second.reject(new ApiError('unauthorized'));
    assert.equal(await again, undefined);
    assert.equal(action.phase, 'sending', 'the old client’s answer changes nothing');
  });
});

describe('StaffSessionController', () => {
  const staff = { name: '李秀英', community: 'xingfuli' } as Staff;

  it('asks once per client for every element following it, and shares sign-in and sign-out', async () => {
    let asked = 0;
    const me = deferred<Staff>();
    const client = fakeClient({
      me: () => (asked++, me.promise),
      login: async () => ({ staff }) as Awaited<ReturnType<Client['auth']['login']>>,
      logout: async () => undefined,
    });
    const seen: (Staff | undefined)[][] = [[], []];
    const hosts = [host(client), host(client)];
    const sessions = hosts.map(
      (h, i) => new StaffSessionController(h as never, (s) => seen[i]!.push(s)),
    );
    hosts.forEach((h) => h.connect());
    assert.equal(asked, 1);
    assert.deepEqual(
      sessions.map((s) => s.phase),
      ['checking', 'checking'],
    );
    me.reject(new ApiError('unauthorized'));
    await new Promise((r) => setTimeout(r));
    assert.deepEqual(
      sessions.map((s) => s.phase),
      ['login', 'login'],
    );
    assert.equal(await sessions[0]!.login({ username: 'a', password: 'b' }), undefined);
    assert.deepEqual(
      sessions.map((s) => s.staff?.name),
      ['李秀英', '李秀英'],
    );
    assert.deepEqual(seen[1], [staff]);
    await sessions[1]!.logout();
    assert.deepEqual(
      sessions.map((s) => [s.phase, s.notice]),
      [
        ['login', 'loggedOut'],
        ['login', 'loggedOut'],
      ],
    );
  });

  it('never lets a swapped-out client’s late answer overwrite the new state', async () => {
    const late = deferred<Staff>();
    const h = host(fakeClient({ me: () => late.promise }));
    const seen: (Staff | undefined)[] = [];
    const session = new StaffSessionController(h as never, (s) => seen.push(s));
    h.connect();
    h.client = fakeClient({ me: async () => staff });
    h.update();
    await new Promise((r) => setTimeout(r));
    assert.equal(session.phase, 'ready');
    late.reject(new ApiError('unauthorized'));
    await new Promise((r) => setTimeout(r));
    session.expired(fakeClient()); // A 401 about some other client: ignored too.
    assert.equal(session.phase, 'ready');
    assert.equal(session.notice, undefined);
    assert.deepEqual(seen, [staff]);
  });

  it('a me() answered after a sign-in does not undo it', async () => {
    const me = deferred<Staff>();
    const client = fakeClient({
      me: () => me.promise,
      login: async () => ({ staff }) as Awaited<ReturnType<Client['auth']['login']>>,
    });
    const h = host(client);
    const session = new StaffSessionController(h as never, () => undefined);
    h.connect();
    await session.login({ username: 'a', password: 'b' });
    me.reject(new ApiError('unauthorized'));
    await new Promise((r) => setTimeout(r));
    assert.equal(session.phase, 'ready');
  });
});
