/**
 * Design tokens, written once here and injected into the document as custom properties inside
 * `@layer sq`, so any plain CSS of the host page wins. Three tiers: reference (raw palette),
 * system (roles; what components use), component (`--sq-<element>-*`, in each element's
 * styles, defaulting to system tokens). Care mode (关怀模式) swaps the `care` set in.
 */
const referenceTokens = {
  'ref-red-50': '#fdf1f1',
  'ref-red-600': '#c8161d', // 党建红: 5.85:1 on white
  'ref-red-700': '#a3121a',
  'ref-red-800': '#7f0e14',
  'ref-blue-700': '#1d5fb4', // 法治蓝; focus ring
  'ref-green-700': '#1b6e37',
  'ref-amber-800': '#7a4f00',
  'ref-gray-0': '#ffffff',
  'ref-gray-50': '#f6f7f8',
  'ref-gray-100': '#eceef1',
  'ref-gray-500': '#6a7079', // borders: 4.9:1 on white (non-text needs 3:1)
  'ref-gray-700': '#41464e', // secondary text: 9.6:1
  'ref-gray-900': '#1c1e22',
} as const;

const systemTokens = {
  'color-primary': 'var(--sq-ref-red-600)',
  'color-primary-hover': 'var(--sq-ref-red-700)',
  'color-primary-subtle': 'var(--sq-ref-red-50)',
  'color-on-primary': 'var(--sq-ref-gray-0)',
  'color-text': 'var(--sq-ref-gray-900)',
  'color-text-muted': 'var(--sq-ref-gray-700)',
  'color-surface': 'var(--sq-ref-gray-0)',
  'color-surface-raised': 'var(--sq-ref-gray-50)',
  'color-surface-disabled': 'var(--sq-ref-gray-100)',
  'color-border': 'var(--sq-ref-gray-500)',
  'color-danger': 'var(--sq-ref-red-800)',
  'color-success': 'var(--sq-ref-green-700)',
  'color-warning': 'var(--sq-ref-amber-800)',
  'color-focus': 'var(--sq-ref-blue-700)',
  // One status scale for every badge (AA on white and on the raised surface).
  'status-new': 'var(--sq-ref-blue-700)', // 待受理, 待核实, 待认领
  'status-progress': 'var(--sq-ref-amber-800)', // 已分派, 处理中, 已认领
  'status-done': 'var(--sq-ref-green-700)', // 已办结, 已评价, 已完成
  'status-overdue': 'var(--sq-ref-red-600)', // 已超期
  'status-rejected': 'var(--sq-ref-gray-700)', // 已退回, 已驳回, 已撤回
  'font-family':
    'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  'font-size-body': '1rem',
  // Tags, badges, times, "必填": 16px like body text (14px was too small for elders, who
  // seldom turn on care mode). Kept as a token so a theme can still set it.
  'font-size-small': '1rem',
  'font-size-heading': '1.25rem',
  'font-size-key': '1.5rem',
  'line-height': '1.5',
  'target-size': '2.75rem', // 44px
  'space-1': '0.25rem',
  'space-2': '0.5rem',
  'space-3': '0.75rem',
  'space-4': '1rem',
  'space-5': '1.5rem',
  radius: '0.5rem',
  'border-width': '1px',
  'focus-ring': '3px solid var(--sq-color-focus)',
} as const;

/** 关怀模式 (MIIT 适老化): body ≥ 18px, key text ≥ 30px, targets ≥ 60×60px, line height ≥ 1.5. */
const careTokens = {
  'font-size-body': '1.125rem',
  'font-size-small': '1.125rem',
  'font-size-heading': '1.875rem',
  'font-size-key': '1.875rem',
  'line-height': '1.6',
  'target-size': '3.75rem',
  'border-width': '2px',
} as const satisfies Partial<Record<keyof typeof systemTokens, string>>;

const declarations = (tokens: Record<string, string>, prefix = '--sq-') =>
  Object.entries(tokens)
    .map(([name, value]) => `${prefix}${name}:${value};`)
    .join('');

/**
 * The document's token sheet. `[data-sq-care]` on <html>, a provider or an element switches
 * its subtree to care sizes; they come from `--sq-care-*`, so a page can tune care mode alone.
 */
function tokensCss(layered: boolean): string {
  const care = Object.keys(careTokens)
    .map((name) => `--sq-${name}:var(--sq-care-${name});`)
    .join('');
  const body =
    `:root{${declarations(referenceTokens)}${declarations(systemTokens)}` +
    `${declarations(careTokens, '--sq-care-')}}` +
    `[data-sq-care]{${care}}`;
  return layered ? `@layer sq{${body}}` : body;
}

const injected = new WeakSet<Document>();

/**
 * Puts the token sheet into `doc` once. Constructable sheets where available (strict-CSP safe);
 * else a <style> carrying Lit's nonce. Browsers without @layer (Chromium < 99, e.g. older
 * WeChat XWeb) get it unlayered, first in <head>, so page CSS after it still wins.
 */
export function ensureDocumentTokens(doc: Document = document): void {
  if (injected.has(doc)) return;
  injected.add(doc);
  const view = doc.defaultView ?? globalThis;
  const layered = 'CSSLayerBlockRule' in view;
  const css = tokensCss(layered);
  if ('adoptedStyleSheets' in doc && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
    return;
  }
  const style = doc.createElement('style');
  style.dataset.sqTokens = '';
  const nonce = (view as { litNonce?: string }).litNonce;
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  doc.head.prepend(style);
}

/** A step of the status scale (`--sq-status-*`): a badge says it with `data-tone`. */
export type StatusTone = 'new' | 'progress' | 'done' | 'overdue' | 'rejected';
