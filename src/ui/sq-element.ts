import { consume, ContextProvider } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Client } from '../sdk/client.js';
import { clientFor } from './clients.js';
import { provided, providedContext, type Provided } from './context.js';
import { defineElement } from './define.js';
import { pendingStrings } from './localize.js';
import { CustomStates } from './states.js';
import { ensureDocumentTokens } from './tokens.js';

/** <sq-provider> defined, or 3 s gone by: a page that never defines it still renders. */
const providerDefined = () =>
  Promise.race([
    customElements.whenDefined('sq-provider'),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ]);

/**
 * Provides to what the host renders, which connects after the host exists: unlike a provider
 * upgraded late, it has no consumers to take over from an outer one, so it does not announce
 * itself (each announcement makes an outer <sq-provider> re-send every request it serves:
 * quadratic in the elements on the page).
 */
class InnerProvider<C extends { __context__: unknown }> extends ContextProvider<C> {
  override hostConnected(): void {}
}

/**
 * The base of every shequ-kit element: standalone configuration from attributes (`api-base`,
 * `community`, `lang`, `care`), the same from an enclosing <sq-provider> through context,
 * care mode, the document's design tokens, idempotent `define()` and typed `emit()`.
 *
 * An element rendered inside another (the volunteer booking's community picker) gets its host's
 * client, community and care mode, always: the host provides them to what it renders (the
 * language already follows the nearest `lang` across shadow roots).
 */
export class SqElement extends LitElement {
  /** The tag this class registers as with `define()`. */
  static tagName = '';

  /** Registers the element under `tag`; safe to call again or with the tag already taken. */
  static define(tag: string = this.tagName): void {
    defineElement(tag, this);
  }

  /**
   * Base URL of a shequ-kit server's API (e.g. `/api/v1`). Absent, and no provider: the
   * embedded client, which keeps data in this browser (demos, Storybook, trials).
   */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The community (社区) id this element serves; overrides the provider's. */
  @property({ reflect: true }) community?: string;

  /** Care mode (关怀模式): larger text, larger targets, nothing that acts on a timer. */
  @property({ type: Boolean }) care = false;

  /** Custom states (`:state(name)`), with the `--name` fallback of Chromium 90–124; the
   * element's controllers set them too.
   * @internal
   */
  readonly customStates = new CustomStates(() => this.attachInternals());

  private attachedInternals?: ElementInternals;

  /** One ElementInternals per element, whoever asks first (a second attach would throw).
   * @internal
   */
  override attachInternals(): ElementInternals {
    return (this.attachedInternals ??= super.attachInternals());
  }

  /** @internal The provider's client, community and care mode, through context. */
  @consume({ context: providedContext, subscribe: true })
  @state()
  protected provided?: Provided;

  /** What elements inside this one (the booking's picker) follow: its client, community, care. */
  private readonly inner = new InnerProvider(this, { context: providedContext });

  /**
   * The client this element talks to: own `api-base`, else the provider's, else embedded.
   * @internal Read-only plumbing for subclasses; set `api-base` or a provider's `client`.
   */
  get client(): Client {
    if (this.apiBase) return clientFor(this.apiBase);
    return this.provided?.client ?? clientFor(undefined);
  }

  /**
   * The community in force: own attribute, else the provider's.
   * @internal Read-only; set `community`.
   */
  get communityId(): string | undefined {
    return this.community ?? this.provided?.community;
  }

  /**
   * Care mode in force: own attribute, a provider's, or `<html data-sq-care>`.
   * @internal Read-only; set `care`.
   */
  get careMode(): boolean {
    return (
      this.care ||
      !!this.provided?.care ||
      this.ownerDocument.documentElement.hasAttribute('data-sq-care')
    );
  }

  private waiting?: Promise<unknown>;

  /**
   * Connects (asks for context, then renders) once an enclosing <sq-provider> is defined: its
   * chunk may arrive after ours (the drop-in loads both at once), and a request it is not
   * there to answer would leave the element on the embedded default, which loads and asks the
   * embedded store.
   */
  override connectedCallback(): void {
    ensureDocumentTokens(this.ownerDocument);
    if (!this.waiting && !this.apiBase && this.closest('sq-provider:not(:defined)')) {
      this.waiting = providerDefined().then(() => {
        this.waiting = undefined;
        if (this.isConnected) super.connectedCallback();
      });
    } else if (!this.waiting) super.connectedCallback();
  }

  /** Renders once the strings of its language are here: no flash of the fallback language. */
  protected override async scheduleUpdate(): Promise<void> {
    const loading = pendingStrings.get(this);
    if (loading) await loading;
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // The token sheet swaps in care sizes for `[data-sq-care]` and everything inside it.
    const care = this.careMode;
    this.toggleAttribute('data-sq-care', care);
    this.inner.setValue(
      provided(this.inner.value, { client: this.client, community: this.communityId, care }),
    );
  }

  /** Dispatches one of our typed events; returns false if a listener cancelled it. */
  protected emit<E extends Event>(event: E): boolean {
    return this.dispatchEvent(event);
  }
}
