import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  claimInputSchema,
  nextWishStatus,
  publicClaimerName,
  publicWisherName,
  toFieldErrors,
  wishActions,
  wishInputSchema,
  wishStatuses,
} from '../../../src/domain/index.js';

describe('wish status machine', () => {
  it('walks 点单 → 核实 → 领单 → 完成 → 评单', () => {
    let status = nextWishStatus(undefined, 'submit');
    for (const action of ['approve', 'claim', 'fulfil', 'thank'] as const) {
      status = nextWishStatus(status, action);
    }
    assert.equal(status, 'thanked');
  });
  it('releases a claim back to the wall, and refuses a second claim', () => {
    assert.equal(nextWishStatus('claimed', 'release'), 'open');
    assert.equal(nextWishStatus('claimed', 'claim'), undefined);
  });
  it('lets the wisher withdraw only before anyone claims', () => {
    assert.equal(nextWishStatus('open', 'withdraw'), 'withdrawn');
    assert.equal(nextWishStatus('claimed', 'withdraw'), undefined);
  });
  it('has no way out of terminal statuses', () => {
    for (const terminal of ['thanked', 'rejected', 'withdrawn'] as const) {
      assert.deepEqual(
        wishActions.filter((a) => nextWishStatus(terminal, a)),
        [],
        terminal,
      );
    }
    assert.equal(wishStatuses.length, 7);
  });
});

describe('public names', () => {
  it('mask people, keep units, prefer an alias', () => {
    assert.equal(publicClaimerName('party_member', '李建国'), '李*国');
    assert.equal(publicClaimerName('unit', '和平街道卫生服务中心'), '和平街道卫生服务中心');
    assert.equal(publicWisherName({ wisherName: '王秀英' }), '王*英');
    assert.equal(publicWisherName({ wisherName: '王秀英', alias: '王奶奶' }), '王奶奶');
  });
});

describe('wish input', () => {
  const valid = {
    community: 'xingfuli',
    category: 'study',
    title: '想要一个新书包',
    story: '孙子上三年级了，书包坏了很久。',
    wisherName: '王秀英',
    phone: '13812345678',
    consent: true,
    publishConsent: true,
  } as const;
  it('accepts a complete wish', () => {
    assert.equal(wishInputSchema.parse(valid).title, '想要一个新书包');
  });
  it('needs both consents and bounded text', () => {
    const result = wishInputSchema.safeParse({
      ...valid,
      title: 'x'.repeat(31),
      publishConsent: false,
      consent: false,
    });
    assert.deepEqual(
      toFieldErrors(result.error!.issues).map((f) => `${f.path}:${f.key}`),
      ['title:title.tooLong', 'consent:consent.required', 'publishConsent:publishConsent.required'],
    );
  });
  it('validates claims', () => {
    const result = claimInputSchema.safeParse({
      claimerType: 'alien',
      name: '',
      phone: '123',
      consent: true,
    });
    assert.deepEqual(
      toFieldErrors(result.error!.issues).map((f) => `${f.path}:${f.key}`),
      ['claimerType:claimerType.invalid', 'name:claimer.nameRequired', 'phone:phone.invalid'],
    );
  });
});
