import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/redblack-score-sheet.js';
import '../../../../src/define/provider.js';
import type {
  SqRedblackScoreSheet,
  SqScoredEvent,
} from '../../../../src/features/redblack/elements/score-sheet/index.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

/** The demo street (its quarter of scores seeded on the first call) and a staff client. */
function street() {
  const store = createMemoryStore();
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-grid' } });
  return { store, staff };
}

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);
const $$ = (el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const text = (el: Element | null) => (el?.shadowRoot ?? el)!.textContent!.replace(/\s+/g, ' ');

async function mount(client: Client, opts: { lang?: string; care?: boolean } = {}) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${opts.lang ?? 'zh-CN'} community="xingfuli">
      <sq-redblack-score-sheet ?care=${opts.care ?? false}></sq-redblack-score-sheet>
    </sq-provider>`,
  );
  const el = provider.querySelector('sq-redblack-score-sheet')! as SqRedblackScoreSheet;
  await waitUntil(() => $(el, '[part=ranking]'), 'sheet', { timeout: 8000 });
  return el;
}

const card = (el: SqRedblackScoreSheet, building: string) =>
  $(el, `[part=building][data-building=${building}]`)!;

async function type(el: SqRedblackScoreSheet, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** A row read cell by cell, as a screen reader does (no whitespace text between cells). */
const rowText = (r: Element) =>
  [...(r as HTMLTableRowElement).cells]
    .map((c) => c.textContent!.replace(/\s+/g, ' ').trim())
    .join(' ');
const ranking = (el: SqRedblackScoreSheet) => $$(el, '[part=ranking] tbody tr').map(rowText);

describe('<sq-redblack-score-sheet>', () => {
  it('shows the ranking with ties and the suggested candidates, told by text', async () => {
    const el = await mount(street().staff);
    expect(text($(el, '[part=ranking] caption'))).to.contain('已评 6 / 7 栋');
    expect(ranking(el)).to.deep.equal([
      '1 2号楼 47 ★ 建议红榜',
      '2 1号楼 40.5 ★ 建议红榜',
      '2 6号楼 40.5 ★ 建议红榜',
      '4 3号楼 39.5 —',
      '5 4号楼 36 —',
      '6 5号楼 26.5 ▲ 建议黑榜',
      '— 7号楼 未评分 —',
    ]);
    expect(card(el, 'xfl-g2-b5').dataset.suggestion).to.equal('black');
    expect(text(card(el, 'xfl-g2-b5'))).to.contain('总分 26.5 / 50，第 6 名');
    expect($<HTMLInputElement>(el, '#s-xfl-g1-b2-sanitation')!.value).to.equal('9.5');
    expect(text(card(el, 'xfl-g2-b7'))).to.contain('未评分');
    // On its own it offers no drafting (the editor's tab sets `draftable`).
    expect($$(el, '[part=draft]')).to.have.length(0);
  });

  it('says what is wrong at each field, then saves a building and ranks it', async () => {
    const el = await mount(street().staff);
    const b7 = (item: string) => `s-xfl-g2-b7-${item}`;
    await type(el, b7('sanitation'), '11');
    await type(el, b7('hallway-clutter'), '7.3');
    await type(el, b7('dogs'), '9');
    await type(el, b7('waste-sorting'), '8.5');
    card(el, 'xfl-g2-b7').querySelector<HTMLElement>('[part=save]')!.click();
    await el.updateComplete;
    expect(text($(el, `#${b7('sanitation')}-error`))).to.contain('0 到 10');
    expect(text($(el, `#${b7('hallway-clutter')}-error`))).to.contain('半分');
    expect(text($(el, `#${b7('mutual-aid')}-error`))).to.contain('还没打分');
    expect($(el, `#${b7('dogs')}-error`)).to.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal(b7('sanitation'));
    expect($(el, `#${b7('sanitation')}`)!.getAttribute('aria-invalid')).to.equal('true');
    await type(el, b7('sanitation'), '10');
    await type(el, b7('hallway-clutter'), '9.5');
    await type(el, b7('mutual-aid'), '10');
    const scored = oneEvent(el, 'sq-scored') as Promise<SqScoredEvent>;
    card(el, 'xfl-g2-b7').querySelector<HTMLElement>('[part=save]')!.click();
    const { detail } = await scored;
    expect(detail).to.include({ building: 'xfl-g2-b7', total: 47 });
    await waitUntil(() => text($(el, '[part=ranking] caption')).includes('已评 7 / 7 栋'));
    expect(ranking(el).slice(0, 2)).to.deep.equal([
      '1 2号楼 47 ★ 建议红榜',
      '1 7号楼 47 ★ 建议红榜',
    ]);
    expect(text(el)).to.contain('已保存7号楼的评分：总分 47');
  });

  it('re-scores a building: the old scores are kept on record', async () => {
    const el = await mount(street().staff);
    await type(el, 's-xfl-g2-b5-hallway-clutter', '8');
    card(el, 'xfl-g2-b5').querySelector<HTMLElement>('[part=save]')!.click();
    await waitUntil(() => text(card(el, 'xfl-g2-b5')).includes('已重新评分 1 次'));
    expect(text(card(el, 'xfl-g2-b5'))).to.contain('总分 30.5 / 50');
    expect(card(el, 'xfl-g2-b5').dataset.suggestion).to.equal(undefined);
  });

  it('scores with the keyboard alone', async () => {
    const el = await mount(street().staff);
    $(el, '#s-xfl-g2-b7-sanitation')!.focus();
    for (const value of ['6', '6', '5.5', '6', '6']) {
      await sendKeys({ type: value });
      await sendKeys({ press: 'Tab' });
    }
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('save');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(card(el, 'xfl-g2-b7')).includes('总分 29.5 / 50'), 'saved', {
      timeout: 5000,
    });
    expect(card(el, 'xfl-g2-b7').dataset.suggestion).to.equal('black');
  });

  for (const care of [false, true]) {
    it(`is accessible with target-size in ${care ? 'care' : 'default'} mode`, async () => {
      const el = await mount(street().staff, { care });
      const min = care ? 60 : 44;
      expect(await axeViolations(el), 'sheet').to.deep.equal([]);
      expect(smallTargets(el, min), 'sheet').to.deep.equal([]);
      card(el, 'xfl-g2-b7').querySelector<HTMLElement>('[part=save]')!.click();
      await el.updateComplete;
      expect(await axeViolations(el), 'errors').to.deep.equal([]);
      expect(smallTargets(el, min), 'errors').to.deep.equal([]);
    });

    it(`has no horizontal scroll at 320px with 200% text in ${care ? 'care' : 'default'} mode`, async () => {
      await setViewport({ width: 320, height: 640 });
      document.documentElement.style.fontSize = '200%';
      try {
        const el = await mount(street().staff, { care });
        card(el, 'xfl-g2-b7').querySelector<HTMLElement>('[part=save]')!.click();
        await el.updateComplete;
        expect(
          document.documentElement.scrollWidth,
          [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
            .filter((e) => e.getBoundingClientRect().right > 330)
            .map((e) => `${e.localName}.${e.className}#${e.id}`)
            .join(' '),
        ).to.be.at.most(320);
      } finally {
        document.documentElement.style.fontSize = '';
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('renders hostile building names as text', async () => {
    const s = street();
    await s.staff.redblack.scoreSheet('xingfuli', '2026-Q1').catch(() => undefined);
    const community = (await s.store.communities.get('xingfuli'))!;
    community.grids[1]!.buildings[3]!.name = XSS_PAYLOADS[1]!.slice(0, 60);
    await s.store.communities.put(community);
    const el = await mount(s.staff);
    expect(text(el)).to.contain('<');
    expect($(el, 'script, img, svg')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('speaks English', async () => {
    const el = await mount(street().staff, { lang: 'en' });
    expect(text(el)).to.contain('ranking and suggestions (6 of 7 buildings scored)');
    expect(text(el)).to.contain('★ Red list candidate');
    expect(text(el)).to.contain('▲ Black list candidate');
    expect(text(el)).to.contain('Sanitation');
  });
});
