import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/redblack-editor.js';
import '../../../../src/define/provider.js';
import type {
  SqAppealDecidedEvent,
  SqEntryActedEvent,
  SqRedblackEditor,
} from '../../../../src/features/redblack/elements/redblack-editor/index.js';
import { ApiError } from '../../../../src/sdk/errors.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { i18n } from '../../../../src/ui/localize.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';
import { PNG } from '../../../fixtures/images.js';

/** The demo street with two staff members of 幸福里 on one store: an author and a reviewer. */
function street() {
  const store = createMemoryStore();
  const resident = createClient({ embedded: { store, persistence: false } });
  const author = createClient({ embedded: { store, persistence: false, actor: 'xfl-grid' } });
  const reviewer = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  return { store, resident, author, reviewer };
}

const thisQuarter = () => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
};

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function mount(client: Client, opts: { lang?: string; care?: boolean; tab?: string } = {}) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${opts.lang ?? 'zh-CN'} community="xingfuli">
      <sq-redblack-editor
        ?care=${opts.care ?? false}
        tab=${opts.tab ?? 'drafts'}
      ></sq-redblack-editor>
    </sq-provider>`,
  );
  const el = provider.querySelector('sq-redblack-editor')! as SqRedblackEditor;
  await waitUntil(() => el.entries && $(el, '[part=panel] > *:not([role=status])'), 'data', {
    timeout: 8000,
  });
  return el;
}

async function tab(el: SqRedblackEditor, name: string) {
  $(el, `[part=tab][data-tab=${name}]`)!.click();
  await el.updateComplete;
}

function click(el: Element, selector: string) {
  const target = $(el, selector);
  if (!target) throw new Error(`no ${selector}`);
  target.click();
}

async function set(el: SqRedblackEditor, id: string, value: string) {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Fills a red 最美楼道 entry for 3号楼 (grid 1) through the form. */
async function fillRed(el: SqRedblackEditor, reason: string) {
  click(el, '#new-entry');
  await waitUntil(() => $(el, '[part=form]'));
  await set(el, 'category', 'tidy-hallway');
  await set(el, 'kind', 'building');
  await set(el, 'grid', 'xfl-g1');
  await set(el, 'building', 'xfl-g1-b3');
  const area = $<HTMLTextAreaElement>(el, '#reason')!;
  area.value = reason;
  area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The score sheet in the 和谐楼道评分 tab, once its ranking shows. */
async function sheetOf(el: SqRedblackEditor) {
  await waitUntil(
    () => $(el, 'sq-redblack-score-sheet')?.shadowRoot?.querySelector('[part=ranking]'),
    'score sheet',
    { timeout: 8000 },
  );
  return $(el, 'sq-redblack-score-sheet')!;
}

const item = (el: SqRedblackEditor, words: string) =>
  $$(el, '[part=item]').find((li) => li.textContent!.includes(words));

/** An entry written by the author and published by the reviewer. */
async function published(
  s: ReturnType<typeof street>,
  input: Omit<Parameters<Client['redblack']['create']>[0], 'community' | 'period'>,
) {
  const entry = await s.author.redblack.create({
    community: 'xingfuli',
    period: thisQuarter(),
    ...input,
  });
  await s.author.redblack.act(entry.id, { action: 'submit' });
  await s.reviewer.redblack.act(entry.id, { action: 'publish' });
  return entry;
}

const eastGate = {
  list: 'red',
  category: 'good-deeds',
  subject: { kind: 'area', name: '东门广场' },
  reason: '志愿者每周打扫东门广场。',
} as const;

/** Opens 更正 on a published entry: the entry form, prefilled, its heading focused. */
async function openCorrection(el: SqRedblackEditor, id: string) {
  click(el, `[data-open="correct:${id}"]`);
  await waitUntil(() => el.shadowRoot!.activeElement?.id === 'entry-title', 'correction form');
}

describe('<sq-redblack-editor>', () => {
  it('draft → submit → the author cannot publish → another staff member publishes → on the board', async () => {
    const s = street();
    const el = await mount(s.author);
    await fillRed(el, '楼道整洁，无堆物，邻里共同维护。');
    const saved = oneEvent(el, 'sq-entry-acted') as Promise<SqEntryActedEvent>;
    click(el, '[part=form] button.primary');
    const { detail } = await saved;
    expect(detail.action).to.equal('create');
    expect(detail.entry.status).to.equal('draft');
    await waitUntil(() => item(el, '楼道整洁'), 'draft listed');
    expect(text(el)).to.contain('3号楼');
    expect(text(el)).to.contain('★ 红榜');

    item(el, '楼道整洁')!.querySelector<HTMLElement>(`[data-submit="${detail.entry.id}"]`)!.click();
    await waitUntil(() => text(el).includes('已提交审核'), 'submitted');

    // The author's own entry in the review queue: a note, not a button that 403s.
    await tab(el, 'review');
    const own = item(el, '楼道整洁')!;
    expect(own.textContent).to.contain('需要另一位工作人员审核和发布');
    expect(own.querySelector('[data-publish]')).to.equal(null);
    // …and the server would refuse it anyway.
    const refused = await s.author.redblack
      .act(detail.entry.id, { action: 'publish' })
      .catch((e: unknown) => e as ApiError);
    expect((refused as ApiError).fields[0]!.key).to.equal('review.ownEntry');

    // The reviewer's editor: publish, with the per-photo checklist.
    const rev = await mount(s.reviewer, { tab: 'review' });
    const row = item(rev, '楼道整洁')!;
    row.querySelector<HTMLElement>('[data-publish]')!.click();
    await waitUntil(() => $(rev, '[part=checklist]'));
    expect(text(rev)).to.contain('这一条没有照片');
    const published = oneEvent(rev, 'sq-entry-acted') as Promise<SqEntryActedEvent>;
    click(rev, '[part=checklist] button.primary');
    expect((await published).detail.entry.status).to.equal('published');
    const board = await s.resident.redblack.board('xingfuli');
    expect(board.red.map((e) => e.reason)).to.include('楼道整洁，无堆物，邻里共同维护。');
    expect(board.red.find((e) => e.reason.startsWith('楼道整洁'))!.subject.label).to.equal('3号楼');
  });

  it('shows the reviewer each evidence photo; only the ones ticked go public', async () => {
    const s = street();
    const photo = async () =>
      (await s.author.uploads.create(new Blob([PNG], { type: 'image/png' }))).id;
    const [one, two] = [await photo(), await photo()];
    const entry = await s.author.redblack.create({
      community: 'xingfuli',
      list: 'red',
      period: thisQuarter(),
      category: 'tidy-hallway',
      subject: { kind: 'building', grid: 'xfl-g1', building: 'xfl-g1-b1' },
      reason: '1号楼楼道摆放绿植，干净整洁。',
      photos: [one!, two!],
    });
    await s.author.redblack.act(entry.id, { action: 'submit' });
    const el = await mount(s.reviewer, { tab: 'review' });
    item(el, '1号楼楼道摆放绿植')!.querySelector<HTMLElement>('[data-publish]')!.click();
    await waitUntil(() => $$(el, '[part=checklist] img.thumb').length === 2, 'thumbnails');
    expect($$<HTMLImageElement>(el, '[part=checklist] img')[0]!.alt).to.equal('第 1 张照片');
    expect(text(el)).to.contain('第 2 张：没有人脸、没有车牌、没有门牌号');
    click(el, `#clear-${two}`);
    const published = oneEvent(el, 'sq-entry-acted') as Promise<SqEntryActedEvent>;
    click(el, '[part=checklist] button.primary');
    expect((await published).detail.entry.photos).to.deep.equal([
      { id: one, cleared: false },
      { id: two, cleared: true },
    ]);
    const board = await s.resident.redblack.board('xingfuli');
    expect(board.red.find((e) => e.id === entry.id)!.photos).to.deep.equal([two]);
  });

  // Issue 13: under the kit's .box (justify-items: start) the 榜单 fieldset and the selects
  // shrank to their text at 1280px, narrower than the fields beside them.
  it('lays out the entry form at one width: the 榜单 fieldset and every select as wide as the reason', async () => {
    await setViewport({ width: 1280, height: 800 });
    try {
      const el = await mount(street().author);
      click(el, '#new-entry');
      await waitUntil(() => $(el, '[part=form]'));
      const width = (selector: string) =>
        Math.round($(el, selector)!.getBoundingClientRect().width);
      const reason = width('#reason');
      for (const selector of ['fieldset', '#period', '#category', '#kind'])
        expect(width(selector), selector).to.equal(reason);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('asks for each missing field, saying what to do, at the field and in the summary', async () => {
    const el = await mount(street().author);
    click(el, '#new-entry');
    await waitUntil(() => $(el, '[part=form]'));
    click(el, '[part=form] button.primary');
    await waitUntil(() => $(el, '[part=error-summary]'));
    expect($(el, '#category')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#category-error')!.textContent).to.contain('请选择评比项目');
    expect($(el, '#kind-error')!.textContent).to.contain('请选择上榜对象');
    expect($(el, '#reason-error')!.textContent).to.contain('请填写上榜理由');
    expect(el.shadowRoot!.activeElement!.id).to.equal('category');
  });

  it('cannot write a black entry about a person or a household; the server refuses one with a clear message', async () => {
    const s = street();
    const el = await mount(s.author);
    click(el, '#new-entry');
    await waitUntil(() => $(el, '[part=form]'));
    const kinds = () => $$<HTMLOptionElement>(el, '#kind option').map((o) => o.value);
    expect(kinds()).to.include('person');
    await set(el, 'kind', 'person');
    expect($(el, '#consentOn')).not.to.equal(null);
    expect(text(el)).to.contain('个人上榜须本人单独同意');
    click(el, '#list-black');
    await el.updateComplete;
    expect(kinds()).to.deep.equal(['', 'building', 'unit', 'area', 'organisation']);
    expect($<HTMLSelectElement>(el, '#kind')!.value).to.equal('');
    expect($(el, '#consentOn')).to.equal(null);
    // Only black categories are offered.
    const categories = $$<HTMLOptionElement>(el, '#category option').map((o) => o.value);
    expect(categories).to.include('hallway-clutter');
    expect(categories).not.to.include('tidy-hallway');

    const refused = await s.author.redblack
      .create({
        community: 'xingfuli',
        list: 'black',
        period: thisQuarter(),
        category: 'hallway-clutter',
        subject: { kind: 'person', name: '张三', consent: { obtainedOn: '2026-01-05' } },
        reason: '楼道长期堆放杂物。',
      })
      .catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(ApiError);
    const fields = (refused as ApiError).fields;
    expect(fields).to.deep.include({ path: 'subject.kind', key: 'subject.notAPlace' });
    expect(i18n.t('redblack-editor:subject.notAPlace', { lng: 'zh-CN' })).to.equal(
      '黑榜只能写楼栋、单元、小区区域、单位或商户，不能写个人或家庭。',
    );
  });

  it('records a black entry as put right (已整改) with a date and a note', async () => {
    const s = street();
    const entry = await s.author.redblack.create({
      community: 'xingfuli',
      list: 'black',
      period: thisQuarter(),
      category: 'hallway-clutter',
      subject: { kind: 'building', grid: 'xfl-g1', building: 'xfl-g1-b1' },
      reason: '1号楼楼道堆放纸箱，堵塞消防通道。',
    });
    await s.author.redblack.act(entry.id, { action: 'submit' });
    await s.reviewer.redblack.act(entry.id, { action: 'publish' });
    const el = await mount(s.reviewer, { tab: 'published' });
    const row = () => item(el, '1号楼楼道堆放纸箱')!;
    expect(row().textContent).to.contain('待整改');
    row().querySelector<HTMLElement>(`[data-open="rectify:${entry.id}"]`)!.click();
    await waitUntil(() => $(el, `#note-${entry.id}`));
    expect(el.shadowRoot!.activeElement!.id).to.equal(`date-${entry.id}`);
    const note = $<HTMLInputElement>(el, `#note-${entry.id}`)!;
    note.value = '纸箱已清走，通道畅通。';
    click(el, `#note-${entry.id}`);
    note.form!.requestSubmit();
    await waitUntil(
      () => row()?.querySelector('.badge[data-tone=done]')?.textContent === '已整改',
      'rectified',
    );
    expect(row().textContent).to.contain('纸箱已清走，通道畅通。');
    const board = await s.resident.redblack.board('xingfuli');
    expect(board.black.find((e) => e.id === entry.id)!.status).to.equal('rectified');
  });

  it('withdraws a published entry only after confirming, with a public note', async () => {
    const s = street();
    const entry = await s.author.redblack.create({
      community: 'xingfuli',
      list: 'red',
      period: thisQuarter(),
      category: 'good-deeds',
      subject: { kind: 'area', name: '东门广场' },
      reason: '志愿者每周打扫东门广场。',
    });
    await s.author.redblack.act(entry.id, { action: 'submit' });
    await s.reviewer.redblack.act(entry.id, { action: 'publish' });
    const el = await mount(s.author, { tab: 'published' });
    click(el, `[data-open="withdraw:${entry.id}"]`);
    await waitUntil(() => $(el, `#note-${entry.id}`));
    const note = $<HTMLInputElement>(el, `#note-${entry.id}`)!;
    note.value = '信息有误，撤销。';
    note.form!.requestSubmit();
    await waitUntil(() => $(el, '[part=confirm]'));
    expect(el.shadowRoot!.activeElement!.id).to.equal('confirm-title');
    expect($(el, '[part=confirm]')!.textContent).to.contain('信息有误，撤销。');
    // Not yet: the entry is still published.
    expect((await s.author.redblack.entry(entry.id)).status).to.equal('published');
    click(el, `[data-confirm="${entry.id}"]`);
    await waitUntil(() => item(el, '东门广场')?.textContent!.includes('已撤销'), 'withdrawn');
    const board = await s.resident.redblack.board('xingfuli');
    expect(board.changes[0]!.note).to.equal('信息有误，撤销。');
    expect($(el, '[data-count=withdrawn] dd')!.textContent).to.equal('1');
  });

  it('upholds an appeal filed through the SDK: the entry is withdrawn with 经复核撤销', async () => {
    const s = street();
    const entry = await s.author.redblack.create({
      community: 'xingfuli',
      list: 'black',
      period: thisQuarter(),
      category: 'street-trading',
      subject: { kind: 'organisation', name: '幸福里水果店' },
      reason: '水果摊占用人行道经营。',
    });
    await s.author.redblack.act(entry.id, { action: 'submit' });
    await s.reviewer.redblack.act(entry.id, { action: 'publish' });
    await s.resident.redblack.appeal(entry.id, {
      role: '店主',
      phone: '13800001234',
      reason: '摊位已经收回店内，请复核。',
      consent: true,
    });
    const el = await mount(s.reviewer, { tab: 'appeals' });
    const row = item(el, '幸福里水果店')!;
    expect(row.textContent).to.contain('店主');
    expect(row.textContent).to.contain('13800001234');
    expect(row.textContent).to.match(/请在 \d{4}-\d\d-\d\d 前处理/);
    row.querySelector<HTMLElement>('[data-uphold]')!.click();
    await waitUntil(() => $(el, '[part=item] form'));
    const decided = oneEvent(el, 'sq-appeal-decided') as Promise<SqAppealDecidedEvent>;
    $<HTMLFormElement>(el, '[part=item] form')!.requestSubmit();
    expect((await decided).detail.appeal.status).to.equal('upheld');
    const stored = await s.reviewer.redblack.entry(entry.id);
    expect(stored.status).to.equal('withdrawn');
    expect(stored.withdrawal!.note).to.equal('经复核撤销');
    // Off the queue (the demo street's own appeal stays).
    await waitUntil(() => !item(el, '幸福里水果店'), 'decided appeal gone');
    expect(text(el)).to.contain('申诉成立，条目已撤销。');
  });

  it('corrects (更正) a published entry: prefilled form, a public note, a confirmation, then the board’s change log', async () => {
    const s = street();
    const entry = await published(s, eastGate);
    const el = await mount(s.reviewer, { tab: 'published' });
    await openCorrection(el, entry.id);
    const form = $(el, '[part=form]')!;
    expect(form.textContent).to.contain('更正已发布的条目：东门广场');
    // Prefilled with what is published; list and period stay (said, not offered).
    expect($<HTMLTextAreaElement>(el, '#reason')!.value).to.equal('志愿者每周打扫东门广场。');
    expect($<HTMLSelectElement>(el, '#kind')!.value).to.equal('area');
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('东门广场');
    expect($<HTMLSelectElement>(el, '#category')!.value).to.equal('good-deeds');
    expect($(el, '#list-red')).to.equal(null);
    expect($(el, '#period')).to.equal(null);
    expect(form.textContent).to.contain('发布后不能更改榜单和评比周期');
    expect($(el, '#note-hint')!.textContent).to.contain('更正记录');
    await set(el, 'reason', '志愿者每周六打扫东门广场，已坚持两年。');
    await set(el, 'note', '上榜理由补充了打扫的时间。');
    $<HTMLFormElement>(el, '[part=form]')!.requestSubmit();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'confirm-title', 'confirmation');
    const confirm = $(el, '[part=confirm]')!;
    expect(confirm.getAttribute('role')).to.equal('alertdialog');
    expect(confirm.textContent).to.contain('更正后将在榜单的更正记录中公开显示');
    expect(confirm.textContent).to.contain('上榜理由补充了打扫的时间。');
    // Not sent yet.
    expect((await s.reviewer.redblack.entry(entry.id)).reason).to.equal('志愿者每周打扫东门广场。');
    const acted = oneEvent(el, 'sq-entry-acted') as Promise<SqEntryActedEvent>;
    click(el, `[data-confirm="${entry.id}"]`);
    const { detail } = await acted;
    expect(detail.action).to.equal('correct');
    expect(detail.entry.status).to.equal('published');
    await waitUntil(() => !$(el, '[part=form]'), 'form closed');
    expect($(el, '[part=status]')!.textContent).to.equal('已更正，说明已记入榜单的更正记录。');
    expect(el.shadowRoot!.activeElement!.id).to.equal('panel');
    expect(item(el, '东门广场')!.textContent).to.contain('已坚持两年');
    const board = await s.resident.redblack.board('xingfuli');
    expect(board.changes[0]).to.include({
      entry: entry.id,
      kind: 'corrected',
      subject: '东门广场',
      note: '上榜理由补充了打扫的时间。',
    });
    expect(board.red.find((e) => e.id === entry.id)!.reason).to.equal(
      '志愿者每周六打扫东门广场，已坚持两年。',
    );
  });

  it('a correction needs its public note: the message at the field, in zh-CN and English', async () => {
    for (const [lang, message] of [
      ['zh-CN', '发布后的更正需要一句公开说明，会显示在榜单的更正记录里。'],
      [
        'en',
        "A correction after publishing needs a public note: it appears in the board's change log.",
      ],
    ] as const) {
      const s = street();
      const entry = await published(s, eastGate);
      const el = await mount(s.reviewer, { lang, tab: 'published' });
      await openCorrection(el, entry.id);
      await set(el, 'reason', '志愿者每周六打扫东门广场。');
      $<HTMLFormElement>(el, '[part=form]')!.requestSubmit();
      await waitUntil(() => $(el, '#note-error'), 'note error');
      expect($(el, '#note-error')!.textContent).to.equal(message);
      expect($(el, '#note')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#note')!.getAttribute('aria-describedby')).to.contain('note-error');
      expect($(el, '[part=error-summary]')!.textContent).to.contain(message);
      expect(el.shadowRoot!.activeElement!.id).to.equal('note');
      expect($(el, '[part=confirm]')).to.equal(null);
      // Typing clears it.
      await set(el, 'note', 'x');
      expect($(el, '#note-error')).to.equal(null);
      // And the server asks the same of a client that skips the form.
      const refused = await s.reviewer.redblack
        .update(entry.id, { ...eastGate, period: thisQuarter(), photos: [] })
        .catch((e: unknown) => e as ApiError);
      expect((refused as ApiError).fields).to.deep.include({
        path: 'note',
        key: 'correction.noteRequired',
      });
    }
  });

  it('the correction’s confirmation can be cancelled: back to the form as it was, nothing sent', async () => {
    const s = street();
    const entry = await published(s, eastGate);
    const el = await mount(s.reviewer, { tab: 'published' });
    await openCorrection(el, entry.id);
    await set(el, 'reason', '志愿者每周六打扫东门广场。');
    await set(el, 'note', '补充打扫时间。');
    $<HTMLFormElement>(el, '[part=form]')!.requestSubmit();
    await waitUntil(() => $(el, '[part=confirm]'), 'confirmation');
    expect($(el, `[data-cancel="${entry.id}"]`)!.textContent).to.contain('返回修改');
    click(el, `[data-cancel="${entry.id}"]`);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'note', 'back at the note');
    expect($(el, '[part=confirm]')).to.equal(null);
    expect($<HTMLInputElement>(el, '#note')!.value).to.equal('补充打扫时间。');
    expect($<HTMLTextAreaElement>(el, '#reason')!.value).to.equal('志愿者每周六打扫东门广场。');
    // A change after the question asks again; 取消 closes the form, focus back on 更正.
    $<HTMLFormElement>(el, '[part=form]')!.requestSubmit();
    await waitUntil(() => $(el, '[part=confirm]'), 'asked again');
    await set(el, 'note', '补充打扫的时间。');
    expect($(el, '[part=confirm]')).to.equal(null);
    click(el, '[part=form] > .bar > .button-secondary');
    await waitUntil(
      () => el.shadowRoot!.activeElement?.getAttribute('data-open') === `correct:${entry.id}`,
      'focus on 更正',
    );
    const stored = await s.reviewer.redblack.entry(entry.id);
    expect(stored.reason).to.equal('志愿者每周打扫东门广场。');
    expect(stored.history.some((h) => h.action === 'correct')).to.equal(false);
    expect(
      (await s.resident.redblack.board('xingfuli')).changes.map((c) => c.entry),
    ).not.to.include(entry.id);
  });

  it('a correction refused meanwhile (another staff member withdrew the entry) says why in the form', async () => {
    const s = street();
    const entry = await published(s, eastGate);
    const el = await mount(s.reviewer, { tab: 'published' });
    await openCorrection(el, entry.id);
    await set(el, 'note', '补充打扫时间。');
    await s.author.redblack.act(entry.id, { action: 'withdraw', note: '信息有误，撤销。' });
    $<HTMLFormElement>(el, '[part=form]')!.requestSubmit();
    await waitUntil(() => $(el, '[part=confirm]'), 'confirmation');
    click(el, `[data-confirm="${entry.id}"]`);
    await waitUntil(() => $(el, '[part=form] [part=error]'), 'refused');
    expect($(el, '[part=form] [part=error]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part=form]')).not.to.equal(null);
    expect(el.action.error!.code).to.equal('invalid_transition');
  });

  it('upholds an appeal by correcting the entry’s reason (申诉成立，更正理由) with a public note', async () => {
    const s = street();
    const entry = await published(s, {
      list: 'black',
      category: 'street-trading',
      subject: { kind: 'organisation', name: '幸福里水果店' },
      reason: '水果摊占用人行道经营，影响通行。',
    });
    const receipt = await s.resident.redblack.appeal(entry.id, {
      role: '店主',
      phone: '13800001234',
      reason: '只在早上卸货时占用十分钟，不是经营。',
      consent: true,
    });
    const el = await mount(s.reviewer, { tab: 'appeals' });
    const appeal = (await s.reviewer.redblack.appeals({ community: 'xingfuli' })).find(
      (a) => a.entry === entry.id,
    )!;
    const button = $(el, `[data-correct="${appeal.id}"]`)!;
    expect(button.textContent).to.contain('申诉成立，更正理由');
    button.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'entry-title', 'form');
    const form = $(el, '[part=form]')!;
    expect(form.textContent).to.contain('申诉成立，更正上榜理由：幸福里水果店');
    expect(form.textContent).to.contain('只在早上卸货时占用十分钟');
    // Only the reason changes (the decision carries nothing else).
    expect($(el, '#category')).to.equal(null);
    expect($(el, '#kind')).to.equal(null);
    expect($<HTMLTextAreaElement>(el, '#reason')!.value).to.equal(
      '水果摊占用人行道经营，影响通行。',
    );
    await set(el, 'reason', '早上卸货时水果筐占用人行道。');
    $<HTMLFormElement>(el, '[part=form]')!.requestSubmit();
    await waitUntil(() => $(el, '#note-error'), 'note required here too');
    await set(el, 'note', '经复核更正：卸货占道，非经营。');
    $<HTMLFormElement>(el, '[part=form]')!.requestSubmit();
    await waitUntil(() => $(el, '[part=confirm]'), 'confirmation');
    expect($(el, '[part=confirm]')!.textContent).to.contain('经复核更正：卸货占道，非经营。');
    const decided = oneEvent(el, 'sq-appeal-decided') as Promise<SqAppealDecidedEvent>;
    click(el, `[data-confirm="${entry.id}"]`);
    const { detail } = await decided;
    expect(detail.appeal.status).to.equal('upheld');
    await waitUntil(() => !$(el, '[part=form]'), 'form closed');
    expect($(el, '[part=status]')!.textContent).to.equal('申诉成立，上榜理由已更正。');
    expect(item(el, '幸福里水果店')).to.equal(undefined);
    const stored = await s.reviewer.redblack.entry(entry.id);
    expect(stored.status).to.equal('published');
    expect(stored.reason).to.equal('早上卸货时水果筐占用人行道。');
    const board = await s.resident.redblack.board('xingfuli');
    expect(board.changes[0]).to.include({
      entry: entry.id,
      kind: 'corrected',
      note: '经复核更正：卸货占道，非经营。',
    });
    const status = await s.resident.redblack.appealStatus(receipt.code);
    expect(status.outcome!.text).to.equal('经复核更正：卸货占道，非经营。');
  });

  it('corrects with the keyboard alone: 更正, the note, Enter, the confirmation, Enter', async () => {
    const s = street();
    const entry = await published(s, eastGate);
    const el = await mount(s.reviewer, { tab: 'published' });
    $(el, `[data-open="correct:${entry.id}"]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'entry-title', 'form heading');
    for (let i = 0; i < 30 && el.shadowRoot!.activeElement?.id !== 'note'; i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(el.shadowRoot!.activeElement!.id).to.equal('note');
    await sendKeys({ type: '更正错别字。' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'confirm-title', 'confirmation');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.getAttribute('data-confirm')).to.equal(entry.id);
    const acted = oneEvent(el, 'sq-entry-acted');
    await sendKeys({ press: 'Enter' });
    await acted;
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'panel', 'panel focused');
    expect((await s.resident.redblack.board('xingfuli')).changes[0]!.note).to.equal('更正错别字。');
  });

  it('renders what staff wrote as text: XSS payloads stay inert', async () => {
    const s = street();
    for (const payload of XSS_PAYLOADS) {
      await s.author.redblack.create({
        community: 'xingfuli',
        list: 'red',
        period: thisQuarter(),
        category: 'good-deeds',
        subject: { kind: 'organisation', name: payload.slice(0, 60) },
        reason: `${payload} 好人好事`,
      });
    }
    const el = await mount(s.author);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect($$(el, '[part=panel] img, [part=panel] script, [part=panel] svg')).to.have.length(0);
    expect(text(el)).to.contain('<script>window.__xss = 1</script>');
  });

  it('is usable with the keyboard alone: tabs, the new entry form, focus moves', async () => {
    const el = await mount(street().author);
    $(el, '[part=tab][data-tab=drafts]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.getAttribute('data-tab')).to.equal('review');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.tab).to.equal('review');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'panel', 'panel focused');
    await tab(el, 'drafts');
    $(el, '#new-entry')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'entry-title', 'form heading');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.id).to.equal('list-red');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#list-black')!.checked).to.equal(true);
    expect($$<HTMLOptionElement>(el, '#kind option').map((o) => o.value)).not.to.include('person');
  });

  it('the 和谐楼道评分 tab: reached by keyboard, the same sign-in, score a building, see its rank', async () => {
    const el = await mount(street().author);
    $(el, '[part=tab][data-tab=appeals]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.getAttribute('data-tab')).to.equal('scores');
    expect(text(el)).to.contain('和谐楼道评分');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.tab).to.equal('scores');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'panel', 'panel focused');
    const sheet = await sheetOf(el);
    // No second sign-in: the sheet acts as the editor's staff member on the editor's community.
    expect(sheet.shadowRoot!.querySelector('[part=login]')).to.equal(null);
    expect(text(sheet)).to.contain('已评 6 / 7 栋');
    // Keyboard only: into the sheet, to 7号楼's first field, type, then to its save button.
    const first = sheet.shadowRoot!.querySelector<HTMLInputElement>('#s-xfl-g2-b7-sanitation')!;
    first.focus();
    for (const score of ['10', '9.5', '9', '8.5', '10']) {
      await sendKeys({ type: score });
      await sendKeys({ press: 'Tab' });
    }
    expect(sheet.shadowRoot!.activeElement!.getAttribute('part')).to.equal('save');
    const scored = oneEvent(el, 'sq-scored');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await scored) as CustomEvent<{ building: string; total: number }>;
    expect(detail).to.include({ building: 'xfl-g2-b7', total: 47 });
    await waitUntil(() => text(sheet).includes('已评 7 / 7 栋'), 'ranked');
    const row = [...sheet.shadowRoot!.querySelectorAll('[part=ranking] tbody tr')]
      .map((r) =>
        [...(r as HTMLTableRowElement).cells]
          .map((c) => c.textContent!.replace(/\s+/g, ' ').trim())
          .join(' '),
      )
      .find((r) => r.includes('7号楼'));
    expect(row).to.equal('1 7号楼 47 ★ 建议红榜');

    // ▲ 建议黑榜 → 起草黑榜条目: the entry form, black, this period, 5号楼 as the subject.
    const draft = sheet.shadowRoot!.querySelector<HTMLElement>(
      '[part=building][data-building=xfl-g2-b5] [part=draft]',
    )!;
    expect(draft.textContent).to.contain('起草黑榜条目');
    draft.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'entry-title', 'form heading');
    expect(el.tab).to.equal('drafts');
    expect($<HTMLInputElement>(el, '#list-black')!.checked).to.equal(true);
    expect($<HTMLSelectElement>(el, '#kind')!.value).to.equal('building');
    expect($<HTMLSelectElement>(el, '#grid')!.value).to.equal('xfl-g2');
    expect($<HTMLSelectElement>(el, '#building')!.value).to.equal('xfl-g2-b5');
    expect($<HTMLSelectElement>(el, '#period')!.value).to.equal(thisQuarter());
  });

  for (const care of [false, true]) {
    it(`passes axe (target-size included) with targets ≥ ${care ? 60 : 44}px${care ? ' in care mode' : ''}`, async () => {
      const s = street();
      const el = await mount(s.reviewer, { care, tab: 'review' });
      for (const name of ['drafts', 'review', 'published', 'appeals', 'scores']) {
        await tab(el, name);
        if (name === 'scores') await sheetOf(el);
        expect(await axeViolations(el)).to.deep.equal([]);
        expect(smallTargets(el, care ? 60 : 44)).to.deep.equal([]);
      }
      // The score sheet's own controls (its shadow root), in the editor's care mode.
      expect(smallTargets(await sheetOf(el), care ? 60 : 44)).to.deep.equal([]);
      await tab(el, 'drafts');
      click(el, '#new-entry');
      await waitUntil(() => $(el, '[part=form]'));
      await set(el, 'kind', 'person');
      expect(await axeViolations(el)).to.deep.equal([]);
      expect(smallTargets(el, care ? 60 : 44)).to.deep.equal([]);
      const body = parseFloat(getComputedStyle($(el, '.hint-text')!).fontSize);
      expect(body).to.be.at.least(care ? 18 : 16);
      click(el, '[part=form] > .bar > .button-secondary');
      // 更正: the form, its required note's error, the confirmation.
      await tab(el, 'published');
      const entry = el.entries!.find((e) => e.status === 'published')!;
      await openCorrection(el, entry.id);
      $<HTMLFormElement>(el, '[part=form]')!.requestSubmit();
      await waitUntil(() => $(el, '#note-error'));
      expect(await axeViolations(el)).to.deep.equal([]);
      expect(smallTargets(el, care ? 60 : 44)).to.deep.equal([]);
      await set(el, 'note', '更正错别字。');
      $<HTMLFormElement>(el, '[part=form]')!.requestSubmit();
      await waitUntil(() => $(el, '[part=confirm]'));
      expect(await axeViolations(el)).to.deep.equal([]);
      expect(smallTargets(el, care ? 60 : 44)).to.deep.equal([]);
      click(el, '[data-cancel]');
      await el.updateComplete;
      click(el, '[part=form] > .bar > .button-secondary');
      // An appeal upheld by correcting the reason.
      await tab(el, 'appeals');
      click(el, '[data-correct]');
      await waitUntil(() => $(el, '[part=form]'));
      expect(await axeViolations(el)).to.deep.equal([]);
      expect(smallTargets(el, care ? 60 : 44)).to.deep.equal([]);
    });
  }

  it('fits 320px at 200% text size without horizontal scrolling, in both languages', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      for (const lang of ['zh-CN', 'en']) {
        const el = await mount(street().reviewer, { lang, tab: 'published' });
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        await tab(el, 'drafts');
        click(el, '#new-entry');
        await waitUntil(() => $(el, '[part=form]'));
        await set(el, 'kind', 'person');
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        expect(el.getBoundingClientRect().right).to.be.at.most(320);
        click(el, '[part=form] > .bar > .button-secondary');
        await tab(el, 'published');
        await openCorrection(el, el.entries!.find((e) => e.status === 'published')!.id);
        await set(el, 'note', '更正错别字。');
        $<HTMLFormElement>(el, '[part=form]')!.requestSubmit();
        await waitUntil(() => $(el, '[part=confirm]'));
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
      }
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
  });
});
