/**
 * Every i18n key the domain, services and server can put in an error (a zod check message, a
 * FieldError key, an error code) has a string in every language we ship.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { errorStatus } from '../src/domain/errors.js';
import enCommon from '../src/ui/locales/en/common.js';
import enComplaint from '../src/features/complaints/locales/en/complaint-fields.js';
import enWish from '../src/features/wishes/locales/en/wish-fields.js';
import zhCommon from '../src/ui/locales/zh-CN/common.js';
import zhComplaint from '../src/features/complaints/locales/zh-CN/complaint-fields.js';
import zhWish from '../src/features/wishes/locales/zh-CN/wish-fields.js';
import enAdmin from '../src/features/admin/locales/en/admin-fields.js';
import zhAdmin from '../src/features/admin/locales/zh-CN/admin-fields.js';
import enBooking from '../src/features/booking/locales/en/booking-fields.js';
import zhBooking from '../src/features/booking/locales/zh-CN/booking-fields.js';
import enCalendar from '../src/features/calendar/locales/en/calendar-fields.js';
import zhCalendar from '../src/features/calendar/locales/zh-CN/calendar-fields.js';
import enRedblack from '../src/features/redblack/locales/en/redblack-fields.js';
import zhRedblack from '../src/features/redblack/locales/zh-CN/redblack-fields.js';
import enScores from '../src/features/redblack/locales/en/redblack-score-fields.js';
import zhScores from '../src/features/redblack/locales/zh-CN/redblack-score-fields.js';

const KEY = /'([a-z][A-Za-z]*\.[a-z][A-Za-z_]*)'/g;
const NOT_KEYS = /\.(js|ts|json|html|css|md|mjs)$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const keys = new Set<string>();
for (const file of ['src/domain', 'src/features', 'src/services', 'src/server', 'src/stores']
  .flatMap(sources)
  .filter((f) => !/\/(elements|locales)\//.test(f))) {
  for (const [, key] of readFileSync(file, 'utf8').matchAll(KEY)) {
    if (!NOT_KEYS.test(key!)) keys.add(key!);
  }
}

/** Every dotted key of a strings object (`username.required`). */
const leaves = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

const deepMerge = (into: object, from: object): object => {
  const out: Record<string, unknown> = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const had = out[k];
    out[k] = had && v && typeof had === 'object' && typeof v === 'object' ? deepMerge(had, v) : v;
  }
  return out;
};

const lookup = (strings: object, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], strings);

describe('locales', () => {
  // Field messages live in common and in each feature's field strings (which the feature's
  // elements spread into their namespaces); no key may be in two of them.
  for (const [lang, common, ...features] of [
    ['zh-CN', zhCommon, zhComplaint, zhWish, zhAdmin, zhBooking, zhCalendar, zhRedblack, zhScores],
    ['en', enCommon, enComplaint, enWish, enAdmin, enBooking, enCalendar, enRedblack, enScores],
  ] as const) {
    const strings = [common, ...features].reduce<object>(deepMerge, {});
    it(`${lang}: common and the feature field strings share no key`, () => {
      const seen = [common, ...features].flatMap((s) => leaves(s));
      assert.deepEqual(
        seen.filter((k, i) => seen.indexOf(k) !== i),
        [],
      );
    });
    it(`${lang} has every field-error key used by domain, services and server`, () => {
      const missing = [...keys].filter((key) => typeof lookup(strings, key) !== 'string');
      assert.deepEqual(missing, []);
    });
    it(`${lang} has a message for every error code`, () => {
      // In common, or in the strings of the feature whose code it is (booking-fields).
      const missing = Object.keys(errorStatus).filter(
        (code) => typeof lookup(strings, `errors.${code}`) !== 'string',
      );
      assert.deepEqual(missing, []);
    });
  }
  it('finds the keys it checks', () => {
    assert.ok(keys.has('phone.invalid') && keys.has('description.tooShort'), [...keys].join(' '));
  });
});
