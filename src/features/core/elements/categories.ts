import type { Category, Feature } from '../model.js';

type Catalogues = typeof import('../catalogues.js');

let catalogues: Catalogues | undefined;
let loading: Promise<Catalogues> | undefined;

/**
 * Loads the default catalogues, once per page (tried again after a failure). They are a chunk
 * of their own, out of the first render: categories show with the community, so elements await
 * this beside fetching it.
 */
export const loadCategories = (): Promise<Catalogues> =>
  (loading ??= import('../catalogues.js').then(
    (m) => (catalogues = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));

/**
 * A community's catalogue for a feature, or the default one (`categoriesFor`); until the
 * defaults are loaded (`loadCategories`), only the community's own.
 */
export const categoriesOf = (
  community: { categories: Partial<Record<Feature, Category[]>> },
  feature: Feature,
): Category[] =>
  catalogues ? catalogues.categoriesFor(community, feature) : (community.categories[feature] ?? []);
