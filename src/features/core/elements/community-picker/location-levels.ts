import { html, nothing, type ReactiveController } from 'lit';
import { live } from 'lit/directives/live.js';
import { describeLocation, displayName } from '../../../../domain/names.js';
import type { Community, CommunitySummary, Location } from '../../model.js';
import { locationLevels, resolveLocation, type LocationLevel } from '../../location.js';
import { ApiError } from '../../../../sdk/errors.js';
import type { Client } from '../../../../sdk/client.js';
import zhCN from '../../locales/zh-CN/community-picker.js';
import { i18n } from '../../../../ui/localize.js';
import type { TranslateOptions } from '../../../../ui/translator.js';
import { options as optionNodes } from '../../../../ui/fields/options.js';
import type { SqElement } from '../../../../ui/sq-element.js';

/** The picker's strings, for every host that renders the levels (the picker, the complaint form). */
export const NAMESPACE = 'community-picker';
i18n.addResourceBundle('zh-CN', NAMESPACE, zhCN);
i18n.addLoader('en', NAMESPACE, () => import('../../locales/en/community-picker.js'));

interface Option {
  id: string;
  name: string;
  nameEn?: string | undefined;
}

/** What the host decides: its place, what changing it does, and how the levels are offered. */
export interface LocationLevelsOptions {
  /** The host's translator (`lang` and `t`); keys are looked up in the picker's strings. */
  localize: { readonly lang: string };
  /** The place the host holds (its community is the host's `communityId`). */
  value(): Omit<Location, 'community'>;
  /** A level was chosen (`id` empty: unchosen); the levels below it are cleared first. */
  choose(level: LocationLevel, id: string | undefined): void;
  /** Clears `level` and everything below it, without a resident's choice (a stale id). */
  clear(level: LocationLevel): void;
  /** The finest level offered. */
  depth(): LocationLevel;
  /** The first select's id: where the host sends focus for the whole place. */
  id?: string;
  required?(): boolean;
  disabled?(): boolean;
  /** Replaces the group's title (所在位置). */
  label?(): string | undefined;
}

/**
 * The levels 社区 → 网格 → 楼栋 → 单元, coarse to fine, as a controller and a partial: the
 * list and the community's tree from the host's client, a prefilled id the community no longer
 * has dropped with a notice, and the fieldset with one select per level. `<sq-community-picker>`
 * is this with form association; the complaint form renders it in its own shadow root (one
 * element and one update fewer: its first render is measured by `npm run bench:form`).
 */
export class LocationLevels implements ReactiveController {
  communities?: CommunitySummary[];
  tree?: Community;
  loadError?: ApiError;
  /** Show the required levels' messages (after a submit or `reportValidity`). */
  touched = false;
  stale?: LocationLevel;
  private listClient?: Client;
  private treeKey?: string;
  private strings?: Promise<void>;

  constructor(
    private readonly host: SqElement,
    private readonly o: LocationLevelsOptions,
  ) {
    host.addController(this);
  }

  private t(key: string, options?: TranslateOptions): string {
    return i18n.t(key, { ...options, lng: this.o.localize.lang, ns: [NAMESPACE, 'common'] });
  }

  /** The chosen place, or undefined before a community is chosen. */
  get value(): Location | undefined {
    const community = this.host.communityId;
    if (!community) return undefined;
    const { grid, building, unit } = this.o.value();
    const location: Location = { community };
    if (grid) location.grid = grid;
    if (grid && building) location.building = building;
    if (grid && building && unit) location.unit = unit;
    return location;
  }

  /** The chosen place in words (`幸福里社区 · 第一网格 · 2号楼`), once the tree has loaded. */
  get description(): string {
    const value = this.value;
    if (!value || !this.tree) return '';
    const resolved = resolveLocation(this.tree, value);
    return 'missing' in resolved ? '' : describeLocation(resolved, this.o.localize.lang);
  }

  /** Levels shown, coarse to fine, down to the depth. */
  get levels(): readonly LocationLevel[] {
    return locationLevels.slice(0, Math.max(0, locationLevels.indexOf(this.o.depth())) + 1);
  }

  private selected(level: LocationLevel): string | undefined {
    return level === 'community' ? this.host.communityId : this.o.value()[level];
  }

  /** Options of a level; undefined while the level above is unchosen or loading. */
  private optionsOf(level: LocationLevel): Option[] | undefined {
    if (level === 'community') return this.communities;
    const tree = this.tree;
    if (!tree || tree.id !== this.host.communityId) return undefined;
    if (level === 'grid') return tree.grids;
    const grid = tree.grids.find((g) => g.id === this.o.value().grid);
    if (level === 'building') return grid?.buildings;
    return grid?.buildings.find((b) => b.id === this.o.value().building)?.units;
  }

  /** The first shown level that is required and still unchosen. */
  get missing(): LocationLevel | undefined {
    return this.levels.find((level) => this.isMissing(level));
  }

  private isMissing(level: LocationLevel): boolean {
    const options = this.optionsOf(level);
    return !!this.o.required?.() && !!options?.length && !this.selected(level);
  }

  /** The message for a missing level (`请选择网格`). */
  missingMessage(level: LocationLevel): string {
    return this.t('missing', { level: this.t(`inline.${level}`) });
  }

  /** The select of `level` in the host's shadow root. */
  selectOf(level: LocationLevel): HTMLSelectElement | null {
    const id = level === 'community' && this.o.id ? this.o.id : level;
    return this.host.renderRoot.querySelector<HTMLSelectElement>(`#${id}`);
  }

  /** The picker's strings in the host's language are still loading (a host that does not wait
   * for them itself, as the picker's own LocalizeController does, shows that it is loading). */
  get pending(): boolean {
    return !!this.strings;
  }

  hostUpdate(): void {
    if (!this.strings) {
      this.strings = i18n.load(this.o.localize.lang, [NAMESPACE])?.then(() => {
        this.strings = undefined;
        this.host.requestUpdate();
      });
    }
    const client = this.host.client;
    if (client !== this.listClient) {
      this.listClient = client;
      void this.loadList(client);
    }
    const treeKey = this.host.communityId;
    if (treeKey !== this.treeKey) {
      this.treeKey = treeKey;
      this.tree = undefined;
      if (treeKey) void this.loadTree(client, treeKey);
    }
  }

  /** A list or tree the client already holds is taken at once: no second render. */
  private async loadList(client: Client) {
    this.loadError = undefined;
    try {
      const communities = client.communities.peek() ?? (await client.communities.list());
      if (client !== this.listClient) return;
      this.communities = communities;
      if (!this.host.communityId && communities.length === 1)
        this.choose('community', communities[0]!.id);
    } catch (error) {
      this.loadError = ApiError.from(error);
    }
    this.host.requestUpdate();
  }

  private async loadTree(client: Client, id: string) {
    try {
      const tree = client.communities.peek(id) ?? (await client.communities.get(id));
      if (id !== this.host.communityId) return;
      this.tree = tree;
      this.dropStale(tree);
    } catch (error) {
      const apiError = ApiError.from(error);
      if (apiError.code === 'not_found') {
        this.stale = 'community';
        this.o.clear('community');
      } else {
        this.loadError = apiError;
      }
    }
    this.host.requestUpdate();
  }

  /** A prefilled id that the community no longer has is dropped, with everything below it. */
  private dropStale(tree: Community) {
    const value = this.value;
    if (!value) return;
    const resolved = resolveLocation(tree, value);
    if (!('missing' in resolved)) return;
    this.stale = resolved.missing;
    this.o.clear(resolved.missing);
  }

  private choose(level: LocationLevel, id: string) {
    this.stale = undefined;
    this.o.choose(level, id || undefined);
  }

  private retry() {
    this.listClient = undefined;
    this.treeKey = undefined;
    this.loadError = undefined;
    this.host.requestUpdate();
  }

  private placeholder(level: LocationLevel, options: Option[] | undefined): string {
    const inline = (l: LocationLevel) => this.t(`inline.${l}`);
    if (options === undefined) {
      if (this.loadError) return this.t('unavailable');
      const above = locationLevels[locationLevels.indexOf(level) - 1];
      return !above || this.selected(above)
        ? this.t('common:loading')
        : this.t('chooseFirst', { level: inline(above) });
    }
    if (options.length === 0) return this.t('none', { level: inline(level) });
    return this.t('choose', { level: inline(level) });
  }

  private renderLevel(level: LocationLevel) {
    const options = this.optionsOf(level);
    const selected = this.selected(level) ?? '';
    const invalid = this.touched && this.isMissing(level);
    const id = level === 'community' && this.o.id ? this.o.id : level;
    return html`<div class="field" part="field">
      <label for=${id} part="label">${this.t(level)}</label>
      <div class="select-wrap">
        <select
          id=${id}
          part="select"
          .value=${live(selected)}
          ?disabled=${!!this.o.disabled?.() || !options?.length}
          ?required=${!!this.o.required?.() && !!options?.length}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? `${id}-error` : nothing}
          @change=${(e: Event) => this.choose(level, (e.target as HTMLSelectElement).value)}
        >
          <option value="">${this.placeholder(level, options)}</option>
          ${optionNodes(
            (options ?? []).map((o) => [o.id, displayName(o, this.o.localize.lang)] as const),
            selected,
          )}
        </select>
      </div>
      ${
        invalid
          ? html`<p id="${id}-error" class="error-text" part="error">
              ${this.missingMessage(level)}
            </p>`
          : nothing
      }
    </div>`;
  }

  /** The fieldset: title, hint, load failure or notices, the levels, the chosen place. */
  render() {
    const loading =
      !this.loadError && (!this.communities || (!!this.host.communityId && !this.tree));
    const complete = this.levels.every(
      (level) => this.selected(level) || !this.optionsOf(level)?.length,
    );
    const notice = (text: string) => html`<div class="notice" role="status"><p>${text}</p></div>`;
    return html`<fieldset
      class="place"
      part="fieldset"
      aria-busy=${loading ? 'true' : 'false'}
      aria-describedby="place-hint"
    >
      <legend part="legend">
        ${this.o.label?.() ?? this.t('legend')}${
          this.o.required?.()
            ? html`<span class="tag">${this.t('common:required')}</span>`
            : nothing
        }
      </legend>
      <p id="place-hint" class="hint-text">${this.t('hint')}</p>
      ${
        this.loadError
          ? html`<div class="alert" role="alert" part="error">
              <p>${this.t('loadFailed')}${this.t(`common:${this.loadError.key}`)}</p>
              <button type="button" class="button-secondary" @click=${() => this.retry()}>
                ${this.t('common:retry')}
              </button>
            </div>`
          : nothing
      }${
        this.stale ? notice(this.t('stale', { level: this.t(`inline.${this.stale}`) })) : nothing
      }${this.communities?.length === 0 ? notice(this.t('empty')) : nothing}
      <div class="levels">${this.levels.map((level) => this.renderLevel(level))}</div>
      <p class="summary" part="summary" aria-live="polite">
        ${
          complete && this.tree
            ? this.t('chosen', {
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
