import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  categoriesFor,
  communitySchema,
  describeLocation,
  locationSchema,
  resolveLocation,
} from '../../../src/domain/index.js';
import { demoCommunities } from '../../../src/features/core/demo.js';

const xingfuli = demoCommunities[0]!;

describe('community model', () => {
  it('the demo street is valid and has 2 communities with grids, buildings and units', () => {
    assert.equal(demoCommunities.length, 2);
    for (const community of demoCommunities) {
      assert.doesNotThrow(() => communitySchema.parse(community));
      assert.ok(community.grids.every((g) => g.buildings.every((b) => b.units.length > 0)));
    }
  });
  it('falls back to the default catalogue with SLA days for complaints', () => {
    const categories = categoriesFor(xingfuli, 'complaint');
    assert.equal(categories.length, 10);
    assert.ok(categories.every((c) => typeof c.slaDays === 'number'));
  });
});

describe('locations', () => {
  it('need each level above the one given', () => {
    assert.equal(
      locationSchema.safeParse({ community: 'xingfuli', building: 'b1' }).error?.issues[0]?.message,
      'location.gridRequired',
    );
    assert.equal(
      locationSchema.safeParse({ community: 'xingfuli', grid: 'g', unit: 'u' }).error?.issues[0]
        ?.message,
      'location.buildingRequired',
    );
  });
  it('resolve to names, in both languages', () => {
    const resolved = resolveLocation(xingfuli, {
      community: 'xingfuli',
      grid: 'xfl-g1',
      building: 'xfl-g1-b2',
      unit: 'xfl-g1-b2-u3',
    });
    assert.ok(!('missing' in resolved));
    assert.equal(describeLocation(resolved, 'zh-CN'), '幸福里社区 · 第一网格 · 2号楼 · 3单元');
    assert.equal(
      describeLocation(resolved, 'en'),
      'Xingfuli Community · Grid 1 · Building 2 · Unit 3',
    );
  });
  it('name the first level that is not in the community', () => {
    assert.deepEqual(
      resolveLocation(xingfuli, { community: 'xingfuli', grid: 'xfl-g1', building: 'gone' }),
      { missing: 'building' },
    );
    assert.deepEqual(resolveLocation(xingfuli, { community: 'other' }), { missing: 'community' });
  });
});
