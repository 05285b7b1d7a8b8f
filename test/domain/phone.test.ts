import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMobile, mobileSchema, normalizePhone, phoneSchema } from '../../src/domain/index.js';

describe('normalizePhone', () => {
  it('strips spaces, dashes and the +86/0086 prefixes', () => {
    assert.equal(normalizePhone('+86 138-1234-5678'), '13812345678');
    assert.equal(normalizePhone('0086 13812345678'), '13812345678');
    assert.equal(normalizePhone(' 138 1234 5678 '), '13812345678');
    assert.equal(normalizePhone('(010) 1234-5678'), '01012345678');
  });
  it('accepts landlines with and without the area-code dash', () => {
    assert.equal(normalizePhone('010-12345678'), '01012345678');
    assert.equal(normalizePhone('0755-1234567'), '07551234567');
  });
  it('rejects what is neither', () => {
    for (const bad of [
      '12345678901',
      '1381234567',
      '138123456789',
      '23812345678',
      'abc',
      '',
      '+1 415 555 0100',
    ]) {
      assert.equal(normalizePhone(bad), undefined, bad);
    }
  });
  it('tells mobiles from landlines', () => {
    assert.equal(isMobile('13812345678'), true);
    assert.equal(isMobile('010-12345678'), false);
  });
});

describe('phone schemas', () => {
  it('normalise valid numbers and give i18n keys for invalid ones', () => {
    assert.equal(phoneSchema.parse('+86 138-1234-5678'), '13812345678');
    assert.equal(phoneSchema.parse('010-12345678'), '01012345678');
    const bad = phoneSchema.safeParse('12345678901');
    assert.equal(bad.success, false);
    assert.equal(bad.error?.issues[0]?.message, 'phone.invalid');
    assert.equal(
      mobileSchema.safeParse('010-12345678').error?.issues[0]?.message,
      'phone.mobileRequired',
    );
  });
});
