import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { sha256 } from '../../src/domain/index.js';

describe('sha256', () => {
  it('matches node:crypto on edge lengths and unicode', () => {
    const inputs = [
      '',
      'abc',
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(64),
      'a'.repeat(1000),
      'SQ-2026-000123:ABCD2345',
      '居民说事 🏠',
    ];
    for (const input of inputs) {
      assert.equal(
        sha256(input),
        createHash('sha256').update(input, 'utf8').digest('hex'),
        JSON.stringify(input.slice(0, 20)),
      );
    }
  });
});
