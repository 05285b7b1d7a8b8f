/**
 * Helpers shared by the Foundations stories: one constructable stylesheet for their tables and
 * panels (no inline style attributes), and probes that measure tokens in default and care mode.
 */
import { ensureDocumentTokens } from '../../src/ui/tokens.js';

const css = `
.sq-doc { font-family: var(--sq-font-family, system-ui, sans-serif); color: var(--sq-color-text, #1c1e22);
  line-height: 1.5; max-width: 72rem; }
.sq-doc h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
.sq-doc p { max-width: 48rem; }
.sq-doc table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
.sq-doc th, .sq-doc td { text-align: start; vertical-align: middle; padding: 0.375rem 0.5rem;
  border-bottom: 1px solid #d5d8dc; }
.sq-doc th { background: #f6f7f8; position: sticky; top: 0; }
.sq-doc code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8125rem; }
.sq-doc .swatch { inline-size: 2.5rem; block-size: 1.5rem; border: 1px solid #6a7079; border-radius: 4px; }
.sq-doc .bar { block-size: 0.75rem; background: #1d5fb4; border-radius: 2px; max-inline-size: 12rem; }
.sq-doc .box { background: #eceef1; border: 1px dashed #41464e; }
.sq-doc .changed { font-weight: 600; }
.sq-doc .missing { color: #7f0e14; font-weight: 600; }
.sq-doc .panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1rem; }
.sq-doc .panel { border: 1px solid #d5d8dc; border-radius: 8px; padding: 1rem; }
.sq-doc .panel > h3 { margin: 0 0 0.75rem; font-size: 1rem; }
.sq-doc .sample-body { font-size: var(--sq-font-size-body); line-height: var(--sq-line-height); margin: 0 0 0.5rem; }
.sq-doc .sample-heading { font-size: var(--sq-font-size-heading); margin: 0 0 0.5rem; line-height: 1.3; }
.sq-doc .sample-key { font-size: var(--sq-font-size-key); font-weight: 700; margin: 0 0 0.5rem; }
.sq-doc .sample-target { inline-size: var(--sq-target-size); block-size: var(--sq-target-size);
  display: grid; place-items: center; background: var(--sq-color-primary); color: var(--sq-color-on-primary);
  border-radius: var(--sq-radius); font-size: var(--sq-font-size-body); margin-block: 0.5rem; }
`;

let adopted = false;

/** Injects the design tokens and the Foundations stylesheet into the document, once. */
export function prepareFoundations(): void {
  ensureDocumentTokens(document);
  if (adopted) return;
  adopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** Every `--sq-*` custom property the document declares (stylesheets and computed style). */
export function documentTokenNames(): string[] {
  const names = new Set<string>();
  const computed = getComputedStyle(document.documentElement);
  for (let i = 0; i < computed.length; i++) {
    const name = computed.item(i);
    if (name.startsWith('--sq-')) names.add(name);
  }
  const visit = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) {
        for (let i = 0; i < rule.style.length; i++) {
          const name = rule.style.item(i);
          if (name.startsWith('--sq-')) names.add(name);
        }
      }
      if ('cssRules' in rule && rule.cssRules) visit(rule.cssRules as CSSRuleList);
    }
  };
  for (const sheet of [...Array.from(document.styleSheets), ...document.adoptedStyleSheets]) {
    try {
      visit(sheet.cssRules);
    } catch {
      // A cross-origin stylesheet: not ours.
    }
  }
  return [...names].sort();
}

/**
 * Runs `read` against a probe element attached to <body>, with care mode on or off on the
 * probe (the token sheet swaps care values in for `[data-sq-care]` and everything inside).
 */
export function probe<T>(care: boolean, read: (el: HTMLElement) => T, className = ''): T {
  const el = document.createElement('div');
  el.className = ['sq-doc', className].filter(Boolean).join(' ');
  el.toggleAttribute('data-sq-care', care);
  el.setAttribute('aria-hidden', 'true');
  el.hidden = false;
  document.body.append(el);
  try {
    return read(el);
  } finally {
    el.remove();
  }
}

/** A token's computed value, default or care mode. */
export function tokenValue(name: string, care: boolean): string {
  return probe(care, (el) => getComputedStyle(el).getPropertyValue(name).trim());
}

/** Computed px of a CSS property on an element with the given sample class. */
export function measure(
  care: boolean,
  className: string,
  property: 'font-size' | 'height' | 'width' | 'line-height',
): number {
  return probe(care, (el) => {
    const inner = document.createElement('div');
    inner.className = className;
    inner.textContent = '社区';
    el.append(inner);
    const style = getComputedStyle(inner);
    const value =
      property === 'line-height'
        ? parseFloat(style.lineHeight) / parseFloat(style.fontSize)
        : parseFloat(style.getPropertyValue(property));
    return Math.round(value * 100) / 100;
  });
}
