import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as api from '../../src/server/api.js';
import * as entry from '../../src/server/index.js';
import { assertServerPeers, missingPackages, SERVER_PEERS } from '../../src/server/peers.js';

const resolveOnly = (present: string[]) => (name: string) => {
  if (present.includes(name)) return `file:///node_modules/${name}/index.js`;
  throw Object.assign(new Error(`Cannot find package '${name}'`), { code: 'ERR_MODULE_NOT_FOUND' });
};

describe('server peer dependencies', () => {
  it('lists the packages that do not resolve', () => {
    assert.deepEqual(missingPackages(['hono', 'postgres'], resolveOnly(['hono'])), ['postgres']);
    assert.deepEqual(missingPackages(SERVER_PEERS), [], 'this repository installs them all');
  });

  it('names every missing package and the command that installs them', () => {
    assert.throws(
      () => assertServerPeers(resolveOnly(['hono'])),
      (error: Error) =>
        error.message.includes(
          'Install them with: npm i @hono/node-server @electric-sql/pglite postgres',
        ),
    );
    assert.doesNotThrow(() => assertServerPeers(resolveOnly(SERVER_PEERS)));
  });

  it('the entry exports every value of the server API', () => {
    assert.deepEqual(Object.keys(entry).sort(), Object.keys(api).sort());
  });
});
