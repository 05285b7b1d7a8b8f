/**
 * The drop-in bundle as a page gets it: `dist/cdn/shequ-kit.js` (built by `npm run build`,
 * which `npm test` runs before the browser tests) registers every element, and its chunks —
 * English strings, the embedded transport, the virtualizer — load and run where they are
 * needed. Catches what source-level tests cannot: chunking that breaks module order, a chunk
 * URL resolved against the page instead of the bundle, an element missing from src/index.ts.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

const BUNDLE = '/dist/cdn/shequ-kit.js';

interface Manifest {
  modules: { declarations?: { tagName?: string }[] }[];
}

describe('the drop-in bundle', () => {
  let api: Record<string, unknown>;
  let tags: string[];
  before(async function () {
    this.timeout(30_000);
    api = (await import(/* @vite-ignore */ BUNDLE)) as Record<string, unknown>;
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    tags = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .flatMap((d) => (d.tagName ? [d.tagName] : []));
  });

  it('registers every element of custom-elements.json and exports the client', () => {
    expect(tags.length).to.be.greaterThan(10);
    for (const tag of tags) expect(customElements.get(tag), tag).to.be.a('function');
    expect(api.createClient).to.be.a('function');
  });

  it('runs an element on the embedded transport (its chunk) and in English (its chunk)', async () => {
    const form = await fixture<HTMLElement>(
      html`<sq-complaint-form community="xingfuli" lang="en"></sq-complaint-form>`,
    );
    await waitUntil(
      () => (form.shadowRoot?.querySelector('select')?.options.length ?? 0) > 1,
      'categories from the embedded transport',
      { timeout: 20_000 },
    );
    expect(form.shadowRoot!.textContent).to.include('Type of concern');
  });

  // The virtualizer's ResizeObserver may report "loop completed with undelivered
  // notifications" (harmless, lit/lit#3154); mocha would count it as a failure.
  let onerror: OnErrorEventHandler;
  before(() => {
    onerror = window.onerror;
    window.onerror = (message, ...rest) =>
      String(message).includes('ResizeObserver loop') ? true : onerror?.(message, ...rest);
  });
  after(() => {
    window.onerror = onerror;
  });

  it('loads the virtualizer for a wall of more than 100 wishes', async () => {
    const wall = await fixture<HTMLElement & { items: unknown[] }>(
      html`<sq-wish-wall community="xingfuli"></sq-wish-wall>`,
    );
    wall.items = Array.from({ length: 150 }, (_, i) => ({
      id: `W${String(i).padStart(25, '0')}`,
      title: `心愿 ${i}`,
      story: '给社区的老人送一台取暖器。',
      category: 'daily',
      wisherName: '王*',
      status: 'open',
      createdAt: '2026-11-01T02:00:00.000Z',
    }));
    await waitUntil(
      () => (wall.shadowRoot?.textContent ?? '').includes('心愿 0'),
      'the first card',
      { timeout: 20_000 },
    );
    // Virtualized: far fewer cards in the DOM than wishes.
    const rendered = (wall.shadowRoot!.textContent ?? '').match(/心愿 \d+/g) ?? [];
    expect(rendered.length).to.be.greaterThan(0).and.lessThan(150);
  });
});
