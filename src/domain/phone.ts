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
