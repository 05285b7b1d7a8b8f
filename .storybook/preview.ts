import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';

// Controls and docs (attributes, properties, events, slots, parts, CSS properties) come from
// the generated manifest (`npm run analyze`).
setCustomElementsManifest(manifest);

/**
 * What the docs table lists but Controls should not edit: parts, CSS properties, slots and
 * events are documentation (Storybook offers them as "Set object" controls otherwise).
 */
const NOT_CONTROLS = new Set([
  'css shadow parts',
  'css custom properties',
  'css states',
  'slots',
  'events',
]);

const preview: Preview = {
  // A docs page for every element: its JSDoc description, its stories and its API table.
  tags: ['autodocs'],
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => {
          const category = argType.table?.category;
          return [
            name,
            category && NOT_CONTROLS.has(category) ? { ...argType, control: false } : argType,
          ];
        }),
      ),
  ],
  globalTypes: {
    locale: {
      description: 'Language of the elements (sets lang on <html> and the story root)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '简体中文 (zh-CN)', right: 'zh-CN' },
          { value: 'en', title: 'English (en)', right: 'en' },
        ],
        dynamicTitle: true,
      },
    },
    care: {
      description: '关怀模式 (care mode): sets data-sq-care on <html>',
      toolbar: {
        title: 'Care mode',
        icon: 'accessibility',
        items: [
          { value: 'off', title: '默认 Default' },
          { value: 'on', title: '关怀模式 Care mode' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'zh-CN', care: 'off' },
  decorators: [
    (story, context) => {
      const locale = String(context.globals['locale'] ?? 'zh-CN');
      const care = context.globals['care'] === 'on';
      const root = document.documentElement;
      root.lang = locale;
      root.toggleAttribute('data-sq-care', care);
      return html`<div class="sq-story-root" lang=${locale}>${story()}</div>`;
    },
  ],
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    a11y: {
      // WCAG 2.2 AA plus best practices, like the browser tests.
      options: {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        },
      },
    },
    options: {
      storySort: { order: ['Foundations', ['Tokens', 'Care mode', 'Locales'], 'Elements'] },
    },
  },
};

export default preview;
