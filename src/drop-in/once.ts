const KEY = Symbol.for('shequ-kit.drop-in');

/**
 * True for the first drop-in loader on a page. Another copy (a second URL or version, two CMS
 * plugins) stays idle, since the first already defines every tag; the first such copy warns,
 * so a page that loads it twice or more sees one warning in total.
 */
export function claimPage(scope: Record<symbol, unknown> = globalThis): boolean {
  const state = scope[KEY];
  scope[KEY] = 'warned';
  if (!state) {
    scope[KEY] = 'claimed';
    return true;
  }
  if (state === 'claimed') {
    console.warn(
      '[shequ-kit] the drop-in loader is on this page more than once; the first is used.',
    );
  }
  return false;
}
