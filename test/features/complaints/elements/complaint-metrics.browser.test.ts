import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../../src/define/complaint-metrics.js';
import '../../../../src/define/provider.js';
import type { SqComplaintMetrics } from '../../../../src/features/complaints/elements/complaint-metrics/index.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets } from '../../../ui/a11y.js';

/** Staff of 幸福里 and residents on one store (the real embedded transport). */
async function world() {
  const store = createMemoryStore();
  const staff = createClient({ embedded: { store, actor: 'xfl-admin' } });
  const resident = createClient({ embedded: { store } });
  const submit = async (category: string) => {
    const d = await resident.complaints.submit({
      community: 'xingfuli',
      category,
      description: '楼道的灯坏了好几天，晚上很黑。',
      location: { community: 'xingfuli', text: '3号楼楼道' },
      anonymous: true,
      consent: true,
    });
    if (d.state !== 'delivered') throw new Error('not delivered');
    return d.value;
  };
  const a = await submit('noise');
  await submit('noise');
  await submit('fire-safety');
  await staff.complaints.act(a.id, { action: 'reply', text: '收到，马上安排。' });
  return staff;
}

const $ = (el: SqComplaintMetrics, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);
const flat = (el: Element | null) => el?.textContent?.replace(/\s+/g, '') ?? '';

async function mount(
  client: Client,
  { lang = 'zh-CN', care = false, community = 'xingfuli' } = {},
) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${lang} ?care=${care} community=${community}>
      <sq-complaint-metrics></sq-complaint-metrics>
    </sq-provider>`,
  );
  return provider.querySelector('sq-complaint-metrics')!;
}

describe('sq-complaint-metrics', () => {
  it('loads English on demand', async () => {
    const el = await mount(await world(), { lang: 'en' });
    await waitUntil(() => $(el, '[part=figures]'), 'figures', { timeout: 5000 });
    expect(flat($(el, '[part=figures]')))
      .to.contain('Received3')
      .and.contain('Respondedintime33.3%');
    expect(flat($(el, '[part=categories]')))
      .to.contain('Noise')
      .and.contain('Firesafety');
  });

  it('shows 三率, the overdue count and the figures by category for this month', async () => {
    const el = await mount(await world());
    await waitUntil(() => $(el, '[part=figures]'), 'figures', { timeout: 5000 });
    const figures = flat($(el, '[part=figures]'));
    expect(figures).to.contain('受理3').and.contain('响应率33.3%').and.contain('解决率0%');
    // No ratings yet: a rate without a base is "no data", not 0%.
    expect(figures).to.contain('满意率无数据').and.contain('超期0');
    const categories = [...el.shadowRoot!.querySelectorAll('[part=categories] li')].map(flat);
    expect(categories).to.have.length(2);
    expect(categories[0]).to.contain('噪音扰民').and.contain('受理2').and.contain('响应率50%');
    expect(categories[1]).to.contain('消防安全').and.contain('受理1');
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(smallTargets(el, 44)).to.deep.equal([]);
  });

  it('colours figures by their meaning: red only for cases past due, "超期 0" not red', async () => {
    // One case from January (long past due) and this month's three (none past due yet).
    const store = createMemoryStore();
    const january = createClient({
      embedded: { store, clock: { now: () => new Date('2026-01-05T02:00:00Z') } },
    });
    const old = await january.complaints.submit({
      community: 'xingfuli',
      category: 'noise',
      description: '楼下广场舞的音响晚上十点还在响。',
      location: { community: 'xingfuli', text: '3号楼' },
      anonymous: true,
      consent: true,
    });
    expect(old.state).to.equal('delivered');
    const now = await createClient({ embedded: { store } }).complaints.submit({
      community: 'xingfuli',
      category: 'fire-safety',
      description: '楼道里堆了很多纸箱，怕着火。',
      location: { community: 'xingfuli', text: '5号楼' },
      anonymous: true,
      consent: true,
    });
    expect(now.state).to.equal('delivered');
    const staff = createClient({ embedded: { store, actor: 'xfl-admin' } });
    const el = await mount(staff);
    el.to = '2026-01-31';
    el.from = '2026-01-01';
    await waitUntil(() => flat($(el, '[part=figures]')).includes('受理1'), 'january', {
      timeout: 5000,
    });
    // The period in the desk's one date format, each date kept whole on its line, the words
    // after the last one with it (no "求" alone on a line).
    const period = $(el, '[role=status]')!;
    expect(period.textContent!.trim()).to.equal('2026年1月1日 至 2026年1月31日 受理的诉求');
    expect([...period.querySelectorAll('.nowrap')].map((s) => s.textContent!.trim())).to.deep.equal(
      ['2026年1月1日', '2026年1月31日 受理的诉求', '2026年1月31日'],
    );
    const colour = (dd: Element) => getComputedStyle(dd).color;
    const probe = (token: string) => {
      const p = document.createElement('p');
      p.style.color = `var(${token})`;
      el.shadowRoot!.append(p);
      const c = getComputedStyle(p).color;
      p.remove();
      return c;
    };
    const danger = probe('--sq-color-danger');
    const success = probe('--sq-color-success');
    const text = probe('--sq-color-text');
    const figures = (root: Element) =>
      Object.fromEntries(
        [...root.querySelectorAll('dl > div')].map((d) => [
          d.querySelector('dt')!.textContent!.trim(),
          colour(d.querySelector('dd')!),
        ]),
      );
    const whole = figures($(el, '[part=figures]')!);
    expect(whole['超期']).to.equal(danger);
    for (const key of ['受理', '响应率', '解决率', '满意率']) expect(whole[key]).to.equal(text);
    // This month: nothing is past due, so 超期 0 reads as good news, not as an alarm.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    el.from = today.slice(0, 8) + '01';
    el.to = today;
    await waitUntil(() => flat($(el, '[part=figures]')).includes('超期0'), 'this month', {
      timeout: 5000,
    });
    const month = $(el, '[part=figures]')!;
    expect(flat(month)).to.contain('超期0');
    expect(figures(month)['超期']).to.equal(success);
    expect(success).to.not.equal(danger);
    for (const li of el.shadowRoot!.querySelectorAll('[part=categories] li'))
      expect(Object.values(figures(li))).to.not.include(danger);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('checks the period and says when it holds no cases', async () => {
    const el = await mount(await world());
    await waitUntil(() => $(el, '[part=figures]'), 'figures', { timeout: 5000 });
    const from = $(el, '#from') as HTMLInputElement;
    const to = $(el, '#to') as HTMLInputElement;
    from.value = '2026-03-10';
    to.value = '2026-03-01';
    $(el, 'form button')!.click();
    await el.updateComplete;
    expect($(el, '#invalid')!.textContent).to.contain('结束日期不能早于开始日期');
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(from);
    to.value = '2026-03-31';
    $(el, 'form button')!.click();
    await waitUntil(() => el.shadowRoot!.textContent!.includes('这段时间没有受理的诉求'));
    // It says what to do.
    expect(el.shadowRoot!.textContent).to.contain('可以换个开始或结束日期再查询');
    expect($(el, '[part=figures]')).to.equal(null);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('shows a load failure with a retry (no staff session)', async () => {
    const el = await mount(createClient({ embedded: { persistence: false } }));
    await waitUntil(() => $(el, '[part=error]'), 'alert', { timeout: 5000 });
    expect($(el, '[part=error]')!.textContent).to.contain('无法加载统计').and.contain('请先登录');
    expect($(el, '[part=error] button')!.textContent).to.contain('重试');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('is accessible in care mode, key figures ≥ 30px, targets ≥ 60px', async () => {
    const el = await mount(await world(), { care: true });
    await waitUntil(() => $(el, '[part=figures]'), 'figures', { timeout: 5000 });
    expect(parseFloat(getComputedStyle($(el, '[part=figures] dd')!).fontSize)).to.be.at.least(30);
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(smallTargets(el, 60)).to.deep.equal([]);
  });
});
