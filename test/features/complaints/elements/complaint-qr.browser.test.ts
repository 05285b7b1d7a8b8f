import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/complaint-qr.js';
import '../../../../src/define/provider.js';
import {
  encodeQr,
  prefillUrl,
  type SqComplaintQr,
} from '../../../../src/features/complaints/elements/complaint-qr/index.js';
import { demoCommunities } from '../../../../src/features/core/demo.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

const embedded = (): Client => createClient({ embedded: { persistence: false } });
const BASE = 'https://sq.example.org/shuoshi';

interface Place {
  community?: string;
  grid?: string;
  building?: string;
  unit?: string;
  category?: string;
  base?: string;
  printable?: boolean;
  lang?: string;
}

async function mount(client: Client, p: Place = {}) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${p.lang ?? 'zh-CN'}>
      <sq-complaint-qr
        .community=${p.community ?? 'xingfuli'}
        .grid=${p.grid}
        .building=${p.building}
        .unit=${p.unit}
        .category=${p.category}
        .base=${p.base ?? BASE}
        ?printable=${p.printable}
      ></sq-complaint-qr>
    </sq-provider>`,
  );
  const el = provider.querySelector('sq-complaint-qr')!;
  await waitUntil(() => el.shadowRoot!.querySelector('figure, [role=alert]'), 'first render', {
    timeout: 5000,
  });
  return el;
}

const placeShown = (el: SqComplaintQr) =>
  waitUntil(() => el.shadowRoot!.querySelector('.place[aria-busy=false]'), 'place name', {
    timeout: 5000,
  });
const $ = (el: SqComplaintQr, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);

const B2 = { grid: 'xfl-g1', building: 'xfl-g1-b2' };

describe('sq-complaint-qr', () => {
  it('loads English on demand', async () => {
    const el = await mount(embedded(), { ...B2, lang: 'en' });
    await placeShown(el);
    expect($(el, '.caption')!.textContent).to.equal('Scan to report');
    expect($(el, '.place')!.textContent!.trim()).to.equal(
      'Xingfuli Community\u00a0· Grid 1\u00a0· Building 2',
    );
    // Each level kept whole on its line ("Grid" / "1" apart before), its · with it.
    const levels = [...el.shadowRoot!.querySelectorAll('.place span')];
    expect(levels.map((s) => s.textContent)).to.deep.equal([
      'Xingfuli Community\u00a0·',
      'Grid 1\u00a0·',
      'Building 2',
    ]);
    expect(getComputedStyle(levels[1]!).display).to.equal('inline-block');
  });

  it('encodes the prefill link of the building, names the place, and captions 扫码说事', async () => {
    const el = await mount(embedded(), { ...B2, category: 'noise' });
    await placeShown(el);
    const url = prefillUrl(BASE, { community: 'xingfuli', ...B2, category: 'noise' });
    expect(el.url).to.equal(url);
    expect($(el, '[part=link] span')!.textContent).to.equal(url);
    expect($(el, '.caption')!.textContent).to.equal('扫码说事');
    expect($(el, '.place')!.textContent!.trim()).to.equal(
      '幸福里社区\u00a0· 第一网格\u00a0· 2号楼',
    );
    expect($(el, '.category')!.textContent).to.equal('噪音扰民');
    const qr = $(el, 'svg[part=qr]')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal('说事二维码：幸福里社区 · 第一网格 · 2号楼');
  });

  it('draws exactly the modules of the code for the data, with a 4-module quiet zone', async () => {
    const el = await mount(embedded(), { ...B2, unit: 'xfl-g1-b2-u3' });
    const code = encodeQr(el.url!);
    const side = code.size + 8;
    const svg = $(el, 'svg[part=qr]')!;
    expect(svg.getAttribute('viewBox')).to.equal(`-4 -4 ${side} ${side}`);
    expect((code.size - 17) % 4).to.equal(0);
    // Every module's centre is inside the drawn path exactly when the module is dark.
    const d = svg.querySelector('path')!.getAttribute('d')!;
    const ctx = document.createElement('canvas').getContext('2d')!;
    const path = new Path2D(d);
    let dark = 0;
    for (let y = -4; y < code.size + 4; y++) {
      for (let x = -4; x < code.size + 4; x++) {
        const inside = ctx.isPointInPath(path, x + 0.5, y + 0.5, 'nonzero');
        expect(inside, `module ${x},${y}`).to.equal(code.get(x, y));
        if (inside) dark++;
      }
    }
    expect(dark).to.be.greaterThan(code.size * 2);
    // No HTML was parsed into the shadow root: the SVG came from a template.
    expect(svg.namespaceURI).to.equal('http://www.w3.org/2000/svg');
  });

  it('resolves a relative base against the page, and defaults to this page without its query', async () => {
    const el = await mount(embedded(), { base: 'form.html?x=1' });
    expect(el.url).to.equal(new URL('form.html?x=1&community=xingfuli', document.baseURI).href);
    el.base = undefined;
    await el.updateComplete;
    const here = new URL(location.href);
    here.search = '';
    here.hash = '';
    expect(el.url).to.equal(`${here.href}?community=xingfuli`);
  });

  it('makes no code for a bad id or a level without its parent, and says why', async () => {
    const bad = await mount(embedded(), { grid: 'x&y=1' });
    expect($(bad, '[role=alert]')!.textContent).to.contain('网格编号不正确');
    // It says what an id may hold.
    expect($(bad, '[role=alert]')!.textContent).to.contain('只能用字母、数字、- 和 _');
    expect($(bad, 'svg')).to.equal(null);
    expect(bad.url).to.equal(undefined);
    const orphan = await mount(embedded(), { unit: 'xfl-g1-b2-u3' });
    expect($(orphan, '[role=alert]')!.textContent).to.contain('设置单元前请先设置楼栋');
    const script = await mount(embedded(), { base: 'javascript:alert(1)' });
    expect($(script, '[role=alert]')!.textContent).to.contain('http://');
  });

  it('makes no code for a place the community no longer has', async () => {
    const el = await mount(embedded(), { grid: 'xfl-g1', building: 'demolished' });
    await waitUntil(() => $(el, '[role=alert]'), 'stale alert');
    expect($(el, '[role=alert]')!.textContent).to.contain('这个楼栋已不在社区名单里');
    expect($(el, 'svg')).to.equal(null);
    const category = await mount(embedded(), { category: 'no-such' });
    await waitUntil(() => $(category, '[role=alert]'), 'category alert');
    expect($(category, '[role=alert]')!.textContent).to.contain('问题类型');
  });

  it('still shows the code when the community cannot be loaded, with a retry', async () => {
    const client = createClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      retry: { attempts: 1 },
      outbox: false,
    });
    const el = await mount(client, B2);
    await waitUntil(() => $(el, '[role=alert] button'), 'load failure', { timeout: 8000 });
    expect($(el, '[role=alert]')!.textContent).to.contain('无法读取社区信息');
    expect($(el, 'svg[part=qr]')).not.to.equal(null);
    expect($(el, '.place')!.textContent!.trim()).to.equal('xingfuli');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('renders hostile place names as inert text', async () => {
    const store = createMemoryStore();
    const base = structuredClone(demoCommunities[0]!);
    await store.communities.put({
      ...base,
      name: XSS_PAYLOADS[1],
      grids: [
        {
          id: 'g',
          name: XSS_PAYLOADS[0],
          buildings: [{ id: 'b', name: XSS_PAYLOADS[2], units: [] }],
        },
      ],
    });
    const el = await mount(createClient({ embedded: { store, seed: false } }), {
      community: base.id,
      grid: 'g',
      building: 'b',
    });
    await placeShown(el);
    expect(el.shadowRoot!.querySelectorAll('svg').length).to.equal(1);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect($(el, '.place')!.textContent).to.contain('<img src=x');
  });

  it('is a poster when printable: title, steps, and print CSS for A4 or A5', async () => {
    const el = await mount(embedded(), { ...B2, printable: true });
    await placeShown(el);
    expect($(el, '.title')!.textContent).to.equal('居民说事');
    expect(el.shadowRoot!.querySelectorAll('.steps li').length).to.equal(3);
    expect($(el, 'button.print')!.textContent!.trim()).to.equal('打印海报');
    await emulateMedia({ media: 'print' });
    try {
      const mm = 96 / 25.4;
      const qr = $(el, 'svg[part=qr]')!.getBoundingClientRect();
      expect(qr.width).to.be.closeTo(120 * mm, 2);
      expect($(el, 'button.print')!.offsetParent).to.equal(null);
      expect(getComputedStyle(el).breakAfter).to.equal('page');
      el.paper = 'a5';
      await el.updateComplete;
      expect($(el, 'svg[part=qr]')!.getBoundingClientRect().width).to.be.closeTo(66 * mm, 2);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  for (const care of [false, true]) {
    it(`is axe-clean with ${care ? '60' : '44'}px targets (${care ? 'care' : 'default'} mode)`, async () => {
      for (const printable of [false, true]) {
        const el = await mount(embedded(), { ...B2, printable });
        el.care = care;
        await placeShown(el);
        await el.updateComplete;
        await expect(el).to.be.accessible();
        expect(await axeViolations(el)).to.deep.equal([]);
        expect(smallTargets(el, care ? 60 : 44)).to.deep.equal([]);
        const body = parseFloat(getComputedStyle($(el, '.place')!).fontSize);
        expect(body).to.be.at.least(care ? 18 : 16);
        if (care)
          expect(parseFloat(getComputedStyle($(el, '.caption')!).fontSize)).to.be.at.least(30);
      }
    });
  }

  it('fits 320px at 200% text size', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const el = await mount(embedded(), {
        ...B2,
        unit: 'xfl-g1-b2-u3',
        printable: true,
        lang: 'en',
      });
      await placeShown(el);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
  });
});
