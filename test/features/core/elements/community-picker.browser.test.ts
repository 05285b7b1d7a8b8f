import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/community-picker.js';
import '../../../../src/define/provider.js';
import { SqCommunityPicker } from '../../../../src/features/core/elements/community-picker/index.js';
import { demoCommunities } from '../../../../src/features/core/demo.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

const embedded = (): Client => createClient({ embedded: { persistence: false } });

async function mount(client: Client, lang = 'zh-CN') {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${lang}>
      <sq-community-picker></sq-community-picker>
    </sq-provider>`,
  );
  const picker = provider.querySelector('sq-community-picker')!;
  await waitUntil(() => select(picker, 'community').options.length > 1, 'communities load');
  return picker;
}

// Until its language's strings arrive (English loads on demand) the picker has not rendered.
const select = (picker: SqCommunityPicker, level: string) =>
  picker.shadowRoot!.querySelector<HTMLSelectElement>(`#${level}`) ??
  document.createElement('select');

async function choose(picker: SqCommunityPicker, level: string, value: string) {
  const el = select(picker, level);
  el.value = value;
  el.dispatchEvent(new Event('change'));
  await picker.updateComplete;
}

const loaded = (picker: SqCommunityPicker, level: string) =>
  waitUntil(
    () => select(picker, level).options.length > 1 && !select(picker, level).disabled,
    `${level} options`,
  );

describe('sq-community-picker', () => {
  // First in the file: English is not loaded yet in this page.
  it('loads English on demand and renders it from the first paint, never the fallback first', async () => {
    const provider = await fixture<HTMLElement>(
      html`<sq-provider .client=${embedded()} lang="en">
        <sq-community-picker></sq-community-picker>
      </sq-provider>`,
    );
    const picker = provider.querySelector('sq-community-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('legend'), 'first render');
    expect(picker.shadowRoot!.querySelector('legend')!.textContent).to.contain('Location');
  });

  it('offers 社区 → 网格 → 楼栋 → 单元, each with a visible label, and reports the value', async () => {
    const picker = await mount(embedded());
    const labels = [...picker.shadowRoot!.querySelectorAll('label')].map((l) =>
      l.textContent?.trim(),
    );
    expect(labels).to.deep.equal(['社区', '网格', '楼栋', '单元']);
    expect(select(picker, 'grid').disabled).to.equal(true);

    const changed = oneEvent(picker, 'change');
    await choose(picker, 'community', 'xingfuli');
    await changed;
    await loaded(picker, 'grid');
    await choose(picker, 'grid', 'xfl-g1');
    await choose(picker, 'building', 'xfl-g1-b2');
    await choose(picker, 'unit', 'xfl-g1-b2-u3');
    expect(picker.value).to.deep.equal({
      community: 'xingfuli',
      grid: 'xfl-g1',
      building: 'xfl-g1-b2',
      unit: 'xfl-g1-b2-u3',
    });
    const summary = picker.shadowRoot!.querySelector('[part=summary]')!;
    expect(summary.textContent).to.contain('幸福里社区 · 第一网格 · 2号楼 · 3单元');
  });

  it('clears the finer levels when a coarser one changes', async () => {
    const picker = await mount(embedded());
    await choose(picker, 'community', 'xingfuli');
    await loaded(picker, 'grid');
    await choose(picker, 'grid', 'xfl-g1');
    await choose(picker, 'building', 'xfl-g1-b2');
    await choose(picker, 'grid', 'xfl-g2');
    expect(picker.value).to.deep.equal({ community: 'xingfuli', grid: 'xfl-g2' });
    expect(select(picker, 'unit').disabled).to.equal(true);
  });

  it('can be completed with the keyboard alone', async () => {
    const picker = await mount(embedded());
    const before = document.createElement('button');
    before.textContent = 'before';
    picker.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(picker.shadowRoot!.activeElement?.id).to.equal('community');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => picker.communityId !== undefined, 'community chosen by keyboard');
    await loaded(picker, 'grid');
    await sendKeys({ press: 'Tab' });
    expect(picker.shadowRoot!.activeElement?.id).to.equal('grid');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => picker.grid !== undefined, 'grid chosen by keyboard');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => picker.value?.unit !== undefined, 'unit chosen by keyboard');
  });

  it('takes a prefill from attributes (说事二维码) and drops a stale id with a notice', async () => {
    const client = embedded();
    const good = await fixture<HTMLElement>(
      html`<sq-provider .client=${client}>
        <sq-community-picker
          community="chunhui"
          grid="ch-g2"
          building="ch-g2-b5"
        ></sq-community-picker>
      </sq-provider>`,
    );
    const picker = good.querySelector('sq-community-picker')!;
    await loaded(picker, 'unit');
    expect(select(picker, 'building').value).to.equal('ch-g2-b5');

    const stale = await fixture<HTMLElement>(
      html`<sq-provider .client=${client}>
        <sq-community-picker community="chunhui" grid="ch-g2" building="gone"></sq-community-picker>
      </sq-provider>`,
    );
    const stalePicker = stale.querySelector('sq-community-picker')!;
    await waitUntil(() => stalePicker.shadowRoot!.querySelector('.notice'), 'stale notice');
    expect(stalePicker.value).to.deep.equal({ community: 'chunhui', grid: 'ch-g2' });
    expect(stalePicker.shadowRoot!.querySelector('.notice')!.textContent).to.contain('楼栋');
  });

  it('takes part in forms: validation with messages, then the form data', async () => {
    const client = embedded();
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <sq-provider .client=${client}>
          <sq-community-picker name="where" required depth="building"></sq-community-picker>
        </sq-provider>
      </form>`,
    );
    const picker = form.querySelector('sq-community-picker')!;
    await waitUntil(() => select(picker, 'community').options.length > 1);
    expect(form.checkValidity()).to.equal(false);
    picker.reportValidity();
    await picker.updateComplete;
    expect(select(picker, 'community').getAttribute('aria-invalid')).to.equal('true');
    const error = picker.shadowRoot!.querySelector('#community-error')!;
    expect(error.textContent).to.contain('请选择社区');
    expect(select(picker, 'community').getAttribute('aria-describedby')).to.equal(
      'community-error',
    );

    await choose(picker, 'community', 'xingfuli');
    await loaded(picker, 'grid');
    await choose(picker, 'grid', 'xfl-g2');
    expect(picker.checkValidity()).to.equal(false);
    await choose(picker, 'building', 'xfl-g2-b4');
    expect(form.checkValidity()).to.equal(true);
    expect([...new FormData(form).entries()]).to.deep.equal([
      ['where.community', 'xingfuli'],
      ['where.grid', 'xfl-g2'],
      ['where.building', 'xfl-g2-b4'],
    ]);
    form.reset();
    await picker.updateComplete;
    expect(picker.value).to.equal(undefined);
  });

  it('says when it cannot load, and retries', async () => {
    const client = createClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      retry: { attempts: 1 },
      outbox: false,
    });
    const provider = await fixture<HTMLElement>(
      html`<sq-provider .client=${client}>
        <sq-community-picker></sq-community-picker>
      </sq-provider>`,
    );
    const picker = provider.querySelector('sq-community-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelector('[role=alert]'), 'alert', {
      timeout: 8000,
    });
    const alert = picker.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('无法加载社区信息');
    expect(alert.textContent).to.contain('网络连接失败');
    expect(alert.querySelector('button')!.textContent!.trim()).to.equal('重试');
    expect(await axeViolations(picker)).to.deep.equal([]);
  });

  it('speaks English when an ancestor says lang="en", and follows changes live', async () => {
    const picker = await mount(embedded(), 'en');
    const legend = () => picker.shadowRoot!.querySelector('legend')!.textContent!;
    expect(legend()).to.contain('Location');
    await choose(picker, 'community', 'xingfuli');
    await loaded(picker, 'grid');
    expect(select(picker, 'grid').options[1]!.textContent!.trim()).to.equal('Grid 1');
    picker.closest('sq-provider')!.setAttribute('lang', 'zh-CN');
    await waitUntil(() => legend().includes('所在位置'), 'switched to Chinese');
    picker.setAttribute('lang', 'en-GB');
    await waitUntil(() => legend().includes('Location'), 'own lang wins');
  });

  it('renders hostile names as inert text', async () => {
    const store = createMemoryStore();
    const base = structuredClone(demoCommunities[0]!);
    await store.communities.put({
      ...base,
      name: XSS_PAYLOADS[1],
      grids: [
        {
          id: 'g',
          name: XSS_PAYLOADS[0],
          buildings: [
            { id: 'b', name: XSS_PAYLOADS[2], units: [{ id: 'u', name: XSS_PAYLOADS[3] }] },
          ],
        },
      ],
    });
    const client = createClient({ embedded: { store, seed: false } });
    const picker = await mount(client);
    await choose(picker, 'community', base.id);
    await loaded(picker, 'grid');
    await choose(picker, 'grid', 'g');
    await choose(picker, 'building', 'b');
    await choose(picker, 'unit', 'u');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const root = picker.shadowRoot!;
    expect(root.querySelector('img, script:not([src]), svg')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    // Spaces inside a place are no-break spaces there (a place is never split across lines).
    const summary = root.querySelector('[part=summary]')!.textContent!.replace(/\u00a0/g, ' ');
    expect(summary).to.contain('<img src=x');
  });

  for (const care of [false, true]) {
    it(`is axe-clean with target-size and has ${care ? '60' : '44'}px targets (${care ? 'care' : 'default'} mode)`, async () => {
      const picker = await mount(embedded());
      if (care) picker.care = true;
      await choose(picker, 'community', 'xingfuli');
      await loaded(picker, 'grid');
      picker.reportValidity();
      await picker.updateComplete;
      expect(picker.hasAttribute('data-sq-care')).to.equal(care);
      await expect(picker).to.be.accessible();
      expect(await axeViolations(picker)).to.deep.equal([]);
      expect(smallTargets(picker, care ? 60 : 44)).to.deep.equal([]);
      const body = parseFloat(getComputedStyle(select(picker, 'community')).fontSize);
      expect(body).to.be.at.least(care ? 18 : 16);
      const legend = parseFloat(
        getComputedStyle(picker.shadowRoot!.querySelector('legend')!).fontSize,
      );
      if (care) expect(legend).to.be.at.least(30);
    });
  }

  it('fits 320px at 200% text size without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const picker = await mount(embedded(), 'en');
      await choose(picker, 'community', 'xingfuli');
      await loaded(picker, 'grid');
      picker.reportValidity();
      await picker.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(picker.getBoundingClientRect().right).to.be.at.most(320);
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('switches to care mode from <html data-sq-care>', async () => {
    const picker = await mount(embedded());
    document.documentElement.setAttribute('data-sq-care', '');
    try {
      await waitUntil(() => picker.hasAttribute('data-sq-care'), 'care on');
      expect(smallTargets(picker, 60)).to.deep.equal([]);
    } finally {
      document.documentElement.removeAttribute('data-sq-care');
    }
    await waitUntil(() => !picker.hasAttribute('data-sq-care'), 'care off');
  });

  it('defines idempotently: a second definition of the tag warns once and never throws', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      SqCommunityPicker.define();
      class Other extends SqCommunityPicker {}
      Other.define();
      Other.define();
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('sq-community-picker')).to.equal(SqCommunityPicker);
    expect(warnings.length).to.equal(1);
    expect(String((warnings[0] as unknown[])[0])).to.contain(
      '<sq-community-picker> is already defined',
    );
  });
});
