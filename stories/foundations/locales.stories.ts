/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define/community-picker.js';
import '../../src/define/provider.js';
import { createClient } from '../../src/sdk/index.js';
import { prepareFoundations } from './shared.js';

/** Every namespace of every language under src/ui/locales and each feature's locales/, found by the bundler at build time. */
const modules = import.meta.glob<Record<string, unknown>>(
  ['../../src/ui/locales/*/*.ts', '../../src/features/*/locales/*/*.ts'],
  {
    eager: true,
    import: 'default',
  },
);

const LANGS = ['zh-CN', 'en'] as const;

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, String(value)]];
}

function catalogue() {
  const byLang = new Map<string, Map<string, string>>();
  const namespaces = new Set<string>();
  for (const [path, resource] of Object.entries(modules)) {
    const match = /locales\/([^/]+)\/([^/]+)\.ts$/.exec(path);
    if (!match) continue;
    const [, lang, ns] = match as unknown as [string, string, string];
    namespaces.add(ns);
    const strings = byLang.get(lang) ?? new Map<string, string>();
    for (const [key, text] of flatten(resource)) strings.set(`${ns}:${key}`, text);
    byLang.set(lang, strings);
  }
  const keys = [...new Set([...byLang.values()].flatMap((m) => [...m.keys()]))].sort();
  return { byLang, keys, namespaces: [...namespaces].sort() };
}

const picker = (lang: string) =>
  html`<section class="panel" lang=${lang}>
    <h3>${lang}</h3>
    <sq-provider .client=${createClient({ embedded: { persistence: false } })} lang=${lang}>
      <sq-community-picker depth="unit"></sq-community-picker>
    </sq-provider>
  </section>`;

function render() {
  prepareFoundations();
  const { byLang, keys, namespaces } = catalogue();
  const missing = keys.filter((k) => LANGS.some((l) => !byLang.get(l)?.has(k)));
  return html`<div class="sq-doc">
    <p>
      zh-CN is the default and the fallback; en is complete. Elements take their language from their
      own <code>lang</code>, the nearest ancestor's, <code>&lt;sq-provider lang&gt;</code> or
      <code>&lt;html lang&gt;</code>. Namespaces:
      ${namespaces.map((n) => html`<code>${n}</code> `)}.
      ${
        missing.length
          ? html`<span class="missing"
              >${missing.length} key(s) missing in a language (marked below).</span
            >`
          : 'No key is missing in either language.'
      }
    </p>
    <div class="panels">${LANGS.map(picker)}</div>
    <h2>Strings</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">Key</th>
          ${LANGS.map((l) => html`<th scope="col">${l}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${keys.map(
          (key) =>
            html`<tr>
              <td><code>${key}</code></td>
              ${LANGS.map((l) => {
                const text = byLang.get(l)?.get(key);
                return text === undefined
                  ? html`<td class="missing">missing</td>`
                  : html`<td lang=${l}>${text}</td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

const meta = {
  title: 'Foundations/Locales',
  render,
  parameters: { layout: 'padded', controls: { disable: true } },
} satisfies Meta;
export default meta;

/** The same element in zh-CN and en, and every string side by side. */
export const Locales: StoryObj = {};
