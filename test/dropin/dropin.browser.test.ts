/**
 * The drop-in as a page gets it: `dist/cdn/shequ-kit.js` (built by `npm run build`, which
 * `npm test` runs before the browser tests) is a loader that knows every tag and loads an
 * element's chunk when its tag appears, in the document or in a shadow root of ours; its
 * chunks — English strings, the embedded transport, the virtualizer — load and run where
 * needed. Catches what source-level tests cannot: chunking that breaks module order, a chunk
 * URL resolved against the page instead of the bundle, a tag the loader does not know.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

const LOADER = '/dist/cdn/shequ-kit.js';

interface Manifest {
  modules: { declarations?: { tagName?: string }[] }[];
}
interface Loader {
  tags: string[];
  load(tag: string): Promise<unknown>;
  loadSdk(): Promise<{ createClient: unknown; ApiError: unknown; i18n: unknown }>;
  loadLocale(lang: string): Promise<Record<string, Record<string, unknown>>>;
}

describe('the drop-in loader', () => {
  let loader: Loader;
  let tags: string[];
  const warnings: unknown[][] = [];
  let warn: typeof console.warn;
  before(async function () {
    this.timeout(30_000);
    warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args);
    };
    loader = (await import(/* @vite-ignore */ LOADER)) as Loader;
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    tags = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .flatMap((d) => (d.tagName ? [d.tagName] : []))
      .sort();
  });
  after(() => {
    console.warn = warn;
  });

  it('knows every element of custom-elements.json and defines none before it appears', () => {
    expect(tags.length).to.be.greaterThan(10);
    expect(loader.tags).to.deep.equal(tags);
    for (const tag of tags) expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('reaches createClient and the locales', async () => {
    const sdk = await loader.loadSdk();
    expect(sdk.createClient).to.be.a('function');
    expect(sdk.ApiError).to.be.a('function');
    const en = await loader.loadLocale('en');
    expect(en.common).to.be.an('object');
    const zh = await loader.loadLocale('zh-CN');
    expect(zh.common).to.be.an('object');
  });

  it('defines a tag that appears and runs it on the embedded transport, in English', async () => {
    const form = await fixture<HTMLElement>(
      html`<sq-complaint-form community="xingfuli" lang="en"></sq-complaint-form>`,
    );
    await waitUntil(
      () => (form.shadowRoot?.querySelector('select')?.options.length ?? 0) > 1,
      'categories from the embedded transport',
      { timeout: 20_000 },
    );
    expect(form.shadowRoot!.textContent).to.include('Type of concern');
    // Only what the page uses: the form and the picker it renders, not the staff desk.
    expect(customElements.get('sq-complaint-desk')).to.equal(undefined);
  });

  it('fetches a chunk’s imports beside it, from the bundle’s place (not the page’s)', async () => {
    const preloads = () =>
      [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map(
        (link) => link.href,
      );
    const before = new Set(preloads());
    await loader.load('sq-complaint-qr');
    const added = preloads().filter((href) => !before.has(href));
    expect(added.length).to.be.greaterThan(0);
    const bundle = new URL('/dist/cdn/chunks/', location.href).href;
    for (const href of added) expect(href.startsWith(bundle), href).to.equal(true);
    // Each names a chunk the bundle has (none a 404 the import would then repeat).
    const statuses = await Promise.all(added.map(async (href) => (await fetch(href)).status));
    expect(statuses.every((status) => status === 200)).to.equal(true);
    // One link per chunk however many imports ask for it.
    expect(new Set(preloads()).size).to.equal(preloads().length);
  });

  it('defines a tag that appears in the shadow root of one of ours', async () => {
    const tracker = await fixture<HTMLElement>(
      html`<sq-wish-tracker community="xingfuli"></sq-wish-tracker>`,
    );
    await waitUntil(() => customElements.get('sq-wish-tracker'), 'the tracker', {
      timeout: 20_000,
    });
    await waitUntil(() => tracker.shadowRoot, 'its shadow root');
    expect(customElements.get('sq-complaint-metrics')).to.equal(undefined);
    tracker.shadowRoot!.append(document.createElement('sq-complaint-metrics'));
    await waitUntil(() => customElements.get('sq-complaint-metrics'), 'the metrics', {
      timeout: 20_000,
    });
  });

  it('warns once in total when loaded again, and leaves the page to the first copy', async () => {
    const before = warnings.length;
    await import(/* @vite-ignore */ `${LOADER}?copy=2`);
    await import(/* @vite-ignore */ `${LOADER}?copy=3`);
    const ours = warnings.slice(before).filter((w) => String(w[0]).includes('drop-in loader'));
    expect(ours).to.have.length(1);
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
    await waitUntil(() => customElements.get('sq-wish-wall'), 'the wall', { timeout: 20_000 });
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
