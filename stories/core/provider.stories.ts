import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define/community-picker.js';
import '../../src/define/provider.js';
import { createClient } from '../../src/sdk/index.js';

interface Args {
  community?: string;
  lang: 'zh-CN' | 'en';
  care: boolean;
}

/**
 * `<sq-provider>` gives every element inside it one client, community, language and care
 * mode. Here two pickers share them; the second overrides the community on itself.
 */
const meta = {
  title: 'Elements/Provider',
  tags: ['autodocs'],
  component: 'sq-provider',
  args: { community: 'xingfuli', lang: 'zh-CN', care: false },
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: (args) =>
    html`<sq-provider
      .client=${createClient({ embedded: { persistence: false } })}
      community=${args.community ?? ''}
      lang=${args.lang}
      ?care=${args.care}
    >
      <sq-community-picker depth="grid" label="Provider's community"></sq-community-picker>
      <hr />
      <sq-community-picker
        depth="grid"
        community="chunhui"
        label="Own community"
      ></sq-community-picker>
    </sq-provider>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The provider's community reaches the first picker; the second names its own. */
export const SharedCommunity: Story = {};

/** `lang="en"` on the provider: every element inside speaks English. */
export const English: Story = { args: { lang: 'en' } };

/** `care` on the provider: 关怀模式 for everything inside. */
export const CareMode: Story = { args: { care: true } };
