import {
  adoptStyles,
  supportsAdoptingStyleSheets,
  type CSSResult,
  type ReactiveElement,
} from 'lit';

/**
 * Adds the styles of a view that loads after the first render (a css`` literal is never
 * tree-shaken, so it lives in that view's chunk), after the element's own. Call once per
 * element, when the view's module has loaded.
 */
export function adoptLater(host: ReactiveElement, styles: CSSResult[]): void {
  const own = (host.constructor as typeof ReactiveElement).elementStyles;
  // adoptedStyleSheets is replaced as a whole; the <style> fallback appends.
  adoptStyles(
    host.renderRoot as ShadowRoot,
    supportsAdoptingStyleSheets ? [...own, ...styles] : styles,
  );
}
