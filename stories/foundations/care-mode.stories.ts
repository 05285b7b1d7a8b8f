import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define/community-picker.js';
import '../../src/define/provider.js';
import { createClient } from '../../src/sdk/index.js';
import { measure, prepareFoundations } from './shared.js';

interface Rule {
  what: string;
  className: string;
  property: 'font-size' | 'height' | 'line-height';
  unit: string;
  min: { default: number; care: number };
}

const RULES: Rule[] = [
  {
    what: '正文 Body text',
    className: 'sample-body',
    property: 'font-size',
    unit: 'px',
    min: { default: 16, care: 18 },
  },
  {
    what: '标题 Headings',
    className: 'sample-heading',
    property: 'font-size',
    unit: 'px',
    min: { default: 0, care: 30 },
  },
  {
    what: '关键数字 Key figures',
    className: 'sample-key',
    property: 'font-size',
    unit: 'px',
    min: { default: 0, care: 30 },
  },
  {
    what: '行高 Line height',
    className: 'sample-body',
    property: 'line-height',
    unit: '×',
    min: { default: 1.5, care: 1.5 },
  },
  {
    what: '点击区域 Touch target',
    className: 'sample-target',
    property: 'height',
    unit: 'px',
    min: { default: 44, care: 60 },
  },
];

const panel = (care: boolean) =>
  html`<section class="panel" ?data-sq-care=${care}>
    <h3>${care ? '关怀模式 Care mode' : '默认 Default'}</h3>
    <p class="sample-heading">社区活动</p>
    <p class="sample-key">128 件</p>
    <p class="sample-body">本月居民诉求件件有回音，平均 2 个工作日办结。</p>
    <div class="sample-target" aria-hidden="true">办</div>
    <sq-provider .client=${createClient({ embedded: { persistence: false } })}>
      <sq-community-picker depth="building" ?care=${care}></sq-community-picker>
    </sq-provider>
  </section>`;

function render() {
  prepareFoundations();
  const htmlCare = document.documentElement.hasAttribute('data-sq-care');
  return html`<div class="sq-doc">
    <p>
      <strong>关怀模式（长辈版）</strong>follows the MIIT 适老化 rules for public-service pages:
      body text at least 18px, headings and key figures at least 30px, line height at least 1.5,
      touch targets at least 60×60px, and nothing that acts on a timer by itself. Default mode keeps
      body text ≥ 16px and targets ≥ 44×44px. Turn it on with <code>care</code> on an element or on
      <code>&lt;sq-provider&gt;</code>, or with <code>&lt;html data-sq-care&gt;</code> for the whole
      page (the “Care mode” toolbar button here). Sizes are in rem, so browser text zoom still
      scales everything.
    </p>
    ${
      htmlCare
        ? html`<p>
            <strong>The page is in care mode (toolbar):</strong> both columns show care sizes.
          </p>`
        : ''
    }
    <table>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Default (min)</th>
          <th scope="col">Care mode (min)</th>
        </tr>
      </thead>
      <tbody>
        ${RULES.map((rule) => {
          const cell = (care: boolean) => {
            const value = measure(care, rule.className, rule.property);
            const min = care ? rule.min.care : rule.min.default;
            const ok = value + 0.01 >= min;
            return html`<td class=${ok ? '' : 'missing'}>
              ${value}${rule.unit} ${min ? `(≥ ${min}${rule.unit})` : ''} ${ok ? '✓' : '✗'}
            </td>`;
          };
          return html`<tr>
            <td>${rule.what}</td>
            ${cell(false)}${cell(true)}
          </tr>`;
        })}
      </tbody>
    </table>
    <h2>Side by side</h2>
    <div class="panels">${panel(false)}${panel(true)}</div>
  </div>`;
}

const meta = {
  title: 'Foundations/Care mode',
  render,
  parameters: { layout: 'padded', controls: { disable: true } },
} satisfies Meta;
export default meta;

/** Type sizes and target sizes in default and care mode, measured in this browser. */
export const CareMode: StoryObj = { name: 'Care mode' };
