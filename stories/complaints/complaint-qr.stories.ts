import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/define/complaint-qr.js';
import '../../src/define/provider.js';
import { createClient, type Client } from '../../src/sdk/index.js';

/** Each story gets its own in-memory demo data. */
const demoClient = () => createClient({ embedded: { persistence: false } });

interface Args {
  base: string;
  community?: string;
  grid?: string;
  building?: string;
  unit?: string;
  category?: string;
  printable: boolean;
  paper: 'a4' | 'a5';
  care: boolean;
}

const render = (args: Args, client: Client = demoClient()) =>
  html`<sq-provider .client=${client}>
    <sq-complaint-qr
      base=${args.base}
      community=${ifDefined(args.community)}
      grid=${ifDefined(args.grid)}
      building=${ifDefined(args.building)}
      unit=${ifDefined(args.unit)}
      category=${ifDefined(args.category)}
      paper=${args.paper}
      ?printable=${args.printable}
      ?care=${args.care}
    ></sq-complaint-qr>
  </sq-provider>`;

const meta = {
  title: 'Elements/Complaint QR',
  tags: ['autodocs'],
  component: 'sq-complaint-qr',
  args: {
    base: 'https://sq.example.org/shuoshi',
    community: 'xingfuli',
    grid: 'xfl-g1',
    building: 'xfl-g1-b2',
    printable: false,
    paper: 'a4',
    care: false,
  },
  argTypes: { paper: { control: 'inline-radio', options: ['a4', 'a5'] } },
  render: (args) => render(args),
  parameters: {
    docs: {
      description: {
        component:
          '说事二维码: a QR code (SVG, lean-qr) of the complaint form prefilled with a building or unit, and a printable poster. Print the Poster story to see the A4 layout.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** A building's code with its name and the caption 扫码说事. */
export const Building: Story = {};

/** Down to the unit, with a category preselected (a fire-lane sign: 消防安全). */
export const UnitWithCategory: Story = {
  args: { unit: 'xfl-g1-b2-u3', category: 'fire-safety' },
};

/** The whole community (a notice board at the gate). */
export const Community: Story = { args: { grid: undefined, building: undefined } };

/** Poster mode: title, three steps and the promise; prints one A4 page per poster. */
export const Poster: Story = { args: { printable: true } };

/** Poster on A5 paper when printed. */
export const PosterA5: Story = { args: { printable: true, paper: 'a5', unit: 'xfl-g1-b2-u1' } };

/** One poster per building of a grid: print the page and each comes out on its own sheet. */
export const PostersForAGrid: Story = {
  render: (args) => {
    const client = demoClient();
    return html`${['xfl-g1-b1', 'xfl-g1-b2', 'xfl-g1-b3'].map((building) =>
      render({ ...args, printable: true, building }, client),
    )}`;
  },
};

/** A bad id: no code, and the reason. */
export const InvalidId: Story = { args: { building: 'b 2&x=1' } };

/** A unit without its building. */
export const MissingParent: Story = { args: { building: undefined, unit: 'xfl-g1-b2-u3' } };

/** A building the community no longer has (demolished, renamed): no code. */
export const StalePlace: Story = { args: { building: 'xfl-g1-b99' } };

/** The community cannot be loaded: the code is still right, the name is missing; retry. */
export const LoadError: Story = {
  render: (args) =>
    render(
      args,
      createClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: { attempts: 1 }, outbox: false }),
    ),
};

/** 关怀模式. */
export const CareMode: Story = { args: { care: true, printable: true } };

export const English: Story = {
  args: { printable: true },
  render: (args) => html`<div lang="en">${render(args)}</div>`,
};
