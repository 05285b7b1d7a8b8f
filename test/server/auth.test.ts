import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoCommunities } from '../../src/features/core/demo.js';
import { hashPassword, verifyPassword } from '../../src/server/credentials.js';
import { testDatabases } from './db.js';
import {
  bearer,
  cheapScrypt,
  json,
  manualClock,
  startTestServer,
  type TestServer,
} from './harness.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const code = async (res: Response) => ((await res.json()) as { code: string }).code;

describe('password hashing', () => {
  it('hashes with scrypt and a salt, verifies, and refuses wrong or malformed hashes', async () => {
    const a = await hashPassword('correct horse', cheapScrypt);
    const b = await hashPassword('correct horse', cheapScrypt);
    assert.match(a, /^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    assert.notEqual(a, b, 'salted');
    assert.equal(await verifyPassword('correct horse', a), true);
    assert.equal(await verifyPassword('correct horsf', a), false);
    assert.equal(await verifyPassword('correct horse', 'md5$abc'), false);
    assert.equal(await verifyPassword('x', 'scrypt$0$8$1$a$b'), false);
  });
});

for (const db of databases) {
  describe(`staff auth on ${db.name}`, () => {
    let t: TestServer;
    const clock = manualClock();
    before(async () => {
      t = await startTestServer(db, { clock, sessionTtlMs: 60 * 60 * 1000 });
    });
    after(() => t.close());

    const login = (username: string, password = t.login.password, headers = {}) =>
      t.fetch('/api/v1/auth/login', json('POST', { username, password }, headers));

    it('logs in: a bearer token in the body and an httpOnly SameSite cookie', async () => {
      const res = await login('XFL-Admin ');
      assert.equal(res.status, 200);
      const body = (await res.json()) as {
        token: string;
        expiresAt: string;
        staff: Record<string, unknown>;
      };
      assert.match(body.token, /^[\w-]{43}$/);
      assert.equal(body.expiresAt, new Date(clock.now().getTime() + 3_600_000).toISOString());
      assert.deepEqual(
        { ...body.staff, id: undefined },
        {
          id: undefined,
          username: 'xfl-admin',
          name: '李秀英',
          role: 'admin',
          community: 'xingfuli',
        },
      );
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^sq_session=[\w-]{43};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Path=\/api\//);
      assert.match(cookie, /Max-Age=3600/);
      assert.doesNotMatch(cookie, /Secure/, 'plain http in tests');
      assert.equal(res.headers.get('Idempotent-Replayed'), null);
    });

    it('refuses a wrong password or unknown user with the same 401', async () => {
      const wrong = await login('xfl-admin', 'not the password');
      assert.equal(wrong.status, 401);
      assert.equal(wrong.headers.get('www-authenticate'), 'Bearer realm="shequ-kit"');
      assert.equal(await code(wrong), 'unauthorized');
      const unknown = await login('nobody', 'whatever');
      assert.equal(unknown.status, 401);
      assert.equal(await code(unknown), 'unauthorized');
    });

    it('401 without a session, or with a bad token, on staff routes', async () => {
      for (const headers of [{}, bearer('not-a-token'), { Cookie: 'sq_session=forged' }] as Record<
        string,
        string
      >[]) {
        const me = await t.fetch('/api/v1/auth/me', { headers });
        assert.equal(me.status, 401);
        assert.equal(await code(me), 'unauthorized');
        const put = await t.fetch(
          '/api/v1/communities/xingfuli',
          json('PUT', demoCommunities[0], headers),
        );
        assert.equal(put.status, 401);
      }
    });

    it('GET /auth/me with a bearer token or with the cookie', async () => {
      const res = await login('xfl-grid');
      const { token } = (await res.json()) as { token: string };
      const withBearer = await t.fetch('/api/v1/auth/me', { headers: bearer(token) });
      assert.equal(((await withBearer.json()) as { username: string }).username, 'xfl-grid');
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const withCookie = await t.fetch('/api/v1/auth/me', { headers: { Cookie: cookie } });
      assert.equal(withCookie.status, 200);
    });

    it('403 across communities and for staff on admin routes', async () => {
      const chAdmin = await t.tokenFor('ch-admin');
      const xflGrid = await t.tokenFor('xfl-grid');
      const acrossPut = await t.fetch(
        '/api/v1/communities/xingfuli',
        json('PUT', demoCommunities[0], bearer(chAdmin)),
      );
      assert.equal(acrossPut.status, 403);
      assert.equal(await code(acrossPut), 'forbidden');
      const acrossList = await t.fetch('/api/v1/communities/xingfuli/staff', {
        headers: bearer(chAdmin),
      });
      assert.equal(acrossList.status, 403);
      const acrossCreate = await t.fetch(
        '/api/v1/communities/xingfuli/staff',
        json(
          'POST',
          { username: 'spy', name: '间谍', password: 'long enough secret' },
          bearer(chAdmin),
        ),
      );
      assert.equal(acrossCreate.status, 403);
      const staffOnAdmin = await t.fetch(
        '/api/v1/communities/xingfuli',
        json('PUT', demoCommunities[0], bearer(xflGrid)),
      );
      assert.equal(staffOnAdmin.status, 403);
      const own = await t.fetch('/api/v1/communities/chunhui/staff', { headers: bearer(chAdmin) });
      assert.equal(own.status, 200);
    });

    it('refuses cookie-authenticated writes from another site, not bearer ones', async () => {
      const res = await login('ch-admin');
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { token } = (await res.json()) as { token: string };
      const body = JSON.stringify(demoCommunities[1]);
      const evil = await t.fetch('/api/v1/communities/chunhui', {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          Cookie: cookie,
          Origin: 'https://evil.example',
        },
        body,
      });
      assert.equal(evil.status, 403);
      const crossSite = await t.fetch('/api/v1/communities/chunhui', {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          Cookie: cookie,
          'Sec-Fetch-Site': 'cross-site',
        },
        body,
      });
      assert.equal(crossSite.status, 403);
      const sameOrigin = await t.fetch('/api/v1/communities/chunhui', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: t.origin },
        body,
      });
      assert.equal(sameOrigin.status, 200);
      const withBearer = await t.fetch('/api/v1/communities/chunhui', {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          Origin: 'https://app.example',
          ...bearer(token),
        },
        body,
      });
      assert.equal(withBearer.status, 200);
    });

    it('logout ends the session and clears the cookie; expired sessions are refused and purged', async () => {
      const res = await login('xfl-grid');
      const { token } = (await res.json()) as { token: string };
      const out = await t.fetch('/api/v1/auth/logout', { method: 'POST', headers: bearer(token) });
      assert.equal(out.status, 200);
      assert.deepEqual(await out.json(), { ok: true });
      assert.match(out.headers.get('set-cookie') ?? '', /sq_session=;.*Max-Age=0/);
      assert.equal((await t.fetch('/api/v1/auth/me', { headers: bearer(token) })).status, 401);

      const again = (await (await login('xfl-grid')).json()) as { token: string };
      assert.equal(
        (await t.fetch('/api/v1/auth/me', { headers: bearer(again.token) })).status,
        200,
      );
      clock.advance(60 * 60 * 1000);
      assert.equal(
        (await t.fetch('/api/v1/auth/me', { headers: bearer(again.token) })).status,
        401,
      );
      await t.server.maintain();
      const id = (await import('../../src/server/credentials.js')).tokenId(again.token);
      assert.equal(await t.server.store.sessions.get(id), undefined, 'purged');
    });

    it('a disabled account can neither log in nor use its sessions', async () => {
      const { token } = (await (await login('xfl-grid')).json()) as { token: string };
      const account = (await t.server.store.staff.getByUsername('xfl-grid'))!;
      await t.server.store.staff.put({ ...account, disabled: true });
      try {
        assert.equal((await t.fetch('/api/v1/auth/me', { headers: bearer(token) })).status, 401);
        assert.equal((await login('xfl-grid')).status, 401);
      } finally {
        await t.server.store.staff.put(account);
      }
    });

    it('changing one’s password ends every session of the account but gives this one a new one', async () => {
      const first = (await (await login('ch-admin')).json()) as { token: string };
      const second = (await (await login('ch-admin')).json()) as { token: string };
      const change = (token: string, currentPassword: string, newPassword: string) =>
        t.fetch(
          '/api/v1/auth/password',
          json('POST', { currentPassword, newPassword }, bearer(token)),
        );
      const wrong = await change(first.token, 'not the password', 'a brand new password');
      assert.equal(wrong.status, 400);
      const problem = (await wrong.json()) as { errors: { path: string; key: string }[] };
      assert.deepEqual(problem.errors, [{ path: 'currentPassword', key: 'password.wrong' }]);
      assert.equal((await change(first.token, t.login.password, 'short')).status, 400);

      clock.advance(1000);
      const res = await change(first.token, t.login.password, 'a brand new password');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('set-cookie') ?? '', /HttpOnly/i, 'a new session cookie');
      const renewed = (await res.json()) as { token: string };
      for (const old of [first.token, second.token]) {
        assert.equal((await t.fetch('/api/v1/auth/me', { headers: bearer(old) })).status, 401);
      }
      assert.equal(
        (await t.fetch('/api/v1/auth/me', { headers: bearer(renewed.token) })).status,
        200,
      );
      assert.equal((await login('ch-admin')).status, 401, 'the old password is gone');
      assert.equal((await login('ch-admin', 'a brand new password')).status, 200);
      const account = (await t.server.store.staff.getByUsername('ch-admin'))!;
      assert.deepEqual(
        account.history?.map((e) => [e.action, e.by]),
        [['password_changed', account.id]],
        'audited',
      );
    });

    it('an admin disables an account of their community at once, and enables it again', async () => {
      const admin = await t.tokenFor('xfl-admin');
      const grid = (await t.server.store.staff.getByUsername('xfl-grid'))!;
      const { token } = (await (await login('xfl-grid')).json()) as { token: string };
      const set = (who: string, disabled: boolean, as = admin) =>
        t.fetch(`/api/v1/staff/${who}/disabled`, json('POST', { disabled }, bearer(as)));

      assert.equal((await set(grid.id, true, token)).status, 403, 'staff are not admins');
      const off = await set(grid.id, true);
      assert.equal(off.status, 200);
      assert.equal(((await off.json()) as { disabled?: boolean }).disabled, true);
      assert.equal((await t.fetch('/api/v1/auth/me', { headers: bearer(token) })).status, 401);
      assert.equal((await login('xfl-grid')).status, 401);
      const listed = (await (
        await t.fetch('/api/v1/communities/xingfuli/staff', { headers: bearer(admin) })
      ).json()) as { username: string; disabled?: boolean }[];
      assert.equal(listed.find((a) => a.username === 'xfl-grid')?.disabled, true);

      const self = (await t.server.store.staff.getByUsername('xfl-admin'))!;
      assert.equal((await set(self.id, true)).status, 409, 'not one’s own account');
      const other = (await t.server.store.staff.getByUsername('ch-admin'))!;
      assert.equal((await set(other.id, true)).status, 403, 'not another community');

      assert.equal((await set(grid.id, false)).status, 200);
      assert.equal((await login('xfl-grid')).status, 200);
      const history = (await t.server.store.staff.get(grid.id))!.history ?? [];
      assert.deepEqual(
        history.map((e) => [e.action, e.by]),
        [
          ['disabled', self.id],
          ['enabled', self.id],
        ],
      );
    });
  });
}
