import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import zhCNCommon from '../../locales/zh-CN/common.js';
import enCommon from '../../locales/en/common.js';

export const DEFAULT_LANGUAGE = 'zh-CN';

/** The one i18next instance of shequ-kit. Add languages with `i18n.addResourceBundle`. */
export const i18n: I18n = i18next.createInstance();
void i18n.init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: 'common',
  ns: ['common'],
  resources: { 'zh-CN': { common: zhCNCommon }, en: { common: enCommon } },
  initAsync: false,
  // Lit escapes what it renders; escaping here too would show `&lt;` to residents.
  interpolation: { escapeValue: false },
  showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);

/**
 * The language we have strings for that is closest to a BCP 47 tag: exact (`en`), then its
 * base (`en-GB` → `en`), then any Chinese variant (`zh`, `zh-Hans`, `zh-TW`) → `zh-CN`,
 * then zh-CN, the fallback.
 */
export function resolveLanguage(tag: string | null | undefined): string {
  if (!tag) return DEFAULT_LANGUAGE;
  const languages = Object.keys(i18n.store.data);
  if (languages.includes(tag)) return tag;
  const base = tag.toLowerCase().split('-')[0]!;
  if (base === 'zh') return DEFAULT_LANGUAGE;
  return languages.find((lang) => lang.toLowerCase() === base) ?? DEFAULT_LANGUAGE;
}

/** The element's own `lang`, else the nearest ancestor's (across shadow roots), else <html>'s. */
export function languageOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return element.ownerDocument.documentElement.lang;
}

export type Resources = Record<string, Record<string, unknown>>;

interface Watcher {
  languageChanged(): void;
}
const watchers = new Set<Watcher>();
let observer: MutationObserver | undefined;

/** One observer per page for `lang` (and care) attribute changes anywhere in the light DOM. */
function watch(watcher: Watcher) {
  watchers.add(watcher);
  if (!observer) {
    observer = new MutationObserver((records) => {
      // Elements toggle their own data-sq-care; only <html>'s concerns everyone.
      const relevant = records.some(
        (r) => r.attributeName === 'lang' || r.target === document.documentElement,
      );
      if (relevant) watchers.forEach((w) => w.languageChanged());
    });
    observer.observe(document.documentElement, {
      subtree: true,
      attributes: true,
      attributeFilter: ['lang', 'data-sq-care'],
    });
  }
}

/**
 * Gives an element `t()` in its language and namespace and Intl formatters, and re-renders it
 * when its language changes (its own `lang`, an ancestor's, or <html lang>).
 */
export class LocalizeController implements ReactiveController {
  #lang = DEFAULT_LANGUAGE;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly namespace: string,
    resources: Resources,
  ) {
    for (const [lang, strings] of Object.entries(resources)) {
      if (!i18n.hasResourceBundle(lang, namespace)) {
        i18n.addResourceBundle(lang, namespace, strings);
      }
    }
    host.addController(this);
  }

  get lang(): string {
    return this.#lang;
  }

  hostConnected() {
    this.#lang = resolveLanguage(languageOf(this.host));
    watch(this);
  }

  hostDisconnected() {
    watchers.delete(this);
  }

  /** Called when any `lang` or care attribute changes: the update re-resolves both. */
  languageChanged() {
    this.host.requestUpdate();
  }

  hostUpdate() {
    this.#lang = resolveLanguage(languageOf(this.host));
  }

  /** A string of the element's namespace (`common:` prefix for shared ones). */
  t(key: string, options?: TOptions): string {
    return i18n.t(key, { ...options, lng: this.#lang, ns: [this.namespace, 'common'] }) as string;
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.#lang, options).format(value);
  }
}
