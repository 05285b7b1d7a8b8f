import { provide } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Client } from '../../../../sdk/client.js';
import { clientFor } from '../../../../ui/clients.js';
import { provided, providedContext, type Provided } from '../../../../ui/context.js';
import { defineElement } from '../../../../ui/define.js';

/**
 * Configures every shequ-kit element inside it at once: the client (or `api-base`), the
 * community, the language and care mode. Elements may still override each on themselves.
 *
 * @summary Shared client, community, language and care mode for the elements inside.
 * @slot - The page content holding shequ-kit elements.
 */
export class SqProvider extends LitElement {
  static tagName = 'sq-provider';
  static define(tag: string = this.tagName): void {
    defineElement(tag, this);
  }

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** A client made with `createClient()`; wins over `api-base`. Property only. */
  @property({ attribute: false }) client?: Client;

  /** Base URL of the server's API for all elements inside (e.g. `/api/v1`). */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Community (社区) id for all elements inside. */
  @property() community?: string;

  /** Language for the elements inside (`zh-CN`, `en`); reflected as `lang`. */
  @property({ reflect: true, attribute: 'lang' }) locale?: string;

  /** Care mode (关怀模式) for all elements inside. */
  @property({ type: Boolean, reflect: true }) care = false;

  @provide({ context: providedContext }) protected provided?: Provided;

  /** Provides at once: elements inside that upgrade right after it get its client in their
   * first update (not the embedded default, which would load the embedded store). */
  override connectedCallback(): void {
    this.willUpdate();
    super.connectedCallback();
  }

  protected override willUpdate(): void {
    this.provided = provided(this.provided, {
      client: this.client ?? (this.apiBase ? clientFor(this.apiBase) : undefined),
      community: this.community,
      care: this.care,
    });
    this.toggleAttribute('data-sq-care', this.care);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
