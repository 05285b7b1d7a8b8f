/**
 * The benchmark page of scripts/bench-form.mjs: <sq-complaint-form> against a hand-written
 * vanilla DOM form of the same fields, labels, hints and error slots, measured in this browser.
 *
 * "First render to a settled DOM": from creating the forms to every form showing its
 * categories, the community's notice and the picker's first level, then a forced layout. The
 * community data is already in the client (one warm-up form has loaded it and the form's later
 * chunk), as on a page where the resident opens the form a second time.
 */
import '../../src/define/provider.js';
import '../../src/define/complaint-form.js';
import type { SqComplaintForm } from '../../src/features/complaints/elements/complaint-form/complaint-form.js';
import { createClient } from '../../src/sdk/index.js';
import { median, pairedRatio, tick } from '../bench-page/browser.js';

const client = createClient({ embedded: { persistence: false } });
const root = document.getElementById('root')!;

const settled = (form: SqComplaintForm) => {
  const shadow = form.shadowRoot;
  const category = shadow?.querySelector<HTMLSelectElement>('#category');
  const privacy = shadow?.querySelector('[part=privacy]')?.textContent ?? '';
  return (
    !!category &&
    category.options.length > 1 &&
    privacy.includes('幸福里') &&
    // The picker's first level (社区), rendered in the form's shadow root.
    !!shadow?.querySelector('.place #where option + option')
  );
};

async function kit(n: number): Promise<number> {
  root.replaceChildren();
  const start = performance.now();
  const forms: SqComplaintForm[] = [];
  for (let i = 0; i < n; i++) {
    const form = document.createElement('sq-complaint-form');
    form.setAttribute('community', 'xingfuli');
    forms.push(form);
  }
  const provider = document.createElement('sq-provider') as HTMLElement & { client: unknown };
  provider.client = client;
  provider.append(...forms);
  root.append(provider);
  // Microtasks first: a form that settles within them is measured as the vanilla form is, DOM
  // then one forced layout. Yielding a task instead lets the browser render a frame (style,
  // layout and paint) in between, a cost the vanilla side never pays inside its measurement.
  for (let turns = 0; !forms.every(settled); turns++) await (turns < 100 ? null : tick());
  void root.offsetHeight;
  return performance.now() - start;
}

// ---- the vanilla form: the same fields, labels, hints and error slots -----------------------

// The texts the form shows (the demo street's catalogue and places, the form's strings).
const CATEGORIES = [
  '环境卫生',
  '物业管理',
  '噪音扰民',
  '邻里纠纷',
  '基础设施',
  '消防安全',
  '治安隐患',
  '劳资纠纷',
  '法律咨询',
  '其他',
];

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith('aria') || name === 'for' || name === 'part')
      node.setAttribute(name === 'ariaDescribedBy' ? 'aria-describedby' : name, String(value));
    else (node as unknown as Record<string, unknown>)[name] = value;
  }
  node.append(...children);
  return node;
}

function field(id: string, label: string, control: HTMLElement, hint?: string) {
  control.id = id;
  control.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
  return el(
    'div',
    { className: 'field' },
    el('label', { htmlFor: id }, label),
    ...(hint ? [el('p', { id: `${id}-hint`, className: 'hint' }, hint)] : []),
    control,
    el('p', { id: `${id}-error`, className: 'error', hidden: true }),
  );
}

function select(options: string[], empty = '请选择') {
  return el(
    'select',
    {},
    el('option', { value: '' }, empty),
    ...options.map((o, i) => el('option', { value: String(i) }, o)),
  );
}

function choice(name: string, label: string, type = 'checkbox') {
  return el(
    'label',
    { className: 'choice' },
    el('input', { type, name, id: name }),
    el('span', {}, label),
  );
}

const STYLE = `.field{display:grid;gap:4px}label{font-weight:600}input,select,textarea{min-height:44px;font:inherit;width:100%;box-sizing:border-box}.hint{color:#41464e}.error{color:#7f0e14}.choice{display:flex;align-items:center}.choice input{width:44px;height:44px}form{display:grid;gap:16px;font:16px/1.5 system-ui}`;

function vanillaForm() {
  const host = document.createElement('div');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.append(
    el('style', {}, STYLE),
    el(
      'form',
      { noValidate: true },
      el('h2', {}, '我要说事'),
      el('p', {}, '反映身边的问题，社区会在期限内答复并办理。'),
      field('category', '问题类型', select(CATEGORIES), '不确定就选“其他”。'),
      field(
        'description',
        '发生了什么',
        el('textarea', { rows: 5, maxLength: 1000 }),
        '写清楚时间、经过和影响，10 到 1000 字。',
      ),
      el('p', { id: 'description-count' }, '已写 0 / 1000 字'),
      el(
        'fieldset',
        {},
        el('legend', {}, '在哪里'),
        choice('words', '从列表选择', 'radio'),
        choice('words', '自己描述', 'radio'),
        // The picker's group: its legend, hint and the chosen place's live line.
        el(
          'fieldset',
          {},
          el('legend', {}, '所在位置'),
          el('p', { className: 'hint' }, '先选社区，再依次选择下一级。'),
          field('community', '社区', select(['春晖社区', '幸福里社区'], '请选择社区')),
          field('grid', '网格', select(['第一网格', '第二网格'], '请选择网格')),
          field('building', '楼栋', select([], '请先选择网格')),
          field('unit', '单元', select([], '请先选择楼栋')),
          el('p', { 'aria-live': 'polite' }),
        ),
      ),
      // The photo field: a button-like label over the file input, a live line, the list.
      field(
        'photos',
        '照片（选填，最多 6 张）',
        el('input', { type: 'file', accept: 'image/*', multiple: true }),
        '照片会压缩后上传。',
      ),
      el('label', { for: 'photos' }, '添加照片'),
      el('p', { role: 'status' }, '还没有选照片。'),
      el('ul', {}),
      el(
        'fieldset',
        {},
        el('legend', {}, '联系方式'),
        choice('anonymous', '匿名反映（不留姓名和电话）'),
        el('p', {}, '匿名后社区无法回电，只能凭查询码查看答复。'),
        field('name', '姓名', el('input', { autocomplete: 'name' })),
        field(
          'phone',
          '电话',
          el('input', { type: 'tel', inputMode: 'tel', autocomplete: 'tel' }),
          '手机或座机，仅供社区联系您，不会公开。',
        ),
      ),
      el(
        'section',
        {},
        el('h3', {}, '个人信息处理说明'),
        el('p', {}, '收集者：和平街道幸福里社区居民委员会。'),
        el(
          'p',
          {},
          '用途：受理、办理和答复您反映的问题。收集内容：问题描述、地点、照片，以及（不匿名时）姓名和电话。',
        ),
        el(
          'p',
          {},
          '保存期限：办结、退回或转办后 2 年。到期删除姓名、电话、描述和照片，查询码随之失效，只留不含个人信息的统计。',
        ),
        el('p', {}, '查阅、更正、删除个人信息请联系：社区服务站0571-87654321，工作日9:00–17:00。'),
      ),
      choice('consent', '我已阅读并同意以上说明'),
      choice('publishConsent', '同意在隐去个人信息后公开问题摘要（选填）'),
      el('button', { type: 'submit' }, '提交'),
      el('p', { role: 'status' }),
    ),
  );
  return host;
}

function vanilla(n: number): number {
  root.replaceChildren();
  const start = performance.now();
  for (let i = 0; i < n; i++) root.append(vanillaForm());
  void root.offsetHeight;
  return performance.now() - start;
}

declare global {
  interface Window {
    bench(
      iterations?: number,
    ): Promise<Record<number, { kit: number; vanilla: number; paired: number }>>;
  }
}

window.bench = async (iterations = 101) => {
  // Warm-up: the community in the client, the form's later chunk and the picker loaded.
  await kit(1);
  vanilla(1);
  const result: Record<number, { kit: number; vanilla: number; paired: number }> = {};
  for (const n of [1, 20]) {
    const times = { kit: [] as number[], vanilla: [] as number[] };
    // Alternating, so drift (GC, thermal) hits both alike.
    for (let i = 0; i < iterations; i++) {
      times.vanilla.push(vanilla(n));
      await tick();
      times.kit.push(await kit(n));
      await tick();
    }
    result[n] = {
      kit: median(times.kit),
      vanilla: median(times.vanilla),
      paired: pairedRatio(times.kit, times.vanilla),
    };
  }
  root.replaceChildren();
  return result;
};
