/** Anything named: a community, a grid, a building, a unit, a category. */
export interface Named {
  name: string;
  nameEn?: string | undefined;
}

/**
 * The name to show a reader of `lang`: the English one for English readers where there is one.
 * Schema-free, so any element can use it without loading the community schemas.
 *
 * Its own module, imported by what shows names and not by the core model: a page's first render
 * reaches the core model through the core contract, and a module the entry reaches but does not
 * use while a lazy chunk does makes Rolldown split the entry (docs/size.md, "红黑榜 editor back
 * under budget").
 */
export function displayName(item: Named, lang: string): string {
  return lang.startsWith('en') && item.nameEn ? item.nameEn : item.name;
}

/** `和平社区 · 第一网格 · 3号楼 · 2单元`: a resolved location (core/model.ts), coarse to fine. */
export function describeLocation(
  resolved: { community: Named; grid?: Named; building?: Named; unit?: Named },
  lang: string,
): string {
  return [resolved.community, resolved.grid, resolved.building, resolved.unit]
    .filter((part): part is Named => part !== undefined)
    .map((part) => displayName(part, lang))
    .join(' · ');
}
