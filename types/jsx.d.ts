import type { SqCommunityPicker } from "shequ-kit/elements/community-picker";
import type { SqProvider } from "shequ-kit/elements/provider";

/**
 * This type can be used to create scoped tags for your components.
 *
 * Usage:
 *
 * ```ts
 * import type { ScopedElements } from "path/to/library/jsx-integration";
 *
 * declare module "my-library" {
 *   namespace JSX {
 *     interface IntrinsicElements
 *       extends ScopedElements<'test-', ''> {}
 *   }
 * }
 * ```
 *
 */
export type ScopedElements<Prefix extends string = "", Suffix extends string = ""> = {
  [Key in keyof CustomElements as `${Prefix}${Key}${Suffix}`]: CustomElements[Key];
};

type BaseProps = {
  /** Content added between the opening and closing tags of the element */
  children?: any;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  class?: string;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  className?: string;
  /** Takes an object where the key is the class name(s) and the value is a boolean expression. When true, the class is applied, and when false, it is removed. */
  classList?: Record<string, boolean | undefined>;
  /** Specifies the text direction of the element. */
  dir?: "ltr" | "rtl";
  /** Contains a space-separated list of the part names of the element that should be exposed on the host element. */
  exportparts?: string;
  /** For <label> and <output>, lets you associate the label with some control. */
  htmlFor?: string;
  /** Specifies whether the element should be hidden. */
  hidden?: boolean | string;
  /** A unique identifier for the element. */
  id?: string;
  /** Keys tell React which array item each component corresponds to */
  key?: string | number;
  /** Specifies the language of the element. */
  lang?: string;
  /** Contains a space-separated list of the part names of the element. Part names allows CSS to select and style specific elements in a shadow tree via the ::part pseudo-element. */
  part?: string;
  /** Use the ref attribute with a variable to assign a DOM element to the variable once the element is rendered. */
  ref?: unknown | ((e: unknown) => void);
  /** Adds a reference for a custom element slot */
  slot?: string;
  /** Prop for setting inline styles */
  style?: Record<string, string | number>;
  /** Overrides the default Tab button behavior. Avoid using values other than -1 and 0. */
  tabIndex?: number;
  /** Specifies the tooltip text for the element. */
  title?: string;
  /** Passing 'no' excludes the element content from being translated. */
  translate?: "yes" | "no";
};

type BaseEvents = {};

export type SqCommunityPickerProps = {
  /** Grid (网格) id: chosen or prefilled. */
  grid?: SqCommunityPicker["grid"];
  /** Building (楼栋) id: chosen or prefilled. */
  building?: SqCommunityPicker["building"];
  /** Unit (单元) id: chosen or prefilled. */
  unit?: SqCommunityPicker["unit"];
  /** Form field name prefix. */
  name?: SqCommunityPicker["name"];
  /** Every shown level must be chosen (levels with nothing to choose are skipped). */
  required?: SqCommunityPicker["required"];
  /**  */
  disabled?: SqCommunityPicker["disabled"];
  /** The finest level offered. */
  depth?: SqCommunityPicker["depth"];
  /** Replaces the group's title (所在位置). */
  label?: SqCommunityPicker["label"];
  /** Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
embedded client, which keeps data in this browser (demos, Storybook, trials). */
  "api-base"?: SqCommunityPicker["apiBase"];
  /** The community (社区) id this element serves; overrides the provider's. */
  community?: SqCommunityPicker["community"];
  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  care?: SqCommunityPicker["care"];
  /** The chosen place, or undefined before a community is chosen. */
  value?: SqCommunityPicker["value"];
  /** The chosen place in words (`幸福里社区 · 第一网格 · 2号楼`), once the tree has loaded. */
  description?: SqCommunityPicker["description"];
  /**  */
  form?: SqCommunityPicker["form"];
  /**  */
  validity?: SqCommunityPicker["validity"];
  /**  */
  validationMessage?: SqCommunityPicker["validationMessage"];
  /** The client this element talks to: own `api-base`, else the provider's, else embedded. */
  client?: SqCommunityPicker["client"];
  /** The community in force: own attribute, else the provider's. */
  communityId?: SqCommunityPicker["communityId"];
  /** Care mode in force: own attribute, a provider's, or `<html data-sq-care>`. */
  careMode?: SqCommunityPicker["careMode"];
  /** Any level was chosen; read `value`. */
  oninput?: (e: CustomEvent<never>) => void;
  /** Any level was chosen; read `value`. */
  onchange?: (e: CustomEvent<never>) => void;
};

export type SqProviderProps = {
  /** Base URL of the server's API for all elements inside (e.g. `/api/v1`). */
  "api-base"?: SqProvider["apiBase"];
  /** Community (社区) id for all elements inside. */
  community?: SqProvider["community"];
  /** Language for the elements inside (`zh-CN`, `en`); reflected as `lang`. */
  lang?: SqProvider["locale"];
  /** Care mode (关怀模式) for all elements inside. */
  care?: SqProvider["care"];
  /** A client made with `createClient()`; wins over `api-base`. Property only. */
  client?: SqProvider["client"];
};

export type CustomElements = {
  /**
   * Choose 社区 → 网格 → 楼栋 → 单元.
   * ---
   *
   *
   * ### **Events:**
   *  - **input** - Any level was chosen; read `value`.
   * - **change** - Any level was chosen; read `value`.
   *
   * ### **Methods:**
   *  - **reportValidity()** - Shows the errors and returns whether every required level is chosen.
   * - **define(tag: _string_): _void_** - Registers the element under `tag`; safe to call again or with the tag already taken.
   *
   *
   * ### **CSS Properties:**
   *  - **--sq-community-picker-gap** - Space between the level fields. _(default: undefined)_
   * - **--sq-community-picker-column-min** - Narrowest column before fields wrap (14em, so wider in care mode). _(default: undefined)_
   * - **--sq-color-primary** - Primary colour (党建红). _(default: undefined)_
   * - **--sq-target-size** - Height of each select (44px; 60px in care mode). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **fieldset** - The group around all levels.
   * - **legend** - The group's title.
   * - **field** - The label, select and error of one level.
   * - **label** - A level's label.
   * - **select** - A level's native select.
   * - **error** - A level's error message, and the load-failure alert.
   * - **summary** - The chosen place, announced politely.
   */
  "sq-community-picker": Partial<SqCommunityPickerProps & BaseProps & BaseEvents>;

  /**
   * Shared client, community, language and care mode for the elements inside.
   * ---
   *
   *
   * ### **Slots:**
   *  - _default_ - The page content holding shequ-kit elements.
   */
  "sq-provider": Partial<SqProviderProps & BaseProps & BaseEvents>;
};
