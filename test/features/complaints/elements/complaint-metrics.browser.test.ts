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
