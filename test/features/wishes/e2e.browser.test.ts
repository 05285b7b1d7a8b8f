/**
 * 微心愿 end to end through the elements (issue 5): a resident posts in <sq-wish-form>, staff
 * approve it in <sq-wish-review>, it appears in <sq-wish-wall>, a volunteer claims it in the
 * wall's dialog, staff record the fulfilment (登记完成), and the wisher thanks the claimer with
 * the 心愿码 in <sq-wish-tracker>. Once over HTTP on the real server, once on the embedded
 * transport (a resident client and a staff client on one memory store).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../src/define/provider.js';
import '../../../src/define/wish-form.js';
import '../../../src/define/wish-review.js';
import '../../../src/define/wish-tracker.js';
import '../../../src/define/wish-wall.js';
import type { SqSubmittedEvent } from '../../../src/ui/events.js';
import type { SqWishForm } from '../../../src/features/wishes/elements/wish-form/index.js';
import type { SqWishReview } from '../../../src/features/wishes/elements/wish-review/index.js';
import type { SqWishTracker } from '../../../src/features/wishes/elements/wish-tracker/index.js';
import type { SqWishWall } from '../../../src/features/wishes/elements/wish-wall/index.js';
import type { SqClaimedEvent } from '../../../src/features/wishes/elements/wish-wall/events.js';
import type { SqThankedEvent } from '../../../src/features/wishes/elements/wish-tracker/wish-tracker.js';
import type { WishReceipt } from '../../../src/features/wishes/model.js';
import { createClient, type Client } from '../../../src/sdk/index.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { demoLogin, serverReady } from '../../e2e/server.js';

const WAIT = { timeout: 15_000 };
const STORY = '一个人住，眼睛不好，想听听戏曲和新闻，家里的收音机坏了。';
const NOTE = '已电话确认，收音机已送到家中。';
const THANKS = '收音机很好用，每天都听，谢谢！';

const root = (el: Element) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<E>(selector);
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');

async function mountIn<E extends Element>(template: TemplateResult, tag: string): Promise<E> {
  const host = await fixture<HTMLElement>(template);
  return (host.matches(tag) ? host : host.querySelector(tag)) as E;
}

/** A title no other test on the shared server uses. */
const uniqueTitle = () => `收音机${Math.random().toString(36).slice(2, 6)}`;

// ---- the form -------------------------------------------------------------------------------

async function post(form: SqWishForm, title: string): Promise<WishReceipt> {
  localStorage.removeItem('sq-wish-form-draft:xingfuli');
  await waitUntil(() => $(form, 'form [name=title]'), 'wish form', WAIT);
  const values: Record<string, string> = {
    title,
    story: STORY,
    category: 'daily',
    grid: 'xfl-g1',
    wisherName: '王秀英',
    phone: '138 1234 5678',
    value: '80',
  };
  for (const [name, value] of Object.entries(values)) {
    const field = $<HTMLInputElement | HTMLSelectElement>(form, `[name=${name}]`)!;
    field.value = value;
    field.dispatchEvent(
      new Event(field.localName === 'select' ? 'change' : 'input', { bubbles: true }),
    );
  }
  await form.updateComplete;
  $<HTMLInputElement>(form, '[name=consent]')!.click();
  $<HTMLInputElement>(form, '[name=publishConsent]')!.click();
  await form.updateComplete;
  expect($(form, '.shown')!.textContent).to.contain('王*英');
  const submitted = oneEvent(form, 'sq-submitted') as Promise<SqSubmittedEvent>;
  $<HTMLButtonElement>(form, 'button.primary')!.click();
  const { detail } = await submitted;
  if (detail.kind !== 'wish' || detail.state !== 'delivered') throw new Error('not delivered');
  const receipt = detail.receipt;
  expect(receipt.status).to.equal('pending_review');
  expect(receipt.code).to.match(/^[A-Z0-9]{8}$/);
  await waitUntil(() => $(form, '[part=receipt]'), 'receipt', WAIT);
  // Shown in two groups of four, as the other receipts.
  expect($(form, '#code')!.textContent).to.equal(
    `${receipt.code.slice(0, 4)} ${receipt.code.slice(4)}`,
  );
  return receipt;
}

// ---- the review -----------------------------------------------------------------------------

const said = (review: SqWishReview) => $(review, '[part=status]')?.textContent ?? '';
const itemOf = (review: SqWishReview, title: string) =>
  [...root(review).querySelectorAll<HTMLElement>('[part=item]')].find(
    (i) => i.querySelector('h4')?.textContent?.trim() === title,
  );
const loaded = (review: SqWishReview) =>
  waitUntil(
    () =>
      root(review).querySelector('section[aria-labelledby=queue]')?.getAttribute('aria-busy') ===
      'false',
    'queue loaded',
    WAIT,
  );

async function signIn(review: SqWishReview) {
  await waitUntil(() => $(review, '[part=login]'), 'login form', WAIT);
  const { password } = await demoLogin();
  $<HTMLInputElement>(review, '#f-username')!.value = 'xfl-admin';
  $<HTMLInputElement>(review, '#f-password')!.value = password;
  $<HTMLButtonElement>(review, '[part=login] button')!.click();
  await waitUntil(() => $(review, '[part=toolbar]'), 'signed in', WAIT);
}

async function filter(review: SqWishReview, status: string) {
  const select = $<HTMLSelectElement>(review, '#filter')!;
  select.value = status;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await review.updateComplete;
  await loaded(review);
}

async function approve(review: SqWishReview, title: string) {
  await loaded(review);
  await waitUntil(() => itemOf(review, title), `“${title}” in the queue`, WAIT);
  const item = itemOf(review, title)!;
  expect(item.textContent).to.contain('待核实').and.contain('王秀英').and.contain('13812345678');
  const acted = oneEvent(review, 'sq-wish-acted');
  [...item.querySelectorAll<HTMLButtonElement>('[part=actions] button')]
    .find((b) => b.textContent!.trim() === '核实通过')!
    .click();
  const { detail } = await acted;
  expect(detail.wish.status).to.equal('open');
  await waitUntil(() => said(review).includes(`已核实通过：${title}`), 'approved', WAIT);
  // Gone from the 待核实 queue.
  expect(itemOf(review, title)).to.equal(undefined);
}

async function fulfil(review: SqWishReview, title: string) {
  await filter(review, 'claimed');
  await waitUntil(() => itemOf(review, title), `“${title}” claimed`, WAIT);
  const item = itemOf(review, title)!;
  expect(item.textContent).to.contain('已认领').and.contain('春风志愿服务队');
  [...item.querySelectorAll<HTMLButtonElement>('[part=actions] button')]
    .find((b) => b.textContent!.trim() === '登记完成')!
    .click();
  await waitUntil(() => item.querySelector('textarea'), 'note field', WAIT);
  const note = item.querySelector('textarea')!;
  note.value = NOTE;
  note.dispatchEvent(new Event('input'));
  const acted = oneEvent(review, 'sq-wish-acted');
  [...item.querySelectorAll<HTMLButtonElement>('[part=actions] button')]
    .find((b) => b.textContent!.trim() === '确认完成')!
    .click();
  const { detail } = await acted;
  expect(detail.wish.status).to.equal('fulfilled');
  expect(detail.wish.fulfilment?.note).to.equal(NOTE);
  await waitUntil(() => said(review).includes(`已登记完成：${title}`), 'fulfilled', WAIT);
}

// ---- the wall -------------------------------------------------------------------------------

const cardOf = (wall: SqWishWall, title: string) =>
  [...root(wall).querySelectorAll<HTMLElement>('[part=card]')].find(
    (c) => c.querySelector('.title')?.textContent?.trim() === title,
  );

async function claim(wall: SqWishWall, title: string) {
  await waitUntil(() => cardOf(wall, title), `“${title}” on the wall`, WAIT);
  const card = cardOf(wall, title)!;
  expect(card.textContent).to.contain('待认领').and.contain('王*英').and.not.contain('王秀英');
  expect(card.textContent).not.to.contain('13812345678');
  card.querySelector('button')!.click();
  const dialog = $<HTMLDialogElement>(wall, 'dialog')!;
  await waitUntil(() => dialog.open && dialog.querySelector('form.claim'), 'claim dialog', WAIT);
  expect(dialog.textContent).to.contain(STORY);
  dialog.querySelector<HTMLInputElement>('input[value=unit]')!.click();
  await wall.updateComplete;
  dialog.querySelector<HTMLInputElement>('#name')!.value = '春风志愿服务队';
  dialog.querySelector<HTMLInputElement>('#phone')!.value = '13800001111';
  dialog.querySelector<HTMLInputElement>('input[name=consent]')!.click();
  const claimed = oneEvent(wall, 'sq-claimed') as Promise<SqClaimedEvent>;
  dialog.querySelector<HTMLButtonElement>('form.claim button.primary')!.click();
  const { detail } = await claimed;
  expect(detail.card.status).to.equal('claimed');
  expect(detail.claimCode).to.match(/^[A-Z0-9]{8}$/);
  await waitUntil(() => dialog.querySelector('.success'), 'claim receipt', WAIT);
  // In two groups of four, as the other receipts.
  expect(dialog.querySelector('.success .code strong')!.textContent).to.equal(
    `${detail.claimCode.slice(0, 4)} ${detail.claimCode.slice(4)}`,
  );
  dialog.close();
  await wall.updateComplete;
  expect(cardOf(wall, title)!.textContent)
    .to.contain('已认领')
    .and.contain('感谢 春风志愿服务队（单位）认领');
}

// ---- the tracker ----------------------------------------------------------------------------

async function thank(tracker: SqWishTracker, code: string) {
  await waitUntil(() => $(tracker, '#code'), 'tracker', WAIT);
  $<HTMLInputElement>(tracker, '#code')!.value = code.toLowerCase();
  $<HTMLButtonElement>(tracker, '[part=form] button')!.click();
  await waitUntil(() => $(tracker, '[part=result]'), 'wish found', WAIT);
  expect($(tracker, '[part=status]')!.textContent!.trim()).to.equal('已完成');
  expect(text(tracker)).to.contain(NOTE).and.contain('春风志愿服务队（单位）');
  $<HTMLTextAreaElement>(tracker, '#thanks')!.value = THANKS;
  const thanked = oneEvent(tracker, 'sq-thanked') as Promise<SqThankedEvent>;
  $<HTMLButtonElement>(tracker, 'form[part=thanks] button')!.click();
  const { detail } = await thanked;
  expect(detail.view.status).to.equal('thanked');
  expect(detail.message).to.equal(THANKS);
  await waitUntil(() => $(tracker, '#outcome'), 'thanked', WAIT);
  expect($(tracker, '#outcome')!.textContent).to.contain('您的感谢已送达认领人');
  expect($(tracker, '[part=status]')!.textContent!.trim()).to.equal('已评价');
  expect($(tracker, 'form[part=thanks]')).to.equal(null);
}

// ---- the whole flow -------------------------------------------------------------------------

interface Pages {
  form(): Promise<SqWishForm>;
  /** The review, signed in. */
  review(): Promise<SqWishReview>;
  wall(): Promise<SqWishWall>;
  tracker(): Promise<SqWishTracker>;
}

async function flow(pages: Pages) {
  const title = uniqueTitle();
  const receipt = await post(await pages.form(), title);

  const review = await pages.review();
  await approve(review, title);

  const wall = await pages.wall();
  await claim(wall, title);

  await fulfil(review, title);
  await thank(await pages.tracker(), receipt.code);

  // The review's 已评价 list has it with the thanks; the wall shows it 已评价 with the thanks.
  await filter(review, 'thanked');
  await waitUntil(() => itemOf(review, title), 'thanked in the review', WAIT);
  expect(itemOf(review, title)!.textContent).to.contain(THANKS).and.contain(NOTE);
  const again = await pages.wall();
  await waitUntil(() => cardOf(again, title), 'on the wall again', WAIT);
  const card = cardOf(again, title)!;
  expect(card.textContent).to.contain('已评价');
  card.querySelector('button')!.click();
  const dialog = $<HTMLDialogElement>(again, 'dialog')!;
  await waitUntil(() => dialog.open && dialog.querySelector('.story'), 'dialog', WAIT);
  expect(dialog.textContent).to.contain(`心愿人的感谢：${THANKS}`);
  expect(dialog.querySelector('form.claim')).to.equal(null);
  dialog.close();
  return { review, title };
}

describe('微心愿 end to end over HTTP on the real server', () => {
  before(serverReady);

  it('form → review login + 核实通过 → wall claim → 登记完成 → tracker thanks', async function () {
    this.timeout(120_000);
    // Residents and volunteers: their own client, no staff session riding along.
    const resident = createClient({ baseUrl: '/api/v1', outbox: false, credentials: 'omit' });
    const { review } = await flow({
      form: () =>
        mountIn(
          html`<sq-wish-form api-base="/api/v1" community="xingfuli"></sq-wish-form>`,
          'sq-wish-form',
        ),
      review: async () => {
        const review = await mountIn<SqWishReview>(
          html`<sq-wish-review api-base="/api/v1"></sq-wish-review>`,
          'sq-wish-review',
        );
        await signIn(review);
        return review;
      },
      wall: () =>
        mountIn(
          html`<sq-provider .client=${resident} community="xingfuli"
            ><sq-wish-wall></sq-wish-wall
          ></sq-provider>`,
          'sq-wish-wall',
        ),
      tracker: () =>
        mountIn(
          html`<sq-provider .client=${resident}><sq-wish-tracker></sq-wish-tracker></sq-provider>`,
          'sq-wish-tracker',
        ),
    });
    // Sign out, so no staff session is left in this browser.
    [...root(review).querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent!.includes('退出登录'))!
      .click();
    await waitUntil(() => $(review, '[part=login]'), 'signed out', WAIT);
    await resident.close();
  });
});

describe('微心愿 end to end on the embedded transport', () => {
  it('the same flow with a resident client and a staff client on one memory store', async function () {
    this.timeout(60_000);
    const store = createMemoryStore();
    const resident: Client = createClient({ embedded: { store, persistence: false } });
    const staff: Client = createClient({
      embedded: { store, actor: 'xfl-admin', persistence: false },
    });
    const { title } = await flow({
      form: () =>
        mountIn(
          html`<sq-provider .client=${resident} community="xingfuli"
            ><sq-wish-form></sq-wish-form
          ></sq-provider>`,
          'sq-wish-form',
        ),
      review: async () => {
        const review = await mountIn<SqWishReview>(
          html`<sq-provider .client=${staff}><sq-wish-review></sq-wish-review></sq-provider>`,
          'sq-wish-review',
        );
        // The embedded client acts as its actor: no login form.
        await waitUntil(() => $(review, '[part=toolbar]'), 'signed in', WAIT);
        expect($(review, '[part=login]')).to.equal(null);
        return review;
      },
      wall: () =>
        mountIn(
          html`<sq-provider .client=${resident} community="xingfuli"
            ><sq-wish-wall></sq-wish-wall
          ></sq-provider>`,
          'sq-wish-wall',
        ),
      tracker: () =>
        mountIn(
          html`<sq-provider .client=${resident}><sq-wish-tracker></sq-wish-tracker></sq-provider>`,
          'sq-wish-tracker',
        ),
    });
    // The store agrees with what the elements showed: one wish, thanked.
    const page = await staff.wishes.queue({ community: 'xingfuli' });
    expect(page.items.map((w) => [w.title, w.status])).to.deep.equal([[title, 'thanked']]);
  });
});
