import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OperationName } from '../../src/services/contract.js';
import { operations } from '../../src/server/operations.js';
// Every feature, as shequ-kit/sdk registers them.
import '../../src/sdk/index.js';
import { operationDef } from '../../src/sdk/operations.js';

describe('operation tables in the SDK', () => {
  it('find every operation of the contract, loading feature tables on demand', async () => {
    for (const name of Object.keys(operations) as OperationName[]) {
      assert.equal(await operationDef(name), operations[name], name);
    }
  });
  it('refuse a name the contract does not have', async () => {
    await assert.rejects(operationDef('nope' as OperationName), TypeError);
  });
});
