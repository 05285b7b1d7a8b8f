import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from '../../custom-elements.json';
import { documentTokenNames, prepareFoundations, tokenValue } from './shared.js';

interface CssProperty {
  name: string;
  description?: string;
  default?: string;
}
interface Declaration {
  tagName?: string;
  cssProperties?: CssProperty[];
}

type Tier = 'reference' | 'system' | 'care';
const tierOf = (name: string): Tier =>
  name.startsWith('--sq-ref-') ? 'reference' : name.startsWith('--sq-care-') ? 'care' : 'system';
const TIER_TITLE: Record<Tier, string> = {
  reference: 'Reference tokens (palette)',
  system: 'System tokens (roles)',
  care: '关怀模式 set (swapped in for care mode)',
};

function preview(name: string, value: string) {
  const ref = `var(${name})`;
  if (/color|^--sq-ref-/.test(name) || /^(#|rgb|hsl|oklch)/.test(value)) {
    return html`<div class="swatch" style=${styleMap({ background: ref })}></div>`;
  }
  if (/font-size/.test(name)) {
    return html`<span style=${styleMap({ fontSize: ref })}>社区 Aa</span>`;
  }
  if (/font-family/.test(name)) {
    return html`<span style=${styleMap({ fontFamily: ref })}>有处说、有回音、有人办 Aa</span>`;
  }
  if (/target-size/.test(name)) {
    return html`<div class="box" style=${styleMap({ inlineSize: ref, blockSize: ref })}></div>`;
  }
  if (/space|radius|border-width/.test(name)) {
    return html`<div class="bar" style=${styleMap({ inlineSize: ref })}></div>`;
  }
  return nothing;
}

function componentTokens() {
  const rows: { tag: string; prop: CssProperty }[] = [];
  for (const mod of (manifest as { modules: { declarations?: Declaration[] }[] }).modules) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.tagName) continue;
      for (const prop of decl.cssProperties ?? []) rows.push({ tag: decl.tagName, prop });
    }
  }
  return rows;
}

function render() {
  prepareFoundations();
  const names = documentTokenNames();
  const tiers: Tier[] = ['reference', 'system', 'care'];
  const components = componentTokens();
  return html`<div class="sq-doc">
    <p>
      Every <code>--sq-*</code> custom property the document declares, read from the computed style
      once an element (or <code>ensureDocumentTokens()</code>) has injected the token sheet into
      <code>@layer sq</code>. Values in bold change in 关怀模式 (care mode). Override any of them
      with plain CSS on your page: it wins over the layer.
    </p>
    ${tiers.map((tier) => {
      const rows = names.filter((n) => tierOf(n) === tier);
      if (rows.length === 0) return nothing;
      return html`<h2>${TIER_TITLE[tier]}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Value</th>
              <th scope="col">Care mode</th>
              <th scope="col">Preview</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((name) => {
              const value = tokenValue(name, false);
              const care = tokenValue(name, true);
              return html`<tr>
                <td><code>${name}</code></td>
                <td><code>${value}</code></td>
                <td class=${care !== value ? 'changed' : ''}><code>${care}</code></td>
                <td>${preview(name, value)}</td>
              </tr>`;
            })}
          </tbody>
        </table>`;
    })}
    <h2>Component tokens (from custom-elements.json)</h2>
    ${
      components.length === 0
        ? html`<p>No element documents a <code>@cssprop</code> yet.</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">Element</th>
                <th scope="col">Custom property</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              ${components.map(
                ({ tag, prop }) =>
                  html`<tr>
                    <td><code>&lt;${tag}&gt;</code></td>
                    <td><code>${prop.name}</code></td>
                    <td>
                      ${prop.description ?? ''}${prop.default ? html` (default <code>${prop.default}</code>)` : nothing}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </div>`;
}

const meta = {
  title: 'Foundations/Tokens',
  render,
  parameters: { layout: 'padded', controls: { disable: true } },
} satisfies Meta;
export default meta;

/** All design tokens, by tier, with their care-mode values. */
export const Tokens: StoryObj = {};
