/** Nested strings of one namespace in one language. */
export interface Strings {
  [key: string]: string | Strings;
}

/** Loads one language's strings of one namespace (a dynamic import of a locale module). */
export type StringsLoader = () => Promise<{ default: Strings }>;

export interface TranslateOptions {
  lng?: string;
  /** Namespaces searched in order when the key has no `ns:` prefix. */
  ns?: string | readonly string[];
  /** Picks `<key>_<plural category>` (Intl.PluralRules) when such a key exists. */
  count?: number;
  /** Values for `{{name}}` placeholders. */
  [placeholder: string]: unknown;
}

const isStrings = (value: unknown): value is Strings =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One Intl.PluralRules per language: constructing one costs far more than `select`. */
const plurals = new Map<string, Intl.PluralRules>();
function pluralRules(lng: string): Intl.PluralRules {
  let rules = plurals.get(lng);
  if (!rules) plurals.set(lng, (rules = new Intl.PluralRules(lng)));
  return rules;
}

function merge(target: Strings, source: Strings, overwrite: boolean): Strings {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (isStrings(current) && isStrings(value)) merge(current, value, overwrite);
    else if (overwrite || current === undefined)
      target[key] = isStrings(value) ? merge({}, value, true) : value;
  }
  return target;
}

/**
 * The translator every element shares: namespaced resources per language, `{{placeholder}}`
 * interpolation, plurals by Intl.PluralRules and a fallback language. Its methods are the
 * i18next ones we use (`t`, `addResourceBundle`, `hasResourceBundle`, `getResourceBundle`),
 * with the same meaning, at a fifteenth of the size (see docs/size.md).
 */
export class Translator {
  private readonly _data = new Map<string, Map<string, Strings>>();
  private readonly _loaders = new Map<string, StringsLoader>();
  private readonly _loading = new Map<string, Promise<void>>();

  constructor(readonly fallbackLng: string) {}

  /** Languages that have at least one namespace, loaded or loadable. */
  get languages(): string[] {
    const loadable = [...this._loaders.keys()].map((key) => key.split('\u0000')[0]!);
    return [...new Set([...this._data.keys(), ...loadable])];
  }

  /**
   * Registers where a language's strings of a namespace come from, to be fetched only when an
   * element first needs that language: pages carry their default language's strings alone.
   */
  addLoader(lng: string, ns: string, loader: StringsLoader): this {
    this._loaders.set(`${lng}\u0000${ns}`, loader);
    return this;
  }

  /**
   * Loads the bundles of `namespaces` in `lng` that are missing and have a loader; resolves
   * at once (undefined) when there is nothing to load.
   */
  load(lng: string, namespaces: readonly string[]): Promise<void> | undefined {
    const pending = namespaces
      .filter((ns) => !this.hasResourceBundle(lng, ns))
      .map((ns) => {
        const key = `${lng}\u0000${ns}`;
        const loader = this._loaders.get(key);
        if (!loader) return undefined;
        let promise = this._loading.get(key);
        if (!promise) {
          promise = loader().then(
            (module) => void this.addResourceBundle(lng, ns, module.default),
            // A failed load leaves the fallback language showing; the next update retries.
            () => void this._loading.delete(key),
          );
          this._loading.set(key, promise);
        }
        return promise;
      })
      .filter((p): p is Promise<void> => p !== undefined);
    return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
  }

  /**
   * Adds strings for a language and namespace. With `deep`, merges into what is there; with
   * `overwrite`, the new strings win on conflicts (i18next's argument order).
   */
  addResourceBundle(lng: string, ns: string, resources: Strings, deep = false, overwrite = false) {
    let namespaces = this._data.get(lng);
    if (!namespaces) this._data.set(lng, (namespaces = new Map()));
    const current = namespaces.get(ns);
    if (current && deep) merge(current, resources, overwrite);
    else if (!current || overwrite) namespaces.set(ns, merge({}, resources, true));
    return this;
  }

  hasResourceBundle(lng: string, ns: string): boolean {
    return this._data.get(lng)?.has(ns) ?? false;
  }

  getResourceBundle(lng: string, ns: string): Strings | undefined {
    return this._data.get(lng)?.get(ns);
  }

  /** The string for `key` (`ns:path.to.key` or `path.to.key`); the key itself if none. */
  t(key: string, options: TranslateOptions = {}): string {
    const colon = key.indexOf(':');
    const namespaces = colon > 0 ? [key.slice(0, colon)] : [options.ns ?? []].flat();
    const path = colon > 0 ? key.slice(colon + 1) : key;
    const lngs = [options.lng ?? this.fallbackLng, this.fallbackLng];
    for (const lng of lngs) {
      const plural =
        typeof options.count === 'number'
          ? `${path}_${pluralRules(lng).select(options.count)}`
          : undefined;
      for (const ns of namespaces) {
        const found = (plural && this._lookup(lng, ns, plural)) ?? this._lookup(lng, ns, path);
        if (found !== undefined) return this._interpolate(found, options);
      }
    }
    return key;
  }

  private _lookup(lng: string, ns: string, path: string): string | undefined {
    let node: string | Strings | undefined = this._data.get(lng)?.get(ns);
    for (const part of path.split('.')) node = isStrings(node) ? node[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  }

  private _interpolate(text: string, values: TranslateOptions): string {
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
      values[name] === undefined ? '' : String(values[name]),
    );
  }
}
