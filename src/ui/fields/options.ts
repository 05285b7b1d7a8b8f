import { noChange } from 'lit';
import { Directive, directive } from 'lit/directive.js';

/** A select's choices: value and label (already in the reader's language). */
export type OptionList = readonly (readonly [value: string, label: string])[];

/**
 * A select's `<option>`s, made with `new Option()` and kept while the list is the same. A
 * template per option costs a clone, markers and parts each: the complaint form's categories
 * and its picker's grids were 12 of its 42 template clones. Selection works as `?selected`
 * did: `defaultSelected`, which a resident's own choice overrides.
 */
class OptionsDirective extends Directive {
  private key?: string;
  private nodes: HTMLOptionElement[] = [];

  render(list: OptionList, selected?: string): unknown {
    const key = JSON.stringify(list);
    let result: unknown = noChange;
    if (key !== this.key) {
      this.key = key;
      this.nodes = list.map(([value, label]) => new Option(label, value));
      const fragment = document.createDocumentFragment();
      fragment.append(...this.nodes);
      result = fragment;
    }
    for (const option of this.nodes) option.defaultSelected = option.value === selected;
    return result;
  }
}

/** `<select>…${options([[id, label], …], selectedId)}</select>` after any fixed options. */
export const options = directive(OptionsDirective);
