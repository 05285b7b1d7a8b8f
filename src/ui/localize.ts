import type { ReactiveController, ReactiveControllerHost } from 'lit';
import zhCNCommon from './locales/zh-CN/common.js';
import {
  Translator,
  type Strings,
  type StringsLoader,
  type TranslateOptions,
} from './translator.js';

export const DEFAULT_LANGUAGE = 'zh-CN';

/**
 * The one translator of shequ-kit, shared by every element. Add a language or change strings
 * with `i18n.addResourceBundle(lang, namespace, strings, deep, overwrite)`.
 */
export const i18n = new Translator(DEFAULT_LANGUAGE);
i18n.addResourceBundle('zh-CN', 'common', zhCNCommon);
i18n.addLoader('en', 'common', () => import('./locales/en/common.js'));

/**
 * The language we have strings for that is closest to a BCP 47 tag: exact (`en`), then its
 * base (`en-GB` → `en`), then any Chinese variant (`zh`, `zh-Hans`, `zh-TW`) → `zh-CN`,
 * then zh-CN, the fallback.
 */
export function resolveLanguage(tag: string | null | undefined): string {
  // Most pages: asked at every element's update, answered without listing the languages.
  if (!tag || tag === DEFAULT_LANGUAGE) return DEFAULT_LANGUAGE;
  const languages = i18n.languages;
  if (languages.includes(tag)) return tag;
  const base = tag.toLowerCase().split('-')[0]!;
  if (base === 'zh') return DEFAULT_LANGUAGE;
  return languages.find((lang) => lang.toLowerCase() === base) ?? DEFAULT_LANGUAGE;
}

/** The element's own `lang`, else the nearest ancestor's (across shadow roots), else <html>'s. */
export function languageOf(element: Element): string {
  // One native `closest` per tree, not a step per ancestor: every element asks at each update.
  for (let node: Element | null = element; node; node = (node.getRootNode() as ShadowRoot).host) {
    const found = node.closest('[lang]:not([lang=""])');
    if (found) return found.getAttribute('lang')!;
  }
  return element.ownerDocument.documentElement.lang;
}

/** An element's strings per language: given (the default language) or loaded on demand. */
export type Resources = Record<string, Strings | StringsLoader>;

/** Locale loads an element waits for before it renders (see SqElement.scheduleUpdate). */
export const pendingStrings = new WeakMap<HTMLElement, Promise<void>>();

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
  private _lang = DEFAULT_LANGUAGE;
  private readonly namespaces: readonly string[];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    namespace: string,
    resources: Resources,
  ) {
    for (const [lang, strings] of Object.entries(resources)) {
      if (typeof strings === 'function') i18n.addLoader(lang, namespace, strings);
      else if (!i18n.hasResourceBundle(lang, namespace)) {
        i18n.addResourceBundle(lang, namespace, strings);
      }
    }
    this.namespaces = [namespace, 'common'];
    host.addController(this);
  }

  get lang(): string {
    return this._lang;
  }

  hostConnected() {
    this._resolve();
    watch(this);
  }

  /** Resolves the language and starts loading its strings if this page has not got them. */
  private _resolve() {
    this._lang = resolveLanguage(languageOf(this.host));
    const loading = i18n.load(this._lang, this.namespaces);
    if (loading) pendingStrings.set(this.host, loading);
    else pendingStrings.delete(this.host);
  }

  hostDisconnected() {
    watchers.delete(this);
  }

  /** Called when any `lang` or care attribute changes: the update re-resolves both. */
  languageChanged() {
    this._resolve();
    this.host.requestUpdate();
  }

  hostUpdate() {
    this._resolve();
  }

  /** A string of the element's namespace (`common:` prefix for shared ones). */
  t(key: string, options?: TranslateOptions): string {
    return i18n.t(key, { ...options, lng: this._lang, ns: this.namespaces });
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this._lang, options).format(value);
  }
}
