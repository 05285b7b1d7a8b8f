/// <reference types="vite/client" />
/**
 * The drop-in loader, `dist/cdn/shequ-kit.js`: one small script that knows every tag and loads
 * an element's chunk (Lit and the rest inlined in the chunks) when its tag first appears in
 * the document, or in a shadow root one of our elements renders — like Shoelace's autoloader.
 * A page pays for the elements it uses. The SDK and the locales are a dynamic import away
 * (`loadSdk()`, `loadLocale()`), or statically from `dist/cdn/sdk.js`.
 *
 * Built by Vite only (vite.config.ts), not by tsc: `import.meta.glob` lists src/define and
 * src/locales, so a new tag or language needs no line here.
 */
import { claimPage } from './once.js';

/** `../define/complaint-form.ts` → `sq-complaint-form`. */
const tagOf = (path: string) => `sq-${path.slice(path.lastIndexOf('/') + 1, -'.ts'.length)}`;
const defines = new Map(
  Object.entries(import.meta.glob('../define/*.ts')).map(([path, load]) => [tagOf(path), load]),
);
const locales = import.meta.glob<Record<string, Record<string, unknown>>>('../locales/*.ts');

/** Every tag this loader can define. */
export const tags: readonly string[] = [...defines.keys()].sort();

/** `createClient`, `ApiError`, `i18n` and the SDK's helpers (the same module as dist/cdn/sdk.js). */
export const loadSdk = () => import('./sdk.js');

/** Every namespace's strings in `lang` (`shequ-kit/locales/<lang>`), to translate or adjust. */
export function loadLocale(lang: string): Promise<Record<string, Record<string, unknown>>> {
  const load = locales[`../locales/${lang}.ts`];
  return load ? load() : Promise.reject(new Error(`shequ-kit: no locale ${lang}`));
}

const loading = new Map<string, Promise<unknown>>();

/**
 * Every element's first call loads the core contract and the schemas' runtime (zod), which
 * check its answer: fetched beside the first element's chunk, they are in before its data.
 */
const warmSchemas = () => import('../features/core/contract.js').catch(() => undefined);

/** Loads the chunk that defines `tag` (once; a failed load may be retried later). */
export function load(tag: string): Promise<unknown> {
  let pending = loading.get(tag);
  if (!pending) {
    const define = defines.get(tag);
    if (!define) return Promise.reject(new Error(`shequ-kit: no element <${tag}>`));
    if (loading.size === 0) void warmSchemas();
    pending = define().catch((error: unknown) => {
      loading.delete(tag);
      console.error(`[shequ-kit] could not load <${tag}>`, error);
    });
    loading.set(tag, pending);
  }
  return pending;
}

const selector = tags.join(',');
const watched = new WeakSet<Node>();
const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }
});

/** Loads every tag of ours in `root`, then watches the shadow roots they render. */
function discover(root: Element | Document | ShadowRoot): void {
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && defines.has(root.localName)) found.push(root);
  for (const element of found) {
    void load(element.localName).then(() => watch(element.shadowRoot));
  }
}

function watch(root: Document | ShadowRoot | null): void {
  if (!root || watched.has(root)) return;
  watched.add(root);
  observer.observe(root, { childList: true, subtree: true });
  discover(root);
}

// A second copy of the loader (two CMS plugins, two versions) leaves the page to the first.
if (claimPage()) watch(document);
