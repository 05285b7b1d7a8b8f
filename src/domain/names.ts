/**
 * The name to show a reader of `lang`: the English one for English readers where there is one.
 * Schema-free, so any element can use it without loading the community schemas.
 */
export const displayName = (item: { name: string; nameEn?: string | undefined }, lang: string) =>
  lang.startsWith('en') && item.nameEn ? item.nameEn : item.name;
