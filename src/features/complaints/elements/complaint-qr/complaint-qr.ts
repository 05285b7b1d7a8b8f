import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { categoriesFor } from '../../../core/catalogues.js';
import type { Community } from '../../../core/model.js';
import { resolveLocation, type LocationLevel } from '../../../core/location.js';
import { describeLocation, displayName } from '../../../../domain/names.js';
import { ApiError } from '../../../../sdk/errors.js';
import zhCN from '../../locales/zh-CN/complaint-qr.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { baseStyles } from '../../../../ui/styles.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { qrStyles } from './complaint-qr.styles.js';
import { PrefillError, prefillUrl, type PrefillPlace } from './prefill.js';
import { encodeQr, QUIET_ZONE, type QrCode } from './qr.js';

/**
 * 说事二维码: a QR code, as SVG, of the complaint form's link prefilled with a place
 * (社区/网格/楼栋/单元) and optionally a category, with the place's name and the caption
 * 扫码说事. `printable` makes it a poster (title, three steps, the promise of an answer) with
 * print CSS for A4 or A5, one per page, so staff can print one for every building.
 *
 * @summary A building's QR code that opens the complaint form filled in, and its poster.
 *
 * @csspart poster - The figure: QR code, caption and (printable) instructions.
 * @csspart qr - The QR code's SVG.
 * @csspart caption - 扫码说事 and the place's name.
 * @csspart link - The link in text, under the code.
 * @csspart error - Why no code can be made (bad id, a place no longer in the community).
 *
 * @cssprop --sq-complaint-qr-size - Width of the code on screen (14rem; 18rem when printable).
 * @cssprop --sq-complaint-qr-dark - Colour of the dark modules (black; keep it dark for scanners).
 * @cssprop --sq-color-primary - The poster's title and frame (党建红).
 */
export class SqComplaintQr extends SqElement {
  static override tagName = 'sq-complaint-qr';
  static override styles = [baseStyles, messageStyles, qrStyles];

  /**
   * The page with <sq-complaint-form> (absolute, or relative to this page). Default: this
   * page without its query and fragment.
   */
  @property() base?: string;
  /** Grid (网格) id. */
  @property() grid?: string;
  /** Building (楼栋) id. */
  @property() building?: string;
  /** Unit (单元) id. */
  @property() unit?: string;
  /** Complaint category id to preselect (e.g. `fire-safety` on a fire-lane sign). */
  @property() category?: string;
  /** Poster mode: title, steps and print CSS (one poster per printed page). */
  @property({ type: Boolean, reflect: true }) printable = false;
  /** Paper size when printing the poster. */
  @property({ reflect: true }) paper: 'a4' | 'a5' = 'a4';

  @state() private tree?: Community;
  @state() private loadError?: ApiError;

  private readonly localize = new LocalizeController(this, 'complaint-qr', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/complaint-qr.js'),
  });
  private link?: string;
  private prefillError?: PrefillError;
  private qrCode?: QrCode;
  private loadingId?: string;

  /** The prefill link the code holds, or undefined when the ids are not valid. */
  get url(): string | undefined {
    return this.link;
  }

  private get place(): PrefillPlace {
    const { grid, building, unit, category } = this;
    return { community: this.communityId ?? '', grid, building, unit, category };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    let url: string | undefined;
    this.prefillError = undefined;
    try {
      const page = new URL(this.base ?? '', this.ownerDocument.baseURI);
      if (this.base === undefined) page.search = page.hash = '';
      url = prefillUrl(page, this.place);
    } catch (error) {
      this.prefillError =
        error instanceof PrefillError ? error : new PrefillError('base', 'invalid');
    }
    if (url !== this.link) {
      this.link = url;
      this.qrCode = url ? encodeQr(url) : undefined;
    }
    const community = this.prefillError ? undefined : this.communityId;
    if (community !== this.loadingId) {
      this.loadingId = community;
      this.tree = undefined;
      this.loadError = undefined;
      if (community) void this.load(community);
    }
  }

  private async load(id: string) {
    const client = this.client;
    try {
      const tree = await client.communities.get(id);
      if (this.loadingId === id) this.tree = tree;
    } catch (error) {
      if (this.loadingId !== id) return;
      this.loadError = ApiError.from(error);
    }
  }

  private retry() {
    this.loadingId = undefined;
    this.requestUpdate();
  }

  /** The first level (or the category) the community no longer has. */
  private stale(): LocationLevel | 'category' | undefined {
    const tree = this.tree;
    if (!tree) return this.loadError?.code === 'not_found' ? 'community' : undefined;
    const { community, grid, building, unit } = this.place;
    const resolved = resolveLocation(tree, { community, grid, building, unit });
    if ('missing' in resolved) return resolved.missing;
    const category = this.category;
    if (category && !categoriesFor(tree, 'complaint').some((c) => c.id === category)) {
      return 'category';
    }
    return undefined;
  }

  private renderQr(code: QrCode, label: string) {
    const size = code.size + 2 * QUIET_ZONE;
    return html`<svg
      part="qr"
      class="qr"
      role="img"
      aria-label=${label}
      viewBox="${-QUIET_ZONE} ${-QUIET_ZONE} ${size} ${size}"
      shape-rendering="crispEdges"
    >
      ${svg`<rect x=${-QUIET_ZONE} y=${-QUIET_ZONE} width=${size} height=${size} fill="#fff"></rect>
        <path class="modules" d=${code.path}></path>`}
    </svg>`;
  }

  private renderAlert(message: string, retry = false) {
    return html`<div class="alert" role="alert" part="error">
      <p>${message}</p>
      ${
        retry
          ? html`<button type="button" class="button-secondary" @click=${this.retry}>
              ${this.localize.t('common:retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  protected override render() {
    const t = this.localize;
    const error = this.prefillError;
    if (error) {
      const key = error.reason === 'parentMissing' ? 'parentMissing' : 'invalid';
      return this.renderAlert(t.t(`${key}.${error.field}`));
    }
    const stale = this.stale();
    if (stale) {
      return this.renderAlert(
        stale === 'category'
          ? t.t('staleCategory')
          : t.t('stale', { level: t.t(`levels.${stale}`) }),
      );
    }
    const tree = this.tree;
    const { community, grid, building, unit } = this.place;
    const resolved = tree && resolveLocation(tree, { community, grid, building, unit });
    const place =
      resolved && !('missing' in resolved) ? describeLocation(resolved, t.lang) : undefined;
    const category =
      tree && this.category
        ? categoriesFor(tree, 'complaint').find((c) => c.id === this.category)
        : undefined;
    const poster = this.printable;
    const loadError = this.loadError;
    return html`${
        loadError
          ? this.renderAlert(`${t.t('loadFailed')}${t.t(`common:${loadError.key}`)}`, true)
          : nothing
      }
      <figure class="poster" part="poster">
        ${
          poster
            ? html`<h2 class="title" lang=${t.lang}>${t.t('title')}</h2>
                <p class="lead">${t.t('lead')}</p>`
            : nothing
        }
        ${this.qrCode ? this.renderQr(this.qrCode, t.t('qrLabel', { place: place ?? '' })) : nothing}
        <figcaption part="caption">
          <strong class="caption">${t.t('caption')}</strong>
          <span class="place" aria-busy=${place || this.loadError ? 'false' : 'true'}>
            ${
              // Each level whole on its line while it fits ("Grid 1", "3单元"), its · with it:
              // no line of a poster starts with one.
              place
                ?.split(' · ')
                .map(
                  (p, i, all) => html`<span>${p}${i < all.length - 1 ? '\u00a0·' : ''}</span> `,
                ) ?? (this.loadError ? this.communityId : t.t('loadingPlace'))
            }
          </span>
          ${category ? html`<span class="category">${displayName(category, t.lang)}</span>` : nothing}
        </figcaption>
        ${
          poster
            ? html`<ol class="steps">
                  <li>${t.t('steps.scan')}</li>
                  <li>${t.t('steps.write')}</li>
                  <li>${t.t('steps.track')}</li>
                </ol>
                <p class="promise">${t.t('promise')}</p>`
            : nothing
        }
        <p class="link" part="link">${t.t('link')}<span>${this.link}</span></p>
      </figure>
      ${
        poster
          ? html`<button
              type="button"
              class="button-secondary print"
              @click=${() => window.print()}
            >
              ${t.t('print')}
            </button>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sq-complaint-qr': SqComplaintQr;
  }
}
