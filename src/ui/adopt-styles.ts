import {
  adoptStyles,
  supportsAdoptingStyleSheets,
  type CSSResult,
  type ReactiveElement,
} from 'lit';

/**
 * Adds the styles of a view that loads after the first render (a css`` literal is never
 * tree-shaken, so it lives in that view's chunk), after the element's own. Call once per
 * view, when its module has loaded; views added earlier are kept.
 */
export function adoptLater(host: ReactiveElement, styles: CSSResult[]): void {
  const own = (host.constructor as typeof ReactiveElement).elementStyles;
  // Every view added so far stays (a desk's list, then its case view).
  const later = [...(added.get(host) ?? []), ...styles];
  added.set(host, later);
  // adoptedStyleSheets is replaced as a whole; the <style> fallback appends.
  adoptStyles(
    host.renderRoot as ShadowRoot,
    supportsAdoptingStyleSheets ? [...own, ...later] : styles,
  );
}

const added = new WeakMap<ReactiveElement, CSSResult[]>();
