/**
 * The real server behind /api/v1 in the browser tests (scripts/wtr-api-server.mjs): same
 * origin, the demo street seeded, the demo staff login available to tests.
 */
import { expect } from '@open-wc/testing';
import { createClient } from '../../src/sdk/index.js';
import { demoLogin, serverReady } from './server.js';

describe('the API server of the browser tests', () => {
  before(serverReady);

  it('serves the demo street over HTTP and logs demo staff in', async () => {
    const client = createClient({ baseUrl: '/api/v1', outbox: false });
    const communities = await client.communities.list();
    expect(communities.map((c) => c.id)).to.include('xingfuli');
    const { password } = await demoLogin();
    const session = await client.auth.login({ username: 'xfl-admin', password });
    expect(session.staff.community).to.equal('xingfuli');
    await client.auth.logout();
    await client.close();
  });
});
