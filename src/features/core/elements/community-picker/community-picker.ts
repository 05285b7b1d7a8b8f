import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { describeLocation, displayName } from '../../../../domain/names.js';
import type { Community, CommunitySummary, Location } from '../../model.js';
import { locationLevels, resolveLocation, type LocationLevel } from '../../location.js';
import { ApiError } from '../../../../sdk/errors.js';
import type { Client } from '../../../../sdk/client.js';
import zhCN from '../../locales/zh-CN/community-picker.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { options as optionNodes } from '../../../../ui/fields/options.js';
import { baseStyles } from '../../../../ui/styles.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { pickerStyles } from './community-picker.styles.js';

interface Option {
  id: string;
  name: string;
  nameEn?: string | undefined;
}

/**
 * Chooses a place in a community, coarse to fine: 社区 → 网格 → 楼栋 → 单元, from the
 * community model on the server (or the embedded demo data). A form-associated control: inside
 * a `<form>` it submits `<name>.community`, `<name>.grid`, `<name>.building`, `<name>.unit`
 * and takes part in validation. Prefill from attributes (a building's QR code link); a stale
 * id is dropped with a notice.
 *
 * @summary Choose 社区 → 网格 → 楼栋 → 单元.
 *
 * @event {Event} input - Any level was chosen; read `value`.
 * @event {Event} change - Any level was chosen; read `value`.
 *
 * @csspart fieldset - The group around all levels.
 * @csspart legend - The group's title.
 * @csspart field - The label, select and error of one level.
 * @csspart label - A level's label.
 * @csspart select - A level's native select.
 * @csspart error - A level's error message, and the load-failure alert.
 * @csspart summary - The chosen place, announced politely.
 *
 * @cssprop --sq-community-picker-gap - Space between the level fields.
 * @cssprop --sq-community-picker-column-min - Narrowest column before fields wrap (14em, so wider in care mode).
 * @cssprop --sq-color-primary - Primary colour (党建红).
 * @cssprop --sq-target-size - Height of each select (44px; 60px in care mode).
 */
export class SqCommunityPicker extends SqElement {
  static override tagName = 'sq-community-picker';
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [baseStyles, messageStyles, pickerStyles];

  /** Grid (网格) id: chosen or prefilled. */
  @property({ reflect: true }) grid?: string;
  /** Building (楼栋) id: chosen or prefilled. */
  @property({ reflect: true }) building?: string;
  /** Unit (单元) id: chosen or prefilled. */
  @property({ reflect: true }) unit?: string;
  /** Form field name prefix. */
  @property() name = 'location';
  /** Every shown level must be chosen (levels with nothing to choose are skipped). */
  @property({ type: Boolean, reflect: true }) required = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** The finest level offered. */
  @property() depth: LocationLevel = 'unit';
  /** Replaces the group's title (所在位置). */
  @property() label?: string;

  @state() private communities?: CommunitySummary[];
  @state() private tree?: Community;
  @state() private loadError?: ApiError;
  @state() private touched = false;
  @state() private stale?: LocationLevel;

  private readonly localize = new LocalizeController(this, 'community-picker', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/community-picker.js'),
  });
  private readonly internals = this.attachInternals();
  private _listClient?: Client;
  private _treeKey?: string;

  /** The chosen place, or undefined before a community is chosen. */
  get value(): Location | undefined {
    const community = this.communityId;
    if (!community) return undefined;
    const location: Location = { community };
    if (this.grid) location.grid = this.grid;
    if (this.grid && this.building) location.building = this.building;
    if (this.grid && this.building && this.unit) location.unit = this.unit;
    return location;
  }
  set value(location: Partial<Location> | undefined) {
    this.community = location?.community;
    this.grid = location?.grid;
    this.building = location?.building;
    this.unit = location?.unit;
  }

  /** The chosen place in words (`幸福里社区 · 第一网格 · 2号楼`), once the tree has loaded. */
  get description(): string {
    const value = this.value;
    if (!value || !this.tree) return '';
    const resolved = resolveLocation(this.tree, value);
    return 'missing' in resolved ? '' : describeLocation(resolved, this.localize.lang);
  }

  get form() {
    return this.internals.form;
  }
  get validity() {
    return this.internals.validity;
  }
  get validationMessage() {
    return this.internals.validationMessage;
  }
  checkValidity() {
    return this.internals.checkValidity();
  }
  /** Shows the errors and returns whether every required level is chosen. */
  reportValidity() {
    this.touched = true;
    return this.internals.reportValidity();
  }

  constructor() {
    super();
    // The browser fires `invalid` at form submission: show the messages then.
    this.addEventListener('invalid', () => (this.touched = true));
  }

  formResetCallback() {
    this.value = undefined;
    this.touched = false;
  }
  formDisabledCallback(disabled: boolean) {
    this.disabled = disabled;
  }

  /** Levels shown, coarse to fine, down to `depth`. */
  private get levels(): readonly LocationLevel[] {
    const depth = Math.max(0, locationLevels.indexOf(this.depth));
    return locationLevels.slice(0, depth + 1);
  }

  private selected(level: LocationLevel): string | undefined {
    return level === 'community' ? this.communityId : this[level];
  }

  /** Options of a level; undefined while the level above is unchosen or loading. */
  private optionsOf(level: LocationLevel): Option[] | undefined {
    if (level === 'community') return this.communities;
    const tree = this.tree;
    if (!tree || tree.id !== this.communityId) return undefined;
    if (level === 'grid') return tree.grids;
    const grid = tree.grids.find((g) => g.id === this.grid);
    if (level === 'building') return grid?.buildings;
    return grid?.buildings.find((b) => b.id === this.building)?.units;
  }

  private missing(level: LocationLevel): boolean {
    const options = this.optionsOf(level);
    return this.required && !!options && options.length > 0 && !this.selected(level);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.client;
    if (client !== this._listClient) {
      this._listClient = client;
      void this.loadList(client);
    }
    const treeKey = this.communityId;
    if (treeKey !== this._treeKey) {
      this._treeKey = treeKey;
      this.tree = undefined;
      if (treeKey) void this.loadTree(client, treeKey);
    }
  }

  protected override updated(): void {
    this.syncForm();
  }

  /** A list or tree the client already holds is taken at once: no second render. */
  private async loadList(client: Client) {
    this.loadError = undefined;
    try {
      const communities = client.communities.peek() ?? (await client.communities.list());
      if (client !== this._listClient) return;
      this.communities = communities;
      if (!this.communityId && communities.length === 1)
        this.choose('community', communities[0]!.id);
    } catch (error) {
      this.loadError = ApiError.from(error);
    }
  }

  private async loadTree(client: Client, id: string) {
    try {
      const tree = client.communities.peek(id) ?? (await client.communities.get(id));
      if (id !== this.communityId) return;
      this.tree = tree;
      this.dropStale(tree);
    } catch (error) {
      const apiError = ApiError.from(error);
      if (apiError.code === 'not_found') {
        this.stale = 'community';
        this.value = undefined;
      } else {
        this.loadError = apiError;
      }
    }
  }

  /** A prefilled id that the community no longer has is dropped, with everything below it. */
  private dropStale(tree: Community) {
    const value = this.value;
    if (!value) return;
    const resolved = resolveLocation(tree, value);
    if (!('missing' in resolved)) return;
    this.stale = resolved.missing;
    this.clearFrom(resolved.missing);
  }

  private clearFrom(level: LocationLevel) {
    for (const lower of locationLevels.slice(locationLevels.indexOf(level))) {
      if (lower === 'community') this.community = undefined;
      else this[lower] = undefined;
    }
  }

  private choose(level: LocationLevel, id: string) {
    const below = locationLevels[locationLevels.indexOf(level) + 1];
    if (below) this.clearFrom(below);
    if (level === 'community') this.community = id || undefined;
    else this[level] = id || undefined;
    this.stale = undefined;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private retry() {
    this._listClient = undefined;
    this._treeKey = undefined;
    this.loadError = undefined;
    this.requestUpdate();
  }

  private syncForm() {
    const value = this.value;
    const data = new FormData();
    if (value) {
      for (const level of locationLevels) {
        if (value[level]) data.append(`${this.name}.${level}`, value[level]!);
      }
    }
    this.internals.setFormValue(value ? data : null);
    const missing = this.levels.find((level) => this.missing(level));
    const anchor = missing ? this.renderRoot.querySelector<HTMLSelectElement>(`#${missing}`) : null;
    if (missing) {
      const message = this.localize.t('missing', {
        level: this.localize.t(`inline.${missing}`),
      });
      this.internals.setValidity({ valueMissing: true }, message, anchor ?? undefined);
    } else {
      this.internals.setValidity({});
    }
  }

  private placeholder(level: LocationLevel, options: Option[] | undefined): string {
    const t = this.localize;
    const inline = (l: LocationLevel) => t.t(`inline.${l}`);
    if (options === undefined) {
      if (this.loadError) return t.t('unavailable');
      const above = locationLevels[locationLevels.indexOf(level) - 1];
      const aboveChosen = above === undefined || !!this.selected(above);
      return aboveChosen || !above
        ? t.t('common:loading')
        : t.t('chooseFirst', { level: inline(above) });
    }
    if (options.length === 0) return t.t('none', { level: inline(level) });
    return t.t('choose', { level: inline(level) });
  }

  private renderLevel(level: LocationLevel) {
    const t = this.localize;
    const options = this.optionsOf(level);
    const selected = this.selected(level) ?? '';
    const invalid = this.touched && this.missing(level);
    return html`<div class="field" part="field">
      <label for=${level} part="label">${t.t(level)}</label>
      <div class="select-wrap">
        <select
          id=${level}
          part="select"
          .value=${live(selected)}
          ?disabled=${this.disabled || !options || options.length === 0}
          ?required=${this.required && !!options?.length}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? `${level}-error` : nothing}
          @change=${(e: Event) => this.choose(level, (e.target as HTMLSelectElement).value)}
        >
          <option value="">${this.placeholder(level, options)}</option>
          ${optionNodes(
            (options ?? []).map((o) => [o.id, displayName(o, t.lang)] as const),
            selected,
          )}
        </select>
      </div>
      ${
        invalid
          ? html`<p id="${level}-error" class="error-text" part="error">
              ${t.t('missing', { level: t.t(`inline.${level}`) })}
            </p>`
          : nothing
      }
    </div>`;
  }

  protected override render() {
    const t = this.localize;
    const loading = !this.loadError && (!this.communities || (!!this.communityId && !this.tree));
    const complete = this.levels.every(
      (level) => this.selected(level) || !this.optionsOf(level)?.length,
    );
    return html`<fieldset
      part="fieldset"
      aria-busy=${loading ? 'true' : 'false'}
      aria-describedby="hint"
    >
      <legend part="legend">
        ${this.label ?? t.t('legend')}${
          this.required ? html`<span class="tag">${t.t('common:required')}</span>` : nothing
        }
      </legend>
      <p id="hint" class="hint-text">${t.t('hint')}</p>
      ${
        this.loadError
          ? html`<div class="alert" role="alert" part="error">
              <p>${t.t('loadFailed')}${t.t(`common:${this.loadError.key}`)}</p>
              <button type="button" class="button-secondary" @click=${this.retry}>
                ${t.t('common:retry')}
              </button>
            </div>`
          : nothing
      }${
        this.stale
          ? html`<div class="notice" role="status">
              <p>${t.t('stale', { level: t.t(`inline.${this.stale}`) })}</p>
            </div>`
          : nothing
      }${
        this.communities?.length === 0
          ? html`<div class="notice" role="status"><p>${t.t('empty')}</p></div>`
          : nothing
      }
      <div class="levels">${this.levels.map((level) => this.renderLevel(level))}</div>
      <p class="summary" part="summary" aria-live="polite">
        ${
          complete && this.tree
            ? t.t('chosen', {
                // Each place whole in English too (Unit 3, not Unit / 3).
                place: this.description
                  .split(' · ')
                  .map((p) => p.replace(/ /g, '\u00a0'))
                  .join(' · '),
              })
            : ''
        }
      </p>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sq-community-picker': SqCommunityPicker;
  }
}
