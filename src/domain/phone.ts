import * as z from 'zod/mini';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/**
 * Canonical form of a Chinese phone number: spaces, dashes and brackets go, `+86`/`0086` go,
 * leaving digits only (`+86 138-1234-5678` → `13812345678`, `010-12345678` → `01012345678`).
 * Returns undefined when the input is neither a mobile nor a landline.
 */
export function normalizePhone(input: string): string | undefined {
  let digits = input.trim().replace(/[\s()（）-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : undefined;
}

export const isMobile = (input: string): boolean => MOBILE.test(normalizePhone(input) ?? '');
export const isPhone = (input: string): boolean => normalizePhone(input) !== undefined;

/** A mobile or landline, normalised. Error key `phone.invalid`. */
export const phoneSchema = z.pipe(
  z.string().check(z.refine(isPhone, 'phone.invalid')),
  z.transform((value: string) => normalizePhone(value) as string),
);

/** A mobile only (for SMS), normalised. Error key `phone.mobileRequired`. */
export const mobileSchema = z.pipe(
  z.string().check(z.refine(isMobile, 'phone.mobileRequired')),
  z.transform((value: string) => normalizePhone(value) as string),
);
