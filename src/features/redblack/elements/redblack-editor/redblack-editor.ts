import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AppealStaffView, RedblackEntry } from '../../model.js';
import type { Community } from '../../../core/model.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/redblack-editor.js';
import { ActionController } from '../../../../ui/action.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { controlStyles } from '../../../../ui/control-styles.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { SignInForm, StaffSessionController } from '../../../../ui/staff-session.js';
import { baseStyles } from '../../../../ui/styles.js';
import { editorStyles } from './redblack-editor.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'sq-redblack-editor': SqRedblackEditor;
  }
}

/**
 * The editor's tabs, in order; each has its renderer in `PANELS` (later.ts), and nothing else
 * in the editor names them. `scores` (和谐楼道评分) is `<sq-redblack-score-sheet>`.
 */
export const EDITOR_TABS = ['drafts', 'review', 'published', 'appeals', 'scores'] as const;
export type EditorTab = (typeof EDITOR_TABS)[number];

/** An action form open under one item: what it does and on which entry or appeal. */
export interface OpenAction {
  id: string;
  act: 'return' | 'publish' | 'rectify' | 'withdraw' | 'confirmWithdraw' | 'uphold' | 'dismiss';
  /** The withdrawal's note, kept while its confirmation asks. */
  note?: string;
}

/**
 * The staff side of 红黑榜: write entries (red or black, a period, a rubric category, a place,
 * an organisation or — red only, with the person's recorded consent — a person, the reason,
 * evidence photos), submit them for review; review others' entries (publish with a per-photo
 * check that no faces, number plates or door numbers show, or return with a note; one's own
 * entries say they need another reviewer); rectify (已整改), renew, correct (更正: the entry
 * form prefilled, a public note for the board's change log, a confirmation) and withdraw
 * published entries with a public note, with the period's counts; decide appeals within their
 * working-day deadline (uphold → withdrawn 经复核撤销, or its reason corrected with a public
 * note in the same form; or dismiss with a reason).
 * Over HTTP staff sign in here; an embedded client acts as its `actor`.
 *
 * @summary 红黑榜编辑与审核: drafts, second-person review, publishing, 已整改, 更正, appeals.
 *
 * @event {SqEntryActedEvent} sq-entry-acted - A draft was saved, a published entry corrected (`correct`) or an entry acted on: `detail.action`, `detail.entry`.
 * @event {SqAppealDecidedEvent} sq-appeal-decided - An appeal was decided: `detail.appeal`.
 *
 * @csspart header - The title bar with the staff member's name and the sign-out button.
 * @csspart login - The sign-in form.
 * @csspart tabs - The tab buttons (草稿, 待审核, 已发布, 申诉, 和谐楼道评分).
 * @csspart tab - One tab button (`data-tab`).
 * @csspart panel - The chosen tab's content.
 * @csspart form - The entry form (a draft, a correction, an appeal's corrected reason).
 * @csspart item - One entry or appeal in a list.
 * @csspart actions - An item's action buttons.
 * @csspart checklist - The reviewer's per-photo confirmation.
 * @csspart confirm - The confirmation of a withdrawal or a correction (`data-confirm`, `data-cancel`).
 * @csspart counts - The period's counts.
 * @csspart status - The live region announcing results.
 * @csspart error - Error alerts.
 *
 * @cssprop --sq-redblack-editor-max-width - Widest the editor grows (56rem).
 * @cssprop --sq-color-primary - Primary buttons and the red list (党建红).
 * @cssprop --sq-target-size - Height of buttons and fields (44px; 60px in care mode).
 * @cssprop --sq-font-size-key - Size of the counts (30px in care mode).
 *
 * @cssstate login - The sign-in form is shown.
 * @cssstate editing - The entry form is open (a draft, a correction, an appeal's corrected reason).
 */
export class SqRedblackEditor extends SqElement {
  static override tagName = 'sq-redblack-editor';
  static override styles = [baseStyles, controlStyles, messageStyles, badgeStyles, editorStyles];

  /** The tab shown (`drafts`, `review`, `published`, `appeals`, `scores`). */
  @property({ reflect: true }) tab: EditorTab = 'drafts';

  /** @internal The community's entries as of now, newest first. */
  @state() entries?: RedblackEntry[] | undefined;
  /** @internal The community's appeals, oldest first. */
  @state() appeals?: AppealStaffView[] | undefined;
  /** @internal The community (grids, buildings, units, rubric). */
  @state() tree?: Community | undefined;
  /** @internal Loading failed. */
  @state() error?: ApiError | undefined;
  /** @internal The open entry form: a new entry, or the draft with this id. */
  @state() editing?: { id?: string } | undefined;
  /** @internal The action form open under an item. */
  @state() open?: OpenAction | undefined;
  /** @internal What the last action said. */
  @state() announce = '';
  /** @internal The counts' period. */
  @state() countsPeriod?: string | undefined;

  /** @internal */
  readonly t = new LocalizeController(this, 'redblack-editor', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/redblack-editor.js'),
  });
  /** @internal Every action: one Idempotency-Key per intent, reused on its retries. */
  readonly action = new ActionController(this);
  /** @internal */
  readonly session = new StaffSessionController(this, (staff) => {
    this.entries = this.appeals = this.editing = this.open = undefined;
    this.action.reset();
    if (staff) void this.load();
  });
  private readonly signIn = new SignInForm(this, this.session, () => this.t.t.bind(this.t));

  /** @internal The forms, queues and counts: loaded with the first data. */
  @state() later?: typeof import('./later.js');

  /** @internal The community worked on: the attribute (or provider's), else the staff member's. */
  get scope(): string {
    return this.communityId ?? this.session.staff?.community ?? '';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.customStates.set({ login: this.session.phase === 'login', editing: !!this.editing });
  }

  /** @internal Entries, appeals and the community, again (after every action). */
  async load(): Promise<void> {
    const client = this.client;
    const community = this.scope;
    this.error = undefined;
    try {
      const [entries, appeals, tree, later] = await Promise.all([
        client.redblack.entries({ community }),
        client.redblack.appeals({ community }),
        this.tree?.id === community ? this.tree : client.communities.get(community),
        this.later ?? import('./later.js'),
      ]);
      if (client !== this.client) return;
      if (!this.later) later.attach(this);
      Object.assign(this, { entries, appeals, tree, later });
    } catch (e) {
      this.fail(e);
    }
  }

  /** @internal A failure to load: 401 shows the sign-in everywhere, the rest here. */
  fail(e: unknown): void {
    const error = ApiError.from(e);
    if (error.code === 'unauthorized') this.session.expired(this.client);
    else this.error = error;
  }

  /** @internal Dispatches one of the editor's events. */
  notify(event: Event): void {
    this.emit(event);
  }

  /** @internal Focuses a control of the shadow root after the next render. */
  async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async choose(tab: EditorTab) {
    this.tab = tab;
    this.open = undefined;
    this.announce = '';
    this.action.reset();
    await this.focusOn(`#panel`);
  }

  /** @internal An error alert: a field's message, or the code's. */
  alert(error: ApiError | undefined, retry?: () => void) {
    const t = this.t;
    if (!error) return nothing;
    const field = error.fields[0];
    return html`<div class="alert" role="alert" part="error">
      <p>${t.t('failed')}${field ? t.t(field.key, field.params) : t.t(error.key)}</p>
      ${
        retry
          ? html`<button type="button" class="button-secondary" @click=${retry}>
              ${t.t('common:retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  protected override render() {
    const t = this.t;
    const session = this.session;
    const me = session.staff;
    if (session.phase === 'login') return this.signIn.render();
    if (!me) {
      return session.error
        ? this.alert(session.error, () => session.retry())
        : html`<p role="status">${t.t('common:loading')}</p>`;
    }
    return html`<header part="header">
        <h2>${t.t('title')}</h2>
        <span>${t.t('signedIn', { name: me.name })}</span>
        ${
          this.client.mode === 'http'
            ? html`<button type="button" class="button-secondary" @click=${() => session.logout()}>
                ${t.t('logout')}
              </button>`
            : nothing
        }
      </header>
      <div class="tabs" part="tabs" role="group" aria-label=${t.t('tabsLabel')}>
        ${EDITOR_TABS.map(
          (tab) =>
            html`<button
              type="button"
              class="tab button-secondary"
              part="tab"
              data-tab=${tab}
              aria-pressed=${this.tab === tab ? 'true' : 'false'}
              @click=${() => this.choose(tab)}
            >
              ${t.t(`tabs.${tab}`)}${this.later ? this.later.tabCount(this, tab) : nothing}
            </button>`,
        )}
      </div>
      <p class="visually-hidden" role="status" part="status">${this.announce}</p>
      ${
        this.announce
          ? html`<p class="notice" aria-hidden="true"><span>${this.announce}</span></p>`
          : nothing
      }
      <section id="panel" part="panel" tabindex="-1" aria-label=${t.t(`tabs.${this.tab}`)}>
        ${
          this.error
            ? this.alert(this.error, () => void this.load())
            : this.later && this.entries
              ? this.later.renderPanel(this, this.tab)
              : html`<p role="status">${t.t('common:loading')}</p>`
        }
      </section>`;
  }
}
