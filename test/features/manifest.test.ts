/**
 * The feature manifests are the one place a feature is registered: this proves that every
 * operation of every feature is served, documented and reachable from the SDK, and that no
 * feature folder was left out of the list.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { features } from '../../src/features/index.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { operations } from '../../src/server/operations.js';
import { createClient } from '../../src/sdk/client.js';
import { addFeature, operationDef } from '../../src/sdk/operations.js';
import type { OperationName } from '../../src/services/contract.js';
import type { OperationRoute } from '../../src/domain/operation.js';
import { operationsOf } from '../../src/services/feature.js';

const folders = readdirSync(new URL('../../src/features/', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('feature manifests', () => {
  it('list every feature folder once (src/features/index.ts)', () => {
    assert.deepEqual([...features.map((f) => f.name)].sort(), folders);
  });

  it('give each a registration for pages where it has elements or a resource', () => {
    for (const feature of features) {
      const dir = new URL(`../../src/features/${feature.name}/`, import.meta.url);
      if (feature.name === 'core') continue; // always registered by the SDK itself
      assert.ok(existsSync(new URL('sdk.ts', dir)), `${feature.name}/sdk.ts`);
    }
  });

  for (const feature of features) {
    it(`${feature.name}: every operation has a service, a route, an OpenAPI entry and an SDK lookup`, async () => {
      const table = await operationsOf(feature);
      const services = (await feature.services()) as Record<string, unknown>;
      const doc = openApiDocument() as {
        paths: Record<string, Record<string, { operationId: string }>>;
      };
      addFeature(feature);
      const names = Object.keys(table);
      assert.ok(names.length > 0, 'has operations');
      // A page knows each operation's route before its schemas load (routes.ts).
      const routes: Record<string, OperationRoute> = feature.routes;
      assert.deepEqual(Object.keys(routes).sort(), [...names].sort(), 'routes.ts');
      for (const name of names) {
        for (const [key, value] of Object.entries(routes[name]!)) {
          assert.deepEqual(table[name]![key as 'path'], value, `${name}.${key}`);
        }
      }
      for (const name of names) {
        const def = table[name]!;
        assert.equal(typeof services[name], 'function', `${name} has a service`);
        assert.equal(operations[name as OperationName], def, `${name} is served`);
        assert.equal(
          doc.paths[def.path]?.[def.method.toLowerCase()]?.operationId,
          name,
          `${name} is in the OpenAPI document`,
        );
        assert.equal(await operationDef(name as OperationName), def, `${name} is found by the SDK`);
      }
    });
  }

  it('no operation name is used by two features', async () => {
    const seen = new Map<string, string>();
    for (const feature of features) {
      for (const name of Object.keys(await operationsOf(feature))) {
        assert.equal(seen.get(name), undefined, `${name} in ${feature.name} and ${seen.get(name)}`);
        seen.set(name, feature.name);
      }
    }
    assert.equal(seen.size, Object.keys(operations).length);
  });

  it('put each feature resource on clients, also for a feature registered after the client', async () => {
    const client = createClient({ baseUrl: 'http://127.0.0.1:9/api/v1', outbox: false });
    for (const feature of features) {
      addFeature(feature);
      if (feature.resource) {
        assert.equal(typeof (client as unknown as Record<string, unknown>)[feature.name], 'object');
      }
    }
    assert.equal(client.wishes, client.wishes, 'made once per client');
    await client.close();
  });
});
