import type { SqComplaintDesk } from "shequ-kit/elements/complaint-desk";
import type { SqComplaintForm } from "shequ-kit/elements/complaint-form";
import type { SqComplaintMetrics } from "shequ-kit/elements/complaint-metrics";
import type { SqComplaintQr } from "shequ-kit/elements/complaint-qr";
import type { SqComplaintTracker } from "shequ-kit/elements/complaint-tracker";
import type { SqCommunityPicker } from "shequ-kit/elements/community-picker";
import type { SqProvider } from "shequ-kit/elements/provider";
import type { SqWishForm } from "shequ-kit/elements/wish-form";
import type { SqWishReview } from "shequ-kit/elements/wish-review";
import type { SqWishTracker } from "shequ-kit/elements/wish-tracker";
import type { SqWishWall } from "shequ-kit/elements/wish-wall";

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

export type SqComplaintDeskProps = {
  /** Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
embedded client, which keeps data in this browser (demos, Storybook, trials). */
  "api-base"?: SqComplaintDesk["apiBase"];
  /** The community (社区) id this element serves; overrides the provider's. */
  community?: SqComplaintDesk["community"];
  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  care?: SqComplaintDesk["care"];
  /** The client this element talks to: own `api-base`, else the provider's, else embedded. */
  client?: SqComplaintDesk["client"];
  /** The community in force: own attribute, else the provider's. */
  communityId?: SqComplaintDesk["communityId"];
  /** Care mode in force: own attribute, a provider's, or `<html data-sq-care>`. */
  careMode?: SqComplaintDesk["careMode"];
};

export type SqComplaintFormProps = {
  /** Category id to prefill (else the `category` query parameter). */
  category?: SqComplaintForm["category"];
  /** Grid (网格) id to prefill (else the `grid` query parameter). */
  grid?: SqComplaintForm["grid"];
  /** Building (楼栋) id to prefill (else `building` in the URL). */
  building?: SqComplaintForm["building"];
  /** Unit (单元) id to prefill (else `unit` in the URL). */
  unit?: SqComplaintForm["unit"];
  /** Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
embedded client, which keeps data in this browser (demos, Storybook, trials). */
  "api-base"?: SqComplaintForm["apiBase"];
  /** The community (社区) id this element serves; overrides the provider's. */
  community?: SqComplaintForm["community"];
  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  care?: SqComplaintForm["care"];
  /** The client this element talks to: own `api-base`, else the provider's, else embedded. */
  client?: SqComplaintForm["client"];
  /** The community in force: own attribute, else the provider's. */
  communityId?: SqComplaintForm["communityId"];
  /** Care mode in force: own attribute, a provider's, or `<html data-sq-care>`. */
  careMode?: SqComplaintForm["careMode"];
  /** {@link SqSubmittedEvent} `kind: 'complaint'`: `state: 'queued'` when kept to send once online, `state: 'delivered'` with the receipt. */
  "onsq-submitted"?: (e: CustomEvent<never>) => void;
};

export type SqComplaintMetricsProps = {
  /** First day of the period (`YYYY-MM-DD`, Beijing date); default: the 1st of this month. */
  from?: SqComplaintMetrics["from"];
  /** Last day of the period, included; default: today. */
  to?: SqComplaintMetrics["to"];
  /** Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
embedded client, which keeps data in this browser (demos, Storybook, trials). */
  "api-base"?: SqComplaintMetrics["apiBase"];
  /** The community (社区) id this element serves; overrides the provider's. */
  community?: SqComplaintMetrics["community"];
  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  care?: SqComplaintMetrics["care"];
  /** The client this element talks to: own `api-base`, else the provider's, else embedded. */
  client?: SqComplaintMetrics["client"];
  /** The community in force: own attribute, else the provider's. */
  communityId?: SqComplaintMetrics["communityId"];
  /** Care mode in force: own attribute, a provider's, or `<html data-sq-care>`. */
  careMode?: SqComplaintMetrics["careMode"];
};

export type SqComplaintQrProps = {
  /** The page with <sq-complaint-form> (absolute, or relative to this page). Default: this
page without its query and fragment. */
  base?: SqComplaintQr["base"];
  /** Grid (网格) id. */
  grid?: SqComplaintQr["grid"];
  /** Building (楼栋) id. */
  building?: SqComplaintQr["building"];
  /** Unit (单元) id. */
  unit?: SqComplaintQr["unit"];
  /** Complaint category id to preselect (e.g. `fire-safety` on a fire-lane sign). */
  category?: SqComplaintQr["category"];
  /** Poster mode: title, steps and print CSS (one poster per printed page). */
  printable?: SqComplaintQr["printable"];
  /** Paper size when printing the poster. */
  paper?: SqComplaintQr["paper"];
  /** Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
embedded client, which keeps data in this browser (demos, Storybook, trials). */
  "api-base"?: SqComplaintQr["apiBase"];
  /** The community (社区) id this element serves; overrides the provider's. */
  community?: SqComplaintQr["community"];
  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  care?: SqComplaintQr["care"];
  /** The prefill link the code holds, or undefined when the ids are not valid. */
  url?: SqComplaintQr["url"];
  /** The client this element talks to: own `api-base`, else the provider's, else embedded. */
  client?: SqComplaintQr["client"];
  /** The community in force: own attribute, else the provider's. */
  communityId?: SqComplaintQr["communityId"];
  /** Care mode in force: own attribute, a provider's, or `<html data-sq-care>`. */
  careMode?: SqComplaintQr["careMode"];
};

export type SqComplaintTrackerProps = {
  /** Prefills the ticket number (e.g. from the success screen). The query code never is. */
  ticket?: SqComplaintTracker["ticket"];
  /** Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
embedded client, which keeps data in this browser (demos, Storybook, trials). */
  "api-base"?: SqComplaintTracker["apiBase"];
  /** The community (社区) id this element serves; overrides the provider's. */
  community?: SqComplaintTracker["community"];
  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  care?: SqComplaintTracker["care"];
  /** The client this element talks to: own `api-base`, else the provider's, else embedded. */
  client?: SqComplaintTracker["client"];
  /** The community in force: own attribute, else the provider's. */
  communityId?: SqComplaintTracker["communityId"];
  /** Care mode in force: own attribute, a provider's, or `<html data-sq-care>`. */
  careMode?: SqComplaintTracker["careMode"];
  /** The resident rated the case: `detail` is `{ ticket, rating, state, reopened, view? }`. */
  "onsq-rated"?: (e: CustomEvent<never>) => void;
};

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

export type SqWishFormProps = {
  /** Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
embedded client, which keeps data in this browser (demos, Storybook, trials). */
  "api-base"?: SqWishForm["apiBase"];
  /** The community (社区) id this element serves; overrides the provider's. */
  community?: SqWishForm["community"];
  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  care?: SqWishForm["care"];
  /** The client this element talks to: own `api-base`, else the provider's, else embedded. */
  client?: SqWishForm["client"];
  /** The community in force: own attribute, else the provider's. */
  communityId?: SqWishForm["communityId"];
  /** Care mode in force: own attribute, a provider's, or `<html data-sq-care>`. */
  careMode?: SqWishForm["careMode"];
  /** {@link SqSubmittedEvent} with `kind: 'wish'`: delivered (with the receipt) or queued offline (delivered later, then fired again as delivered). */
  "onsq-submitted"?: (e: CustomEvent<never>) => void;
};

export type SqWishReviewProps = {
  /** The status the queue shows first (待核实). */
  status?: SqWishReview["status"];
  /** Wishes per page. */
  "page-size"?: SqWishReview["pageSize"];
  /** Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
embedded client, which keeps data in this browser (demos, Storybook, trials). */
  "api-base"?: SqWishReview["apiBase"];
  /** The community (社区) id this element serves; overrides the provider's. */
  community?: SqWishReview["community"];
  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  care?: SqWishReview["care"];
  /** The client this element talks to: own `api-base`, else the provider's, else embedded. */
  client?: SqWishReview["client"];
  /** The community in force: own attribute, else the provider's. */
  communityId?: SqWishReview["communityId"];
  /** Care mode in force: own attribute, a provider's, or `<html data-sq-care>`. */
  careMode?: SqWishReview["careMode"];
  /** An action succeeded: `detail.action`, `detail.wish` (the staff view). */
  "onsq-wish-acted"?: (e: CustomEvent<never>) => void;
};

export type SqWishTrackerProps = {
  /** Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
embedded client, which keeps data in this browser (demos, Storybook, trials). */
  "api-base"?: SqWishTracker["apiBase"];
  /** The community (社区) id this element serves; overrides the provider's. */
  community?: SqWishTracker["community"];
  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  care?: SqWishTracker["care"];
  /** The client this element talks to: own `api-base`, else the provider's, else embedded. */
  client?: SqWishTracker["client"];
  /** The community in force: own attribute, else the provider's. */
  communityId?: SqWishTracker["communityId"];
  /** Care mode in force: own attribute, a provider's, or `<html data-sq-care>`. */
  careMode?: SqWishTracker["careMode"];
  /** The wisher thanked the claimer: `detail` is `{ id, message?, view }`. */
  "onsq-thanked"?: (e: CustomEvent<never>) => void;
};

export type SqWishWallProps = {
  /** Show only this category (id from the community's wish catalogue). */
  category?: SqWishWall["category"];
  /** Show only this public status: `open`, `claimed`, `fulfilled` or `thanked`. */
  status?: SqWishWall["status"];
  /** Show only this grid (网格) id. */
  grid?: SqWishWall["grid"];
  /** Cards per page (1–100). */
  "page-size"?: SqWishWall["pageSize"];
  /** Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
embedded client, which keeps data in this browser (demos, Storybook, trials). */
  "api-base"?: SqWishWall["apiBase"];
  /** The community (社区) id this element serves; overrides the provider's. */
  community?: SqWishWall["community"];
  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  care?: SqWishWall["care"];
  /** The cards loaded so far. Setting it shows those cards instead of loading the first page (an
app that already has them, the benchmark); a filter change loads from the client again. */
  items?: SqWishWall["items"];
  /** The client this element talks to: own `api-base`, else the provider's, else embedded. */
  client?: SqWishWall["client"];
  /** The community in force: own attribute, else the provider's. */
  communityId?: SqWishWall["communityId"];
  /** Care mode in force: own attribute, a provider's, or `<html data-sq-care>`. */
  careMode?: SqWishWall["careMode"];
  /** {@link SqClaimedEvent}: the visitor claimed a wish; `detail` is the receipt. */
  "onsq-claimed"?: (e: CustomEvent<never>) => void;
};

export type CustomElements = {
  /**
   * Staff desk: list, detail, actions and 三率 for 居民说事.
   * ---
   *
   *
   * ### **Methods:**
   *  - **define(tag: _string_): _void_** - Registers the element under `tag`; safe to call again or with the tag already taken.
   *
   *
   * ### **CSS Properties:**
   *  - **--sq-complaint-desk-max-width** - Widest the desk grows (64rem). _(default: undefined)_
   * - **--sq-color-primary** - Primary colour (党建红) of buttons. _(default: undefined)_
   * - **--sq-color-danger** - Overdue flags and errors. _(default: undefined)_
   * - **--sq-target-size** - Smallest button and field height (44px; 60px in care mode). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **header** - The title bar with the staff member's name and the logout button.
   * - **login** - The login form.
   * - **filters** - The list filters.
   * - **list** - The list of cases.
   * - **row** - One case in the list (a button).
   * - **detail** - The open case.
   * - **history** - The case's history.
   * - **action-form** - The form of the chosen action.
   * - **error** - Error alerts.
   */
  "sq-complaint-desk": Partial<SqComplaintDeskProps & BaseProps & BaseEvents>;

  /**
   * Report a concern (居民说事) and get a ticket and query code.
   * ---
   *
   *
   * ### **Events:**
   *  - **sq-submitted** - {@link SqSubmittedEvent} `kind: 'complaint'`: `state: 'queued'` when kept to send once online, `state: 'delivered'` with the receipt.
   *
   * ### **Methods:**
   *  - **define(tag: _string_): _void_** - Defines the form, and the community picker it uses (loaded on demand).
   *
   *
   * ### **Slots:**
   *  - _default_ - Nothing: the element renders its own fields.
   *
   * ### **CSS Properties:**
   *  - **--sq-complaint-form-gap** - Space between fields. _(default: undefined)_
   * - **--sq-color-primary** - Primary colour (党建红) of the submit button and ticks. _(default: undefined)_
   * - **--sq-target-size** - Height of controls (44px; 60px in care mode). _(default: undefined)_
   * - **--sq-font-size-key** - Size of the ticket and query code (30px in care mode). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **form** - The form.
   * - **title** - The heading.
   * - **field** - One field: label, hint, control and error.
   * - **label** - A field's label.
   * - **hint** - A field's hint.
   * - **error** - A field's error message.
   * - **choice** - A checkbox or radio with its label.
   * - **error-summary** - The list of errors shown on submit.
   * - **privacy** - The privacy notice.
   * - **submit** - The submit button.
   * - **status** - Sending / saved offline / failed or refused message.
   * - **receipt** - The receipt: ticket, query code, due date.
   */
  "sq-complaint-form": Partial<SqComplaintFormProps & BaseProps & BaseEvents>;

  /**
   * 三率 (response, resolution, satisfaction) and overdue cases for a period.
   * ---
   *
   *
   * ### **Methods:**
   *  - **load()** - Loads the figures of `from`–`to`.
   * - **define(tag: _string_): _void_** - Registers the element under `tag`; safe to call again or with the tag already taken.
   *
   *
   * ### **CSS Properties:**
   *  - **--sq-font-size-key** - Size of the key figures (30px in care mode). _(default: undefined)_
   * - **--sq-color-primary** - Colour of the key figures and the button. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **form** - The period form.
   * - **figures** - The key figures of the whole period.
   * - **categories** - The figures by category.
   * - **error** - The load-failure alert.
   */
  "sq-complaint-metrics": Partial<SqComplaintMetricsProps & BaseProps & BaseEvents>;

  /**
   * A building's QR code that opens the complaint form filled in, and its poster.
   * ---
   *
   *
   * ### **Methods:**
   *  - **define(tag: _string_): _void_** - Registers the element under `tag`; safe to call again or with the tag already taken.
   *
   *
   * ### **CSS Properties:**
   *  - **--sq-complaint-qr-size** - Width of the code on screen (14rem; 18rem when printable). _(default: undefined)_
   * - **--sq-complaint-qr-dark** - Colour of the dark modules (black; keep it dark for scanners). _(default: undefined)_
   * - **--sq-color-primary** - The poster's title and frame (党建红). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **poster** - The figure: QR code, caption and (printable) instructions.
   * - **qr** - The QR code's SVG.
   * - **caption** - 扫码说事 and the place's name.
   * - **link** - The link in text, under the code.
   * - **error** - Why no code can be made (bad id, a place no longer in the community).
   */
  "sq-complaint-qr": Partial<SqComplaintQrProps & BaseProps & BaseEvents>;

  /**
   * Follow a case with its ticket and query code, then rate the result.
   * ---
   *
   *
   * ### **Events:**
   *  - **sq-rated** - The resident rated the case: `detail` is `{ ticket, rating, state, reopened, view? }`.
   *
   * ### **Methods:**
   *  - **define(tag: _string_): _void_** - Registers the element under `tag`; safe to call again or with the tag already taken.
   *
   *
   * ### **CSS Properties:**
   *  - **--sq-color-primary** - Primary buttons (党建红). _(default: undefined)_
   * - **--sq-complaint-tracker-max-width** - Widest the element grows (40rem). _(default: undefined)_
   * - **--sq-target-size** - Height of inputs and buttons (44px; 60px in care mode). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **form** - The ticket + query code form.
   * - **field** - A label, hint, control and error.
   * - **input** - The ticket and query code inputs.
   * - **button** - The primary buttons (查询, 提交评价).
   * - **error** - Field errors and alerts.
   * - **result** - The case: status, deadline, history, rating.
   * - **status** - The current status badge.
   * - **timeline** - The ordered list of public steps.
   * - **rating** - The rating form, or the rating given.
   */
  "sq-complaint-tracker": Partial<SqComplaintTrackerProps & BaseProps & BaseEvents>;

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

  /**
   * Post a 微心愿 (small wish).
   * ---
   *
   *
   * ### **Events:**
   *  - **sq-submitted** - {@link SqSubmittedEvent} with `kind: 'wish'`: delivered (with the receipt) or queued offline (delivered later, then fired again as delivered).
   *
   * ### **Methods:**
   *  - **define(tag: _string_): _void_** - Registers the element under `tag`; safe to call again or with the tag already taken.
   *
   *
   * ### **CSS Properties:**
   *  - **--sq-wish-form-max-width** - Widest the form grows (40rem). _(default: undefined)_
   * - **--sq-color-primary** - Primary colour (党建红). _(default: undefined)_
   * - **--sq-target-size** - Smallest control size (44px; 60px in care mode). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **form** - The form.
   * - **field** - One field: label, hint, control and error.
   * - **label** - A field's label.
   * - **hint** - A field's hint.
   * - **error** - A field's error message.
   * - **choice** - A checkbox with its label.
   * - **error-summary** - The error summary.
   * - **submit** - The submit button.
   * - **status** - Sending, saved-offline, failure and refusal messages.
   * - **receipt** - The delivered panel with the wish code.
   */
  "sq-wish-form": Partial<SqWishFormProps & BaseProps & BaseEvents>;

  /**
   * 微心愿审核: staff queue, actions and counts.
   * ---
   *
   *
   * ### **Events:**
   *  - **sq-wish-acted** - An action succeeded: `detail.action`, `detail.wish` (the staff view).
   *
   * ### **Methods:**
   *  - **define(tag: _string_): _void_** - Registers the element under `tag`; safe to call again or with the tag already taken.
   *
   *
   * ### **CSS Properties:**
   *  - **--sq-wish-review-gap** - Space between items. _(default: undefined)_
   * - **--sq-color-primary** - Primary buttons (党建红). _(default: undefined)_
   * - **--sq-target-size** - Height of buttons and fields (44px; 60px in care mode). _(default: undefined)_
   * - **--sq-font-size-key** - Size of the counts (30px in care mode). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **login** - The sign-in form.
   * - **counts** - The counts panel.
   * - **figure** - One count.
   * - **toolbar** - The status filter and refresh button.
   * - **item** - One wish in the queue.
   * - **actions** - An item's action buttons.
   * - **status** - The live region announcing results.
   * - **error** - Error alerts.
   */
  "sq-wish-review": Partial<SqWishReviewProps & BaseProps & BaseEvents>;

  /**
   * Follow your wish with its code, then thank the claimer or withdraw it.
   * ---
   *
   *
   * ### **Events:**
   *  - **sq-thanked** - The wisher thanked the claimer: `detail` is `{ id, message?, view }`.
   *
   * ### **Methods:**
   *  - **define(tag: _string_): _void_** - Registers the element under `tag`; safe to call again or with the tag already taken.
   *
   *
   * ### **CSS Properties:**
   *  - **--sq-color-primary** - Primary buttons (党建红). _(default: undefined)_
   * - **--sq-wish-tracker-max-width** - Widest the element grows (40rem). _(default: undefined)_
   * - **--sq-target-size** - Height of inputs and buttons (44px; 60px in care mode). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **form** - The code form.
   * - **field** - A label, hint, control and error.
   * - **input** - The code input and the thanks text.
   * - **button** - The primary buttons (查询, 送上感谢, 确定撤回).
   * - **error** - Field errors and alerts.
   * - **result** - The wish: title, status, claimer, fulfilment, actions.
   * - **status** - The status line.
   * - **thanks** - The thanks form, or the thanks given.
   * - **withdraw** - The withdraw button and its confirm step.
   */
  "sq-wish-tracker": Partial<SqWishTrackerProps & BaseProps & BaseEvents>;

  /**
   * 心愿墙: browse, filter and claim 微心愿.
   * ---
   *
   *
   * ### **Events:**
   *  - **sq-claimed** - {@link SqClaimedEvent}: the visitor claimed a wish; `detail` is the receipt.
   *
   * ### **Methods:**
   *  - **define(tag: _string_): _void_** - Registers the element under `tag`; safe to call again or with the tag already taken.
   *
   *
   * ### **CSS Properties:**
   *  - **--sq-wish-wall-max-width** - Widest the wall grows (48rem). _(default: undefined)_
   * - **--sq-wish-wall-gap** - Space between cards. _(default: undefined)_
   * - **--sq-color-primary** - Primary colour (党建红). _(default: undefined)_
   * - **--sq-target-size** - Smallest control size (44px; 60px in care mode). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **filters** - The filter group.
   * - **list** - The list of cards.
   * - **card** - One wish card.
   * - **more** - The "加载更多" button.
   * - **dialog** - The wish's modal dialog.
   * - **error** - Load and claim failure alerts.
   */
  "sq-wish-wall": Partial<SqWishWallProps & BaseProps & BaseEvents>;
};
