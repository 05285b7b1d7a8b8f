import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/define/community-picker.js';
import '../../src/define/provider.js';
import type { SqCommunityPicker } from '../../src/features/core/elements/community-picker/index.js';
import { createClient } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

/** Each story gets its own in-memory demo data, so stories never leak state into each other. */
const demoClient = () => createClient({ embedded: { persistence: false } });

interface Args {
  community?: string;
  grid?: string;
  building?: string;
  unit?: string;
  required: boolean;
  disabled: boolean;
  depth: 'community' | 'grid' | 'building' | 'unit';
  care: boolean;
  label?: string;
}

const render = (args: Args, client = demoClient()) =>
  html`<sq-provider .client=${client}>
    <sq-community-picker
      community=${ifDefined(args.community)}
      grid=${ifDefined(args.grid)}
      building=${ifDefined(args.building)}
      unit=${ifDefined(args.unit)}
      depth=${args.depth}
      label=${ifDefined(args.label)}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?care=${args.care}
    ></sq-community-picker>
  </sq-provider>`;

const meta = {
  title: 'Elements/Community picker',
  tags: ['autodocs'],
  component: 'sq-community-picker',
  args: { required: false, disabled: false, depth: 'unit', care: false },
  argTypes: {
    depth: { control: 'inline-radio', options: ['community', 'grid', 'building', 'unit'] },
  },
  render: (args) => render(args),
  parameters: {
    docs: {
      description: {
        component:
          'Choose 社区 → 网格 → 楼栋 → 单元. Stories run on the embedded client with the demo street (和平街道).',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Nothing chosen yet: only the community select is enabled. */
export const Empty: Story = {};

/** Prefilled from a building's QR code link (说事二维码): the resident only picks the unit. */
export const Prefilled: Story = {
  args: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b2' },
};

/** Every level chosen: the summary states the place in words. */
export const Complete: Story = {
  args: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b2', unit: 'xfl-g1-b2-u3' },
};

/** Required and submitted empty: each missing level says what to do. */
export const Invalid: Story = {
  args: { required: true, community: 'chunhui' },
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector<SqCommunityPicker>('sq-community-picker')!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    picker.reportValidity();
  },
};

/** A link whose building no longer exists: the stale level is dropped with a notice. */
export const StalePrefill: Story = {
  args: { community: 'chunhui', grid: 'ch-g2', building: 'demolished' },
};

/** Stops at the building, e.g. for a 楼栋长 roster. */
export const DepthBuilding: Story = {
  args: { depth: 'building', community: 'chunhui', label: '楼栋' },
};

export const Disabled: Story = {
  args: { disabled: true, community: 'xingfuli', grid: 'xfl-g2' },
};

/** 关怀模式: 18px text, 30px headings, 60px targets. */
export const CareMode: Story = {
  args: { care: true, community: 'xingfuli', grid: 'xfl-g1' },
};

export const English: Story = {
  args: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b3' },
  render: (args) => html`<div lang="en">${render(args)}</div>`,
};

/** The server cannot be reached: an alert with the reason and a retry button. */
export const LoadError: Story = {
  render: (args) =>
    render(
      args,
      createClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: { attempts: 1 }, outbox: false }),
    ),
};

/** A server with no communities configured yet. */
export const NoCommunities: Story = {
  render: (args) =>
    render(args, createClient({ embedded: { store: createMemoryStore(), seed: false } })),
};

/** While the communities load (a server that never answers). */
export const Loading: Story = {
  render: (args) =>
    render(
      args,
      createClient({
        baseUrl: '/never',
        fetch: () => new Promise<Response>(() => undefined),
        outbox: false,
      }),
    ),
};
