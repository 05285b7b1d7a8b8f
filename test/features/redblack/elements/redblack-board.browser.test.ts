import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/redblack-board.js';
import '../../../../src/define/provider.js';
import type {
  SqAppealedEvent,
  SqPeriodChangeEvent,
  SqRedblackBoard,
} from '../../../../src/features/redblack/elements/redblack-board/index.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

/** The demo street's board (seeded by the embedded transport on the first call) and its staff. */
function street() {
  const store = createMemoryStore();
  const resident = createClient({ embedded: { store, persistence: false } });
  const author = createClient({ embedded: { store, persistence: false, actor: 'xfl-grid' } });
  const reviewer = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  return { store, resident, author, reviewer };
}

/** The quarter before this one (`2026-Q3`). */
function lastQuarter(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  return q === 1 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q - 1}`;
}
const thisQuarter = () => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
};

/** An entry written by one staff member and published by another. */
async function publish(
  s: ReturnType<typeof street>,
  input: {
    list: 'red' | 'black';
    category: string;
    subject: Record<string, unknown>;
    reason: string;
    period?: string;
  },
) {
  const entry = await s.author.redblack.create({
    community: 'xingfuli',
    period: input.period ?? thisQuarter(),
    ...input,
  } as Parameters<Client['redblack']['create']>[0]);
  await s.author.redblack.act(entry.id, { action: 'submit' });
  await s.reviewer.redblack.act(entry.id, { action: 'publish' });
  return entry;
}

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);
const $$ = (el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function mount(
  client: Client,
  opts: {
    lang?: string;
    care?: boolean;
    kiosk?: boolean;
    poster?: boolean;
    interval?: number;
  } = {},
) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${opts.lang ?? 'zh-CN'} community="xingfuli">
      <sq-redblack-board
        ?care=${opts.care ?? false}
        ?kiosk=${opts.kiosk ?? false}
        ?poster=${opts.poster ?? false}
        interval=${opts.interval ?? 12}
        page-size="1"
      ></sq-redblack-board>
    </sq-provider>`,
  );
  const el = provider.querySelector('sq-redblack-board')! as SqRedblackBoard;
  await waitUntil(() => $(el, '[part=entry]'), 'entries', { timeout: 8000 });
  return el;
}

function click(el: Element, selector: string) {
  const target = $(el, selector);
  if (!target) throw new Error(`no ${selector}`);
  target.click();
}

async function type(el: SqRedblackBoard, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const tab = async (el: SqRedblackBoard, list: 'red' | 'black') => {
  click(el, `[part=tab][data-list=${list}]`);
  await el.updateComplete;
};

/** Opens the appeal of the black entry about `subject`. */
async function openAppeal(el: SqRedblackBoard, subject: string) {
  await tab(el, 'black');
  const card = $$(el, '[part=entry]').find((c) => c.querySelector('h4')!.textContent === subject)!;
  card.querySelector<HTMLElement>('[data-appeal]')!.click();
  await waitUntil(() => $(el, '#role'), 'appeal form', { timeout: 5000 });
}

async function fillAppeal(el: SqRedblackBoard) {
  await type(el, 'role', '楼栋长');
  await type(el, 'phone', '13800001234');
  await type(el, 'reason', '纸箱已经全部清走，消防通道畅通，请复核。');
  $<HTMLInputElement>(el, '#consent')!.click();
  await el.updateComplete;
}

describe('<sq-redblack-board>', () => {
  it('shows the red list, then the black list: places only, masked people, 已整改, badges by text', async () => {
    const { resident } = street();
    const el = await mount(resident);
    expect($(el, '[part=tab][data-list=red]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(text(el)).to.contain('2号楼');
    expect(text(el)).to.contain('张*兰');
    expect(text(el)).not.to.contain('张桂兰');
    expect(text(el)).to.contain('最美楼道');
    expect(text(el)).to.contain('★ 红榜');
    // No appeal on the red list.
    expect($(el, '[data-appeal]')).to.equal(null);
    await tab(el, 'black');
    expect(text(el)).to.contain('▲ 黑榜');
    expect(text(el)).to.contain('5号楼1单元');
    expect(text(el)).to.contain('幸福里东门早餐铺');
    expect(text(el)).to.contain('已整改');
    expect(text(el)).to.contain('待整改');
    expect(text(el)).to.contain('整改完成');
    expect($$(el, '[data-appeal]').length).to.equal(2);
    expect(text(el)).to.contain('本榜发布后没有更正或撤销');
    expect(text(el)).not.to.match(/1[3-9]\d{9}|010-?12345678/);
  });

  it('shows the archive of a past period and the public change log', async () => {
    const s = street();
    await s.resident.redblack.board('xingfuli'); // seeds the demo street
    const past = lastQuarter();
    await publish(s, {
      list: 'red',
      category: 'mutual-aid',
      subject: { kind: 'building', grid: 'xfl-g1', building: 'xfl-g1-b2' },
      reason: '2号楼邻居们轮流照顾独居老人，每天上门问候。',
      period: past,
    });
    const wrong = await publish(s, {
      list: 'black',
      category: 'sanitation',
      subject: { kind: 'area', name: '东门广场' },
      reason: '东门广场垃圾桶满溢，无人清理。',
    });
    await s.reviewer.redblack.act(wrong.id, { action: 'withdraw', note: '核实有误，予以撤销' });
    const el = await mount(s.resident);
    expect(text(el)).to.contain('撤销：东门广场，核实有误，予以撤销');
    expect(text(el)).not.to.contain('2号楼邻居们');
    const select = $<HTMLSelectElement>(el, '#period')!;
    expect([...select.options].map((o) => o.value)).to.include(past);
    const changed = oneEvent(el, 'sq-period-change') as Promise<SqPeriodChangeEvent>;
    select.value = past;
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail.period).to.equal(past);
    await waitUntil(() => text(el).includes('2号楼邻居们'), 'archive');
    expect(text(el)).to.contain('已归档');
    expect(text(el)).not.to.contain('张*兰');
  });

  it('appeals a black entry: errors at their fields, then the one-time code; the code finds its status', async () => {
    const { resident } = street();
    const el = await mount(resident);
    await openAppeal(el, '5号楼1单元');
    expect(el.shadowRoot!.activeElement?.id).to.equal('view');
    expect(text(el)).to.contain('个人信息处理说明');
    expect(text(el)).to.contain('和平街道幸福里社区居民委员会');
    expect(text(el)).to.contain('2 年');
    expect($<HTMLInputElement>(el, '#consent')!.checked).to.equal(false);
    click(el, '[part=submit]');
    await waitUntil(() => $(el, '[part=error-summary]'), 'summary');
    expect(text(el)).to.contain('请填写您的身份');
    expect(text(el)).to.contain('请填写联系电话');
    expect(text(el)).to.contain('请写明申诉理由');
    expect(text(el)).to.contain('请阅读并同意');
    expect(el.shadowRoot!.activeElement?.id).to.equal('role');
    await fillAppeal(el);
    await type(el, 'phone', '12345678901');
    click(el, '[part=submit]');
    await waitUntil(() => $(el, '#phone[aria-invalid=true]'), 'phone error');
    await type(el, 'phone', '138 0000 1234');
    const appealed = oneEvent(el, 'sq-appealed') as Promise<SqAppealedEvent>;
    click(el, '[part=submit]');
    const event = await appealed;
    await waitUntil(() => $(el, '[part=receipt]'), 'receipt');
    const code = event.detail.receipt.code;
    expect($(el, '#code')!.textContent).to.equal(code);
    expect(el.shadowRoot!.activeElement?.id).to.equal('done');
    expect(location.href).not.to.contain(code);
    // Back to the board; the look-up finds it by code, typed in (never in a URL).
    click(el, '[part=receipt] button:last-of-type');
    await waitUntil(() => $(el, '#lookup'), 'board');
    click(el, '#lookup');
    await waitUntil(() => $(el, '#code-input'), 'look-up');
    await type(el, 'code-input', code.toLowerCase());
    click(el, 'form .primary');
    await waitUntil(() => $(el, '[part=result]'), 'found', { timeout: 5000 });
    expect(text(el)).to.contain('审核中');
    expect(text(el)).to.contain('5号楼1单元');
    expect(location.href).not.to.contain(code);
    // A wrong code says so.
    await type(el, 'code-input', 'ABCD-EFGH-JKMN');
    click(el, 'form .primary');
    await waitUntil(() => text(el).includes('没有找到'), 'not found');
  });

  it('says why an appeal is refused: one is pending already', async () => {
    const { resident } = street();
    const el = await mount(resident);
    await openAppeal(el, '幸福里东门早餐铺');
    await fillAppeal(el);
    click(el, '[part=submit]');
    await waitUntil(() => $(el, '[part=status][role=alert]'), 'refused', { timeout: 5000 });
    expect($(el, '[part=receipt]')).to.equal(null);
  });

  it('appeals with the keyboard alone', async function () {
    this.timeout(30_000);
    const { resident } = street();
    const el = await mount(resident);
    const press = async (key: string) => {
      await sendKeys({ press: key });
      await el.updateComplete;
    };
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 40; i++) {
        if (el.shadowRoot!.activeElement?.matches(selector)) return;
        await press('Tab');
      }
      throw new Error(`never reached ${selector}`);
    };
    $(el, '[part=tab]')!.focus();
    await tabTo('[part=tab][data-list=black]');
    await press('Enter');
    // The unit put right (the shop's appeal is pending already).
    const unit = $$(el, '[part=entry]')
      .find((c) => c.querySelector('h4')!.textContent === '5号楼1单元')!
      .querySelector('[data-appeal]')!
      .getAttribute('data-appeal')!;
    await tabTo(`[data-appeal="${unit}"]`);
    await press('Enter');
    await waitUntil(() => $(el, '#role'));
    await tabTo('#role');
    await sendKeys({ type: '楼栋长' });
    await tabTo('#phone');
    await sendKeys({ type: '13800001234' });
    await tabTo('#reason');
    await sendKeys({ type: '纸箱已经全部清走，请复核。' });
    await tabTo('#consent');
    await press(' ');
    await tabTo('[part=submit]');
    const appealed = oneEvent(el, 'sq-appealed');
    await press('Enter');
    await appealed;
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'done', 'receipt focused');
  });

  it('kiosk: pages turn on a timer, pause on a key or the pause button; no timer in care mode', async () => {
    const { resident } = street();
    const el = await mount(resident, { kiosk: true, interval: 1 });
    expect(el.timer).not.to.equal(undefined);
    expect($(el, '[data-appeal]'), 'no appeal on a public screen').to.equal(null);
    expect(text(el)).to.contain('第 1 / 4 页');
    await waitUntil(() => text(el).includes('第 2 / 4 页'), 'turned', { timeout: 3000 });
    // A key pauses it.
    el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Shift' }));
    await new Promise((r) => setTimeout(r, 2200));
    expect(text(el)).to.contain('第 2 / 4 页');
    expect(el.paused).to.equal(true);
    // Pages turn by hand too, and the tab follows the list.
    click(el, '[part=kiosk] button:nth-of-type(2)');
    click(el, '[part=kiosk] button:nth-of-type(2)');
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '[part=tab][data-list=black]')!.getAttribute('aria-pressed')).to.equal('true');
    click(el, '#pause');
    await el.updateComplete;
    expect($(el, '#pause')!.getAttribute('aria-pressed')).to.equal('true');
    el.care = true;
    await el.updateComplete;
    expect(el.timer, 'care mode: no timer').to.equal(undefined);
    expect($(el, '#pause')).to.equal(null);
    el.remove();

    const care = await mount(resident, { kiosk: true, care: true, interval: 1 });
    expect(care.timer).to.equal(undefined);
    // Kiosk type stays large in care mode (24px, not care's 18px).
    expect(
      getComputedStyle($(care, 'h4')!.parentElement!.querySelector('p:nth-of-type(2)')!).fontSize,
    ).to.equal('24px');
    await new Promise((r) => setTimeout(r, 1500));
    expect(text(care)).to.contain('第 1 / 4 页');
    const plain = await mount(resident);
    expect(plain.timer, 'no timer outside kiosk mode').to.equal(undefined);
  });

  it('poster: both lists and the change log, nothing to press', async () => {
    const { resident } = street();
    const el = await mount(resident, { poster: true });
    expect(text(el)).to.contain('红黑榜');
    expect(text(el)).to.contain('2号楼');
    expect(text(el)).to.contain('幸福里东门早餐铺');
    expect(text(el)).to.contain('更正记录');
    expect($$(el, 'button, select').length).to.equal(0);
  });

  for (const mode of ['default', 'care', 'kiosk'] as const) {
    it(`is accessible with target-size in ${mode} mode, in every view`, async () => {
      const { resident } = street();
      const el = await mount(resident, { care: mode === 'care', kiosk: mode === 'kiosk' });
      const min = mode === 'default' ? 44 : 60;
      const check = async (what: string) => {
        expect(await axeViolations(el), what).to.deep.equal([]);
        expect(smallTargets(el, min), what).to.deep.equal([]);
      };
      await check('red');
      await tab(el, 'black');
      await check('black');
      if (mode === 'kiosk') return;
      await openAppeal(el, '5号楼1单元');
      click(el, '[part=submit]');
      await waitUntil(() => $(el, '[part=error-summary]'));
      await check('appeal with errors');
      await fillAppeal(el);
      click(el, '[part=submit]');
      await waitUntil(() => $(el, '[part=receipt]'), 'receipt', { timeout: 5000 });
      await check('receipt');
      click(el, '[part=receipt] button:last-of-type');
      await waitUntil(() => $(el, '#lookup'));
      click(el, '#lookup');
      await waitUntil(() => $(el, '#code-input'));
      await check('look-up');
    });
  }

  it('renders hostile text as text', async () => {
    const s = street();
    await s.resident.redblack.board('xingfuli');
    await publish(s, {
      list: 'black',
      category: 'sanitation',
      subject: { kind: 'organisation', name: XSS_PAYLOADS[1].slice(0, 40) },
      reason: XSS_PAYLOADS.join(' '),
    });
    const el = await mount(s.resident);
    await tab(el, 'black');
    expect(text(el)).to.contain('<script>');
    expect($(el, 'script, img, svg')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  for (const mode of ['default', 'care', 'kiosk'] as const) {
    it(`has no horizontal scroll at 320px with 200% text in ${mode} mode`, async () => {
      const { resident } = street();
      await setViewport({ width: 320, height: 640 });
      document.documentElement.style.fontSize = '200%';
      try {
        const el = await mount(resident, { care: mode === 'care', kiosk: mode === 'kiosk' });
        const fits = (what: string) =>
          expect(
            document.documentElement.scrollWidth,
            `${what}: ${[...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
              .filter((e) => e.getBoundingClientRect().right > 330)
              .map((e) => `${e.localName}.${e.className}#${e.id}`)
              .join(' ')}`,
          ).to.be.at.most(320);
        fits('red');
        await tab(el, 'black');
        fits('black');
        if (mode === 'kiosk') return;
        await openAppeal(el, '5号楼1单元');
        click(el, '[part=submit]');
        await waitUntil(() => $(el, '[part=error-summary]'));
        fits('appeal');
        await fillAppeal(el);
        click(el, '[part=submit]');
        await waitUntil(() => $(el, '[part=receipt]'), `receipt: ${text(el)}`, { timeout: 5000 });
        fits('receipt');
      } finally {
        document.documentElement.style.fontSize = '';
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('speaks English', async () => {
    const { resident } = street();
    const el = await mount(resident, { lang: 'en' });
    await waitUntil(() => text(el).includes('Red list'));
    expect(text(el)).to.contain('Best-kept hallway');
    await tab(el, 'black');
    expect(text(el)).to.contain('Put right');
    await openAppeal(el, '5号楼1单元');
    expect(text(el)).to.contain('Contact phone');
    click(el, '[part=submit]');
    await waitUntil(() => $(el, '[part=error-summary]'));
    expect(text(el)).to.contain('Say who you are');
  });

  it('works standalone from attributes, on the embedded client', async () => {
    const el = await fixture<SqRedblackBoard>(
      html`<sq-redblack-board community="xingfuli" list="black"></sq-redblack-board>`,
    );
    await waitUntil(() => $(el, '[part=entry]'), 'entries', { timeout: 8000 });
    expect($(el, '[part=tab][data-list=black]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(text(el)).to.contain('幸福里东门早餐铺');
  });

  describe('查我家楼栋 (a building’s 和谐楼道 scores)', () => {
    /** Opens the look-up and shows the scores of the building picked (by its select's value). */
    async function scoresOf(el: SqRedblackBoard, building: string) {
      click(el, '#scores-open');
      await waitUntil(() => $(el, '#score-building option[value="xfl-g1-b2"]'), 'buildings', {
        timeout: 5000,
      });
      const select = $<HTMLSelectElement>(el, '#score-building')!;
      select.value = building;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await el.updateComplete;
      click(el, 'form button[type=submit]');
      await waitUntil(() => $(el, '[part=result]'), 'result', { timeout: 5000 });
    }

    it('shows the items, the total and the rank of a building; says when one is not scored', async () => {
      const { resident } = street();
      const el = await mount(resident);
      click(el, '#scores-open');
      await waitUntil(() => $(el, '#score-building'), 'look-up', { timeout: 5000 });
      expect(el.shadowRoot!.activeElement?.id).to.equal('view');
      // Nothing chosen: the field says what to do.
      click(el, 'form button[type=submit]');
      await waitUntil(() => $(el, '#score-building-error'));
      expect($(el, '#score-building-error')!.textContent).to.contain('请先选择楼栋');
      expect($(el, '#score-building')!.getAttribute('aria-invalid')).to.equal('true');
      await el.close();
      await scoresOf(el, 'xfl-g1-b2');
      const result = text(el);
      expect(result).to.contain('2号楼 · ');
      expect(result).to.contain('47 分（满分 50 分）');
      expect(result).to.contain('第 1 名（共 6 栋楼参评）');
      expect(
        $$(el, '[part=scores] tbody tr').map((r) => r.textContent!.replace(/\s+/g, '')),
      ).to.deep.equal(['环境卫生9.5', '楼道堆物9.5', '文明养犬9', '垃圾分类9', '邻里互助10']);
      // A tie shares its rank.
      await el.close();
      await scoresOf(el, 'xfl-g2-b6');
      expect(text(el)).to.contain('第 2 名（共 6 栋楼参评）');
      // Not scored yet.
      await el.close();
      await scoresOf(el, 'xfl-g2-b7');
      expect(text(el)).to.contain('这栋楼还没有评分');
      // Back to the board, focus on what opened the look-up.
      await el.close();
      expect(el.shadowRoot!.activeElement?.id).to.equal('scores-open');
    });

    it('works with the keyboard alone', async () => {
      const { resident } = street();
      const el = await mount(resident);
      $(el, '#scores-open')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '#score-building option[value="xfl-g1-b3"]'), 'look-up', {
        timeout: 5000,
      });
      expect(el.shadowRoot!.activeElement?.id).to.equal('view'); // the heading
      await sendKeys({ press: 'Tab' }); // the building
      expect(el.shadowRoot!.activeElement?.id).to.equal('score-building');
      await sendKeys({ type: '3' }); // type-ahead: 3号楼
      await el.updateComplete;
      expect($<HTMLSelectElement>(el, '#score-building')!.value).to.equal('xfl-g1-b3');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part=result]'), 'result', { timeout: 5000 });
      expect(text(el)).to.contain('39.5 分（满分 50 分）');
      expect(text(el)).to.contain('第 4 名');
    });

    for (const care of [false, true]) {
      it(`is accessible with target-size in ${care ? 'care' : 'default'} mode`, async () => {
        const { resident } = street();
        const el = await mount(resident, { care });
        const min = care ? 60 : 44;
        click(el, '#scores-open');
        await waitUntil(() => $(el, '#score-building option[value="xfl-g1-b2"]'));
        expect(await axeViolations(el), 'form').to.deep.equal([]);
        expect(smallTargets(el, min), 'form').to.deep.equal([]);
        await el.close();
        await scoresOf(el, 'xfl-g1-b2');
        expect(await axeViolations(el), 'result').to.deep.equal([]);
        expect(smallTargets(el, min), 'result').to.deep.equal([]);
      });

      it(`has no horizontal scroll at 320px with 200% text in ${care ? 'care' : 'default'} mode`, async () => {
        const { resident } = street();
        await setViewport({ width: 320, height: 640 });
        document.documentElement.style.fontSize = '200%';
        try {
          const el = await mount(resident, { care });
          await scoresOf(el, 'xfl-g1-b3');
          expect(document.documentElement.scrollWidth).to.be.at.most(320);
        } finally {
          document.documentElement.style.fontSize = '';
          await setViewport({ width: 800, height: 600 });
        }
      });
    }

    it('speaks English', async () => {
      const { resident } = street();
      const el = await mount(resident, { lang: 'en' });
      await scoresOf(el, 'xfl-g1-b2');
      expect(text(el)).to.contain('47 of 50');
      expect(text(el)).to.contain('No. 1 of 6 buildings');
      expect(text(el)).to.contain('Sanitation');
    });
  });
});
