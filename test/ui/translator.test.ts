import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Translator } from '../../src/ui/translator.js';

describe('Translator', () => {
  const make = () => {
    const i18n = new Translator('zh-CN');
    i18n.addResourceBundle('zh-CN', 'common', {
      retry: '重试',
      errors: { network: '网络连接失败' },
    });
    i18n.addResourceBundle('zh-CN', 'picker', {
      choose: '请选择{{level}}',
      items_other: '{{count}} 项',
    });
    i18n.addResourceBundle('en', 'picker', {
      choose: 'Choose a {{ level }}',
      items_one: '{{count}} item',
      items_other: '{{count}} items',
    });
    return i18n;
  };

  it('looks keys up by namespace list, nested path and ns: prefix', () => {
    const i18n = make();
    assert.equal(i18n.t('retry', { ns: ['picker', 'common'] }), '重试');
    assert.equal(i18n.t('common:errors.network', { ns: 'picker' }), '网络连接失败');
  });
  it('interpolates placeholders and leaves unknown ones empty', () => {
    const i18n = make();
    assert.equal(i18n.t('choose', { ns: 'picker', lng: 'en', level: 'grid' }), 'Choose a grid');
    assert.equal(i18n.t('choose', { ns: 'picker' }), '请选择');
  });
  it("does not interpret markup in values: escaping is the renderer's job", () => {
    const i18n = make();
    assert.equal(i18n.t('choose', { ns: 'picker', level: '<b>x</b>' }), '请选择<b>x</b>');
  });
  it('picks plural forms with Intl.PluralRules', () => {
    const i18n = make();
    assert.equal(i18n.t('items', { ns: 'picker', lng: 'en', count: 1 }), '1 item');
    assert.equal(i18n.t('items', { ns: 'picker', lng: 'en', count: 3 }), '3 items');
    assert.equal(i18n.t('items', { ns: 'picker', count: 1 }), '1 项');
  });
  it('falls back to the fallback language, then to the key', () => {
    const i18n = make();
    assert.equal(i18n.t('retry', { ns: 'common', lng: 'en' }), '重试');
    assert.equal(i18n.t('nope.missing', { ns: 'common', lng: 'en' }), 'nope.missing');
  });
  it('adds bundles like i18next: keep, deep-merge, overwrite', () => {
    const i18n = make();
    i18n.addResourceBundle('zh-CN', 'common', { retry: '再试一次' });
    assert.equal(i18n.t('common:retry'), '重试', 'an existing bundle is kept');
    i18n.addResourceBundle('zh-CN', 'common', { errors: { offline: '离线' } }, true);
    assert.equal(i18n.t('common:errors.network'), '网络连接失败', 'deep keeps siblings');
    assert.equal(i18n.t('common:errors.offline'), '离线');
    i18n.addResourceBundle('zh-CN', 'common', { retry: '再试一次' }, true, true);
    assert.equal(i18n.t('common:retry'), '再试一次', 'overwrite wins');
    assert.deepEqual(i18n.languages, ['zh-CN', 'en']);
    assert.equal(i18n.hasResourceBundle('en', 'common'), false);
  });
});
