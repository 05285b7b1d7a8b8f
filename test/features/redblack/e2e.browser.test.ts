/**
 * 红黑榜 end to end over HTTP on the real server (scripts/wtr-api-server.mjs, PGlite with the
 * demo street): one staff member writes a black entry and another publishes it; the resident's
 * <sq-redblack-board> shows it, its responsible party appeals through the element and gets a
 * code; staff uphold the appeal; the board shows the entry gone and the change log's 经复核撤销,
 * and the code shows 申诉成立. (The same on the embedded transport: elements/*.browser.test.ts.)
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define/redblack-board.js';
import type {
  SqAppealedEvent,
  SqRedblackBoard,
} from '../../../src/features/redblack/elements/redblack-board/index.js';
import { createClient, type Client } from '../../../src/sdk/index.js';
import { demoLogin, serverReady } from '../../e2e/server.js';

const WAIT = { timeout: 15_000 };
const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot!.querySelector<E>(s);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Runs `work` as a demo staff member (one session cookie at a time on this origin). */
async function as<T>(username: string, work: (staff: Client) => Promise<T>): Promise<T> {
  const staff = createClient({ baseUrl: '/api/v1', outbox: false });
  const { password } = await demoLogin();
  await staff.auth.login({ username, password });
  try {
    return await work(staff);
  } finally {
    await staff.auth.logout().catch(() => undefined);
  }
}

describe('红黑榜 end to end over HTTP', () => {
  before(serverReady);

  it('written → published by another → on the board → appealed → upheld → withdrawn with 经复核撤销', async function () {
    this.timeout(60_000);
    const now = new Date(Date.now() + 8 * 3_600_000);
    const period = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    // A shop of its own, so other runs on the same database do not change what this one sees.
    const shop = `e2e 早餐铺 ${Date.now().toString(36)}`;
    const entry = await as('xfl-grid', async (author) => {
      const made = await author.redblack.create({
        community: 'xingfuli',
        list: 'black',
        period,
        category: 'street-trading',
        subject: { kind: 'organisation', name: shop },
        reason: '早餐铺在人行道上摆桌经营，行人只能走机动车道。',
      });
      await author.redblack.act(made.id, { action: 'submit' });
      return made;
    });
    await as('xfl-admin', (reviewer) => reviewer.redblack.act(entry.id, { action: 'publish' }));

    const el = (await fixture(
      html`<sq-redblack-board
        api-base="/api/v1"
        community="xingfuli"
        list="black"
      ></sq-redblack-board>`,
    )) as SqRedblackBoard;
    await waitUntil(() => text(el).includes(shop), 'on the board', WAIT);
    $(el, `[data-appeal="${entry.id}"]`)!.click();
    await waitUntil(() => $(el, '#role'), 'appeal form', WAIT);
    type(el, 'role', '店主');
    type(el, 'phone', '010-12345678');
    type(el, 'reason', '桌椅八点前全部收回，已按要求划线经营。');
    $<HTMLInputElement>(el, '#consent')!.click();
    await el.updateComplete;
    const appealed = oneEvent(el, 'sq-appealed') as Promise<SqAppealedEvent>;
    $(el, '[part=submit]')!.click();
    const { receipt } = (await appealed).detail;
    await waitUntil(() => $(el, '[part=receipt]'), 'receipt', WAIT);
    expect($(el, '#code')!.textContent).to.equal(receipt.code);

    await as('xfl-admin', (staff) => staff.redblack.decide(receipt.id, { outcome: 'upheld' }));

    // Back on the board (read again): gone, and the change log says why.
    el.remove();
    const again = (await fixture(
      html`<sq-redblack-board
        api-base="/api/v1"
        community="xingfuli"
        list="black"
      ></sq-redblack-board>`,
    )) as SqRedblackBoard;
    await waitUntil(() => text(again).includes('更正记录'), 'board', WAIT);
    expect($(again, `[data-appeal="${entry.id}"]`)).to.equal(null);
    expect(text(again)).to.contain(`撤销：${shop}，经复核撤销`);
    expect(text(again)).not.to.contain('12345678');
    // The code tells the appellant.
    $(again, '#lookup')!.click();
    await waitUntil(() => $(again, '#code-input'), 'look-up', WAIT);
    type(again, 'code-input', receipt.code);
    $(again, 'form .primary')!.click();
    await waitUntil(() => $(again, '[part=result]'), 'found', WAIT);
    expect(text(again)).to.contain('申诉成立');
  });
});
