import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Location } from '../../model.js';
import { locationLevels, type LocationLevel } from '../../location.js';
import zhCN from '../../locales/zh-CN/community-picker.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { baseStyles } from '../../../../ui/styles.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { LocationLevels, NAMESPACE } from './location-levels.js';
import { pickerHostStyles, pickerStyles } from './community-picker.styles.js';

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
  static override styles = [baseStyles, messageStyles, pickerStyles, pickerHostStyles];

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

  private readonly localize = new LocalizeController(this, NAMESPACE, {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/community-picker.js'),
  });
  private readonly internals = this.attachInternals();
  private readonly place = new LocationLevels(this, {
    localize: this.localize,
    value: () => this,
    choose: (level, id) => {
      this.clearFrom(level);
      if (level === 'community') this.community = id;
      else this[level] = id;
      this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      this.dispatchEvent(new Event('change', { bubbles: true }));
    },
    clear: (level) => this.clearFrom(level),
    depth: () => this.depth,
    required: () => this.required,
    disabled: () => this.disabled,
    label: () => this.label,
  });

  /** The chosen place, or undefined before a community is chosen. */
  get value(): Location | undefined {
    return this.place.value;
  }
  set value(location: Partial<Location> | undefined) {
    this.community = location?.community;
    this.grid = location?.grid;
    this.building = location?.building;
    this.unit = location?.unit;
  }

  /** The chosen place in words (`幸福里社区 · 第一网格 · 2号楼`), once the tree has loaded. */
  get description(): string {
    return this.place.description;
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
    this.place.touched = true;
    this.requestUpdate();
    return this.internals.reportValidity();
  }

  constructor() {
    super();
    // The browser fires `invalid` at form submission: show the messages then.
    this.addEventListener('invalid', () => {
      this.place.touched = true;
      this.requestUpdate();
    });
  }

  formResetCallback() {
    this.value = undefined;
    this.place.touched = false;
  }
  formDisabledCallback(disabled: boolean) {
    this.disabled = disabled;
  }

  protected override updated(): void {
    this.syncForm();
  }

  private clearFrom(level: LocationLevel) {
    for (const lower of locationLevels.slice(locationLevels.indexOf(level))) {
      if (lower === 'community') this.community = undefined;
      else this[lower] = undefined;
    }
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
    const missing = this.place.missing;
    if (missing) {
      this.internals.setValidity(
        { valueMissing: true },
        this.place.missingMessage(missing),
        this.place.selectOf(missing) ?? undefined,
      );
    } else {
      this.internals.setValidity({});
    }
  }

  protected override render() {
    return this.place.render();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sq-community-picker': SqCommunityPicker;
  }
}
