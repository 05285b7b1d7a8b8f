import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/activity-desk.js';
import '../../../../src/define/provider.js';
import type { SqActivityDesk } from '../../../../src/features/calendar/elements/activity-desk/index.js';
import type { ActivityInput } from '../../../../src/features/calendar/model.js';
import { toLunar } from '../../../../src/domain/lunar.js';
import { addDays, shanghaiDate, shanghaiStartOfDay } from '../../../../src/domain/time.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

const today = () => shanghaiDate(new Date());
const tomorrow = () => addDays(today(), 1);

/** Tomorrow's rehearsal: the date is taken when a test runs (a file may start before midnight). */
const activity = (): ActivityInput => ({
  community: 'xingfuli',
  title: '老年合唱团排练',
  category: 'culture',
  place: '党群服务中心三楼',
  date: tomorrow(),
  startTime: '19:00',
  endTime: '21:00',
  capacity: 1,
  publish: true,
});

/**
 * A street whose staff desk lives at tomorrow 00:01 Beijing (so 签到 is allowed and tomorrow's
 * 19:00 has not started), and residents registering now.
 */
function street() {
  const store = createMemoryStore();
  const at = shanghaiStartOfDay(tomorrow()).getTime() + 60_000;
  const started = Date.now();
  const staff = createClient({
    embedded: {
      store,
      persistence: false,
      actor: 'xfl-admin',
      clock: { now: () => new Date(at + (Date.now() - started)) },
    },
  });
  const admin = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  const resident = createClient({ embedded: { store, persistence: false } });
  return { staff, admin, resident };
}

const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot!.querySelector<E>(s);
const $$ = <E extends Element = HTMLElement>(el: Element, s: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(s),
];
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const button = (el: Element, label: string, scope = '') =>
  $$<HTMLButtonElement>(el, `${scope} button`).find((b) => b.textContent!.trim() === label);

async function mount(client: Client, { care = false, lang = 'zh-CN' } = {}) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${lang}>
      <sq-activity-desk community="xingfuli" ?care=${care}></sq-activity-desk>
    </sq-provider>`,
  );
  const desk = provider.querySelector('sq-activity-desk')! as SqActivityDesk;
  await waitUntil(() => $(desk, '[part=list] ul, [part=list] p:not([role])'), 'list', {
    // The first mount loads the later chunk and the holidays (cold: compiled on first use).
    timeout: 20_000,
  });
  return desk;
}

function type(desk: Element, id: string, value: string) {
  const el = $<HTMLInputElement | HTMLSelectElement>(desk, `#${id}`)!;
  el.value = value;
  el.dispatchEvent(new Event(el.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

async function openForm(desk: SqActivityDesk) {
  button(desk, '新建活动')!.click();
  await waitUntil(() => $(desk, '[part=form]'), 'form');
}

describe('<sq-activity-desk>', function () {
  this.timeout(30_000);
  it('creates a lunar monthly activity: the preview shows 初一 and 十五 with their 农历', async () => {
    const { admin } = street();
    const desk = await mount(admin);
    expect(text(desk)).to.contain('还没有活动');
    await openForm(desk);
    type(desk, 'title', '初一十五 义诊');
    type(desk, 'category', 'health');
    type(desk, 'place', '社区卫生服务站');
    type(desk, 'repeat', 'lunar-monthly');
    await desk.updateComplete;
    for (const day of ['1', '15']) {
      $<HTMLInputElement>(desk, `input[name=lunarDays][value="${day}"]`)!.click();
    }
    await desk.updateComplete;
    // Expected: the next eight days whose lunar day is 1 or 15, from today.
    const expected: string[] = [];
    for (let d = today(); expected.length < 8; d = addDays(d, 1)) {
      const day = toLunar(d).day;
      if (day === 1 || day === 15 || d === today()) expected.push(d);
    }
    const shown = $$(desk, '[part=preview] li').map((li) => li.dataset.date);
    expect(shown).to.deep.equal(expected);
    const second = $(desk, `[part=preview] li[data-date="${expected[1]}"]`)!;
    const lunar = toLunar(expected[1]!);
    expect(second.textContent).to.contain(`农历${lunar.monthName}${lunar.dayName}`);
    button(desk, '保存并发布')!.click();
    await waitUntil(() => $(desk, '[part=card]'), 'saved');
    const card = $(desk, '[part=card]')!;
    expect(card.textContent).to.contain('初一十五 义诊');
    expect(card.textContent).to.contain('已发布');
    const [saved] = await admin.calendar.manage('xingfuli');
    expect(saved!.recurrence).to.deep.include({ rule: { kind: 'lunar-monthly', days: [1, 15] } });
  });

  it('marks a 法定节假日 skipped in the preview', async () => {
    const { admin } = street();
    await admin.calendar.putHolidays({ year: 2027, off: [['2027-10-01', '2027-10-07']], work: [] });
    const desk = await mount(admin);
    await openForm(desk);
    // Every 1 October: 国庆 is a day off (the operator loaded 2027), so with "skip" it is
    // marked, not held.
    type(desk, 'date', '2026-10-01');
    type(desk, 'repeat', 'yearly');
    await desk.updateComplete;
    $<HTMLInputElement>(desk, '#skipHolidays')!.click();
    await desk.updateComplete;
    const first = $$(desk, '[part=preview] li')[0]!;
    expect(first.dataset.date).to.equal('2027-10-01');
    expect(first.textContent).to.contain('法定节假日，不办');
  });

  it('says what to do for each wrong field, in zh-CN and en', async () => {
    const { admin } = street();
    const desk = await mount(admin);
    await openForm(desk);
    type(desk, 'title', '');
    type(desk, 'capacity', '十');
    button(desk, '存为草稿')!.click();
    await waitUntil(() => $(desk, '[part=error-summary]'), 'summary');
    const summary = $(desk, '[part=error-summary]')!.textContent!;
    expect(summary).to.contain('请填写活动名称。');
    expect(summary).to.contain('请选择活动类别。');
    expect(summary).to.contain('请填写活动地点。');
    expect(summary).to.contain('名额请填 0 到 10000 之间的整数');
    expect($(desk, '#title')!.getAttribute('aria-invalid')).to.equal('true');
    expect(desk.shadowRoot!.activeElement!.id).to.equal('title');
    desk.closest('sq-provider')!.setAttribute('lang', 'en');
    await waitUntil(() => text(desk).includes('Enter the activity’s name.'), 'en');
    expect(text(desk)).to.contain('Places: a whole number from 0 to 10000');
    expect(await admin.calendar.manage('xingfuli')).to.deep.equal([]);
  });

  it('publishes a draft and withdraws one occurrence, each confirmed in a dialog', async () => {
    const { admin } = street();
    await admin.calendar.create({
      ...activity(),
      recurrence: { rule: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] } },
      publish: false,
    });
    const desk = await mount(admin);
    expect($(desk, '[part=card]')!.textContent).to.contain('草稿');
    button(desk, '发布')!.click();
    await waitUntil(() => $<HTMLDialogElement>(desk, 'dialog')?.open, 'dialog');
    button(desk, '确认发布', 'dialog')!.click();
    await waitUntil(() => $(desk, '[part=card]')!.textContent!.includes('已发布'), 'published');
    // The card may show 已发布 an update before the dialog closes. (An element as a failed
    // assertion's value also never reaches the runner: its page hangs serializing it.)
    await waitUntil(() => !$(desk, 'dialog'), 'the dialog closes');
    button(desk, '停办一次')!.click();
    await waitUntil(() => $<HTMLDialogElement>(desk, 'dialog')?.open, 'dialog');
    // No reason: the dialog says what to write.
    button(desk, '确认停办这一次', 'dialog')!.click();
    await waitUntil(() => $(desk, 'dialog #c-reason-error'), 'reason error');
    expect($(desk, 'dialog')!.textContent).to.contain('请写明原因，居民会看到。');
    const date = $<HTMLSelectElement>(desk, '#c-date')!.value;
    $<HTMLInputElement>(desk, '#c-reason')!.value = '场地检修';
    button(desk, '确认停办这一次', 'dialog')!.click();
    await waitUntil(() => !$(desk, 'dialog'), 'closed');
    const [a] = await admin.calendar.manage('xingfuli');
    expect(a!.cancelled).to.deep.equal([{ date, reason: '场地检修' }]);
  });

  it('lists registrations with the waitlist; 签到 by code and from the list; cancels; 代报名; CSV', async () => {
    const { staff, resident } = street();
    const a = await staff.calendar.create(activity());
    const person = (name: string, phone: string) => ({
      activity: a.id,
      date: a.date,
      name,
      phone,
      consent: true as const,
    });
    const first = await resident.calendar.register(person('王秀英', '13800000001'));
    const second = await resident.calendar.register(person('李桂兰', '13800000002'));
    expect([first.status, second.status]).to.deep.equal(['confirmed', 'waitlisted']);
    const desk = await mount(staff);
    expect($(desk, '[part=card]')!.textContent).to.contain('报名 1 / 1 人');
    expect($(desk, '[part=card]')!.textContent).to.contain('候补 1 人');
    button(desk, '报名名单')!.click();
    await waitUntil(() => $(desk, '[part=registrations] ul.seated'), 'registrations');
    expect($(desk, 'ul.seated')!.textContent).to.contain('王秀英');
    expect($(desk, 'ul.seated')!.textContent).to.contain('13800000001');
    expect($(desk, 'ul.waitlist')!.textContent).to.contain('李桂兰');
    expect($(desk, 'ul.waitlist')!.textContent).to.contain('1.');

    // 签到 by the code the resident shows.
    type(desk, 'f-code', first.code.toLowerCase());
    button(desk, '签到', 'form.bar')!.click();
    await waitUntil(() => text(desk).includes('已签到：王秀英'), 'checked in');
    await waitUntil(() => $(desk, 'ul.others')?.textContent!.includes('王秀英'), 'moved');

    // Cancel the one waiting, with a reason.
    const row = $(desk, `li[data-id="${second.id}"]`)!;
    [...row.querySelectorAll('button')].find((b) => b.textContent!.includes('取消报名'))!.click();
    await waitUntil(() => $(desk, '#r-reason'), 'reason');
    $<HTMLInputElement>(desk, '#r-reason')!.value = '本人来电取消';
    button(desk, '确认取消这份报名')!.click();
    await waitUntil(() => !$(desk, 'ul.waitlist'), 'cancelled');
    expect((await resident.calendar.registration(second.code)).cancelReason).to.equal(
      '本人来电取消',
    );

    // 代报名 by phone: the seat is taken, so it waits in line.
    button(desk, '代报名（电话）')!.click();
    await desk.updateComplete;
    button(desk, '提交报名')!.click();
    await waitUntil(() => $(desk, '#name-error'), 'errors');
    expect($(desk, '#name-error')!.textContent).to.contain('请填写报名人的姓名');
    expect($(desk, '#consent-error')!.textContent).to.contain('个人信息');
    type(desk, 'name', '赵大爷');
    type(desk, 'phone', '13800000003');
    $<HTMLInputElement>(desk, '#consent')!.click();
    button(desk, '提交报名')!.click();
    await waitUntil(() => text(desk).includes('报名成功'), 'registered');
    await waitUntil(() => $(desk, 'ul.waitlist')?.textContent!.includes('赵大爷'), 'waiting');

    // The CSV: UTF-8 with BOM, the staff's columns, phones.
    const saved = new Promise<{ name: string; bytes: Uint8Array }>((resolve) => {
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = click;
        void fetch(this.href)
          .then((r) => r.arrayBuffer())
          .then((b) => resolve({ name: this.download, bytes: new Uint8Array(b) }));
      };
    });
    button(desk, '导出名单（CSV）')!.click();
    const { name, bytes } = await saved;
    expect(name).to.equal(`activity-${a.id}-${a.date}.csv`);
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    expect(csv.split(/\r?\n/)[0]).to.equal(
      '活动,日期,姓名,电话,人数,代报名（老人 / 关系）,状态,候补位次,签到时间',
    );
    expect(csv).to.contain('王秀英');
    expect(csv).to.contain('13800000003');
    expect(csv).to.contain('已签到');
  });

  it('works with the keyboard only: publish a draft through the dialog', async () => {
    const { admin } = street();
    await admin.calendar.create({ ...activity(), publish: false });
    const desk = await mount(admin);
    const active = () => desk.shadowRoot!.activeElement as HTMLElement | null;
    for (let i = 0; i < 30 && active()?.textContent?.trim() !== '发布'; i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(active()?.textContent?.trim()).to.equal('发布');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLDialogElement>(desk, 'dialog')?.open, 'dialog');
    for (let i = 0; i < 5 && active()?.textContent?.trim() !== '确认发布'; i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(active()?.textContent?.trim()).to.equal('确认发布');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(desk, '[part=card]')!.textContent!.includes('已发布'), 'published');
    // The publish dialog is gone (its close event has run) before the next one is opened.
    await waitUntil(() => !$(desk, 'dialog'), 'publish dialog closed');
    // Escape closes a dialog without acting.
    button(desk, '取消活动')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLDialogElement>(desk, 'dialog')?.open, 'dialog');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(desk, 'dialog'), 'closed');
    expect((await admin.calendar.manage('xingfuli'))[0]!.status).to.equal('published');
  });

  for (const care of [false, true]) {
    it(`passes axe with target-size${care ? ' in care mode' : ''}: list, form, registrations`, async () => {
      const { staff, resident } = street();
      const a = await staff.calendar.create(activity());
      await resident.calendar.register({
        activity: a.id,
        date: a.date,
        name: '王秀英',
        phone: '13800000001',
        consent: true,
      });
      const desk = await mount(staff, { care });
      await waitUntil(() => text(desk).includes('报名 1 / 1 人'), 'counts');
      expect(await axeViolations(desk), 'list').to.deep.equal([]);
      expect(smallTargets(desk, care ? 60 : 44), 'list').to.deep.equal([]);
      button(desk, '报名名单')!.click();
      await waitUntil(() => $(desk, 'ul.seated'), 'registrations');
      button(desk, '代报名（电话）')!.click();
      await desk.updateComplete;
      expect(await axeViolations(desk), 'registrations').to.deep.equal([]);
      expect(smallTargets(desk, care ? 60 : 44), 'registrations').to.deep.equal([]);
      button(desk, '返回列表')!.click();
      await waitUntil(() => button(desk, '新建活动'), 'list');
      await openForm(desk);
      type(desk, 'repeat', 'weekly');
      await desk.updateComplete;
      button(desk, '存为草稿')!.click();
      await waitUntil(() => $(desk, '[part=error-summary]'), 'summary');
      expect(await axeViolations(desk), 'form').to.deep.equal([]);
      expect(smallTargets(desk, care ? 60 : 44), 'form').to.deep.equal([]);
    });
  }

  it('renders hostile titles, places and reasons as text', async () => {
    const { admin } = street();
    for (const payload of XSS_PAYLOADS.slice(0, 3)) {
      await admin.calendar.create({
        ...activity(),
        title: payload.slice(0, 40),
        place: payload,
        organiser: payload,
        publish: false,
      });
    }
    const desk = await mount(admin);
    expect($$(desk, '[part=card]').length).to.equal(3);
    expect(!!$(desk, '[part=list] img, [part=list] script, [part=list] svg')).to.equal(false);
    expect(text(desk)).to.contain('<img src=x onerror=');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  for (const care of [false, true]) {
    it(`has no horizontal scroll at 320px with 200% text${care ? ' in care mode' : ''}`, async () => {
      const { staff, resident } = street();
      const a = await staff.calendar.create({
        ...activity(),
        recurrence: { rule: { kind: 'lunar-monthly', days: [1, 15] } },
      });
      await resident.calendar.register({
        activity: a.id,
        date: a.date,
        name: '王秀英',
        phone: '13800000001',
        consent: true,
      });
      await setViewport({ width: 320, height: 640 });
      document.documentElement.style.fontSize = '200%';
      const wide = (desk: Element, view: string) =>
        `${view}: ${[...$$(desk, '*'), ...document.querySelectorAll('*')]
          .filter((e) => e.getBoundingClientRect().right > 330 || e.scrollWidth > e.clientWidth + 1)
          .map((e) => `${e.localName}.${e.className}#${e.id}:${e.scrollWidth}/${e.clientWidth}`)
          .join(' ')}`;
      try {
        const desk = await mount(staff, { care });
        expect(document.documentElement.scrollWidth, wide(desk, 'list')).to.be.at.most(320);
        button(desk, '报名名单')!.click();
        await waitUntil(() => $(desk, 'ul.seated'), 'registrations');
        button(desk, '代报名（电话）')!.click();
        await desk.updateComplete;
        expect(document.documentElement.scrollWidth, wide(desk, 'registrations')).to.be.at.most(
          320,
        );
        button(desk, '返回列表')!.click();
        await waitUntil(() => button(desk, '新建活动'), 'list');
        await openForm(desk);
        type(desk, 'repeat', 'lunar-monthly');
        await desk.updateComplete;
        expect(document.documentElement.scrollWidth, wide(desk, 'form')).to.be.at.most(320);
      } finally {
        document.documentElement.style.fontSize = '';
        await setViewport({ width: 1024, height: 800 });
      }
    });
  }
});
