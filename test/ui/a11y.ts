/**
 * Accessibility checks shared by every element's browser tests: axe with WCAG 2.2's
 * `target-size` rule switched on, and our own stricter target sizes (44px; 60px in care mode).
 */
import axe from 'axe-core';

export async function axeViolations(context: Element): Promise<string[]> {
  const result = await axe.run(context, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    rules: { 'target-size': { enabled: true } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

const INTERACTIVE =
  'button, select, input:not([type=hidden]), textarea, a[href], [role=button], summary';

/** Every enabled, visible control in the element's shadow root smaller than `min` px. */
export function smallTargets(host: Element, min: number): string[] {
  const root = host.shadowRoot ?? host;
  return [...root.querySelectorAll<HTMLElement>(INTERACTIVE)]
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({ el, rect: el.getBoundingClientRect() }))
    .filter(({ rect }) => rect.width + 0.5 < min || rect.height + 0.5 < min)
    .map(({ el, rect }) => `${el.localName}#${el.id}: ${rect.width}×${rect.height}`);
}

export const XSS_PAYLOADS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 1">',
  '<svg onload="window.__xss = 1"></svg>',
  '"><img src=x onerror=window.__xss=1>',
  'javascript:window.__xss=1',
] as const;
